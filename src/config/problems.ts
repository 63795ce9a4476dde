/** Configuration problems: each names the variable and what it is for. Values are never echoed. */

export interface ConfigProblem {
  variable: string;
  message: string;
}

/** The result of reading one component's variables. */
export type ConfigResult<T> = { config: T; problems: ConfigProblem[] };
