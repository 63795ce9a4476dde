/** The Slack adapter. Placeholder until it lands. */
import type { AdapterContext, ChannelAdapter } from '../../server/channelAdapter';
import type { SlackConfig } from './slackConfig';

export function createSlackAdapter(_config: SlackConfig, _context: AdapterContext): ChannelAdapter {
  throw new Error('The Slack adapter is not built yet.');
}
