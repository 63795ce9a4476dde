/** Configuration problems: each names the variable and what it is for. Values are never echoed. */

export interface ConfigProblem {
  variable: string;
  message: string;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';

  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map((p) => `${p.variable}: ${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** The result of reading one component's variables. */
export type ConfigResult<T> = { config: T; problems: ConfigProblem[] };
