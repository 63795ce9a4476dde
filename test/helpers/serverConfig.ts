/** Server settings for in-process tests: the real defaults, on a free loopback port. */
import { readServerConfig, type ServerConfig } from '../../src/config/serverConfig';

export function loopbackServerConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...readServerConfig({}).config, host: '127.0.0.1', port: 0, idleMinutes: 60, ...overrides };
}
