/** The Slack app manifests grant exactly what the code uses, for both transports. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BOT_EVENTS, EVENTS_PATH, REQUIRED_SCOPES } from '../../../src/channels/slack/requirements';

interface Manifest {
  features: { app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean }; bot_user: { display_name: string } };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

function manifest(file: string): Manifest {
  return parse(readFileSync(join(__dirname, '../../../manifest/slack', file), 'utf8')) as Manifest;
}

describe.each([
  ['manifest.yaml', false],
  ['manifest.socket-mode.yaml', true],
])('%s', (file, socketMode) => {
  const m = manifest(file);

  test('asks for exactly the bot scopes the code uses, and no user scopes', () => {
    expect([...m.oauth_config.scopes.bot].sort()).toEqual([...REQUIRED_SCOPES].sort());
    expect(m.oauth_config.scopes.user ?? []).toEqual([]);
  });

  test('subscribes to exactly the bot events the code listens to', () => {
    expect([...m.settings.event_subscriptions.bot_events].sort()).toEqual([...BOT_EVENTS].sort());
  });

  test('enables interactivity (the option buttons) and direct messages', () => {
    expect(m.settings.interactivity.is_enabled).toBe(true);
    expect(m.features.app_home.messages_tab_enabled).toBe(true);
    expect(m.features.app_home.messages_tab_read_only_enabled).toBe(false);
  });

  test(`has Socket Mode ${socketMode ? 'on, without request URLs' : `off, with request URLs on ${EVENTS_PATH}`}`, () => {
    expect(m.settings.socket_mode_enabled).toBe(socketMode);
    const urls = [m.settings.event_subscriptions.request_url, m.settings.interactivity.request_url];
    if (socketMode) expect(urls).toEqual([undefined, undefined]);
    else for (const url of urls) expect(new URL(url!).pathname).toBe(EVENTS_PATH);
  });
});

test('every bot event is covered by a scope', () => {
  // Slack refuses a manifest whose events lack their scope; keep the pairs explicit.
  const scopeOf: Record<string, string> = {
    app_mention: 'app_mentions:read',
    'message.channels': 'channels:history',
    'message.groups': 'groups:history',
    'message.im': 'im:history',
  };
  for (const event of BOT_EVENTS) expect(REQUIRED_SCOPES).toContain(scopeOf[event]);
});
