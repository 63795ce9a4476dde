/** The Teams adapter. Placeholder until it lands. */
import type { AdapterContext, ChannelAdapter } from '../../server/channelAdapter';
import type { TeamsConfig } from './teamsConfig';

export function createTeamsAdapter(_config: TeamsConfig, _context: AdapterContext): ChannelAdapter {
  throw new Error('The Teams adapter is not built yet.');
}
