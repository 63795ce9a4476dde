/** Slack's variables (exact names from the Slack issue). Placeholder until the adapter lands. */
import type { ConfigResult } from '../../config/problems';

export interface SlackConfig {
  botToken: string;
}

/** Null config when Slack is not configured at all. */
export function readSlackConfig(env: NodeJS.ProcessEnv): ConfigResult<SlackConfig | null> {
  return { config: env.SLACK_BOT_TOKEN ? { botToken: env.SLACK_BOT_TOKEN } : null, problems: [] };
}
