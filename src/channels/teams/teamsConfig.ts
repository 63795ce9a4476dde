/** Teams' variables (exact names from the Teams issue). Placeholder until the adapter lands. */
import type { ConfigResult } from '../../config/problems';

export interface TeamsConfig {
  appId: string | undefined;
}

/** Null config when Teams is not configured (no MICROSOFT_APP_ID and TEAMS_ENABLED is not true). */
export function readTeamsConfig(env: NodeJS.ProcessEnv): ConfigResult<TeamsConfig | null> {
  const enabled = Boolean(env.MICROSOFT_APP_ID) || env.TEAMS_ENABLED === 'true';
  return { config: enabled ? { appId: env.MICROSOFT_APP_ID || undefined } : null, problems: [] };
}
