/**
 * Who may post to /api/messages. With an app id and secret, botbuilder's own token validation
 * (401 without a valid Bot Framework token); without one, loopback clients only. Requests
 * rejected here never reach the Bot Framework's servers: only the no-token and foreign-issuer
 * paths are tested, since checking a well-formed token needs Microsoft's signing keys.
 */
import { loopbackServerConfig } from '../../helpers/serverConfig';
import { isLoopback } from '../../../src/channels/teams/loopbackOnly';
import { readTeamsConfig } from '../../../src/channels/teams/teamsConfig';
import { loadKnowledge } from '../../../src/knowledge/loadKnowledge';
import { startServer, type RunningServer } from '../../../src/server/runServer';
import { FakeBotConnector } from '../../fakes/botConnector';
import { personalMessage, postActivity } from './activities';

const knowledge = loadKnowledge('knowledge').knowledge;
const serverConfig = loopbackServerConfig();

/** An unsigned JWT from an issuer the Bot Framework does not trust. */
function foreignToken(): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT', kid: 'x' })}.${part({ iss: 'https://attacker.example', aud: 'whatever', exp: 9999999999 })}.c2lnbmF0dXJl`;
}

describe('with MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD', () => {
  let connector: FakeBotConnector;
  let server: RunningServer;
  let consoleError: jest.SpyInstance;

  beforeAll(async () => {
    connector = await FakeBotConnector.start();
    const teams = readTeamsConfig({ MICROSOFT_APP_ID: '5e1f7a3c-0d2b-4c6e-9f10-2a3b4c5d6e7f', MICROSOFT_APP_PASSWORD: 'not-a-real-secret' });
    expect(teams.problems).toEqual([]);
    server = await startServer({ server: serverConfig, slack: null, teams: teams.config, knowledge });
  });

  beforeEach(() => {
    // botbuilder's CloudAdapter prints every rejected request with console.error.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => consoleError.mockRestore());

  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  test('a request without a token gets 401 and is not processed', async () => {
    expect(await postActivity(server.url, personalMessage(connector.serviceUrl, 'KB5057589 failed with 0x80070643'))).toBe(401);
    expect(connector.calls).toEqual([]);
  });

  test('a token from a foreign issuer gets 401 and is not processed', async () => {
    const message = personalMessage(connector.serviceUrl, 'KB5057589 failed with 0x80070643');
    expect(await postActivity(server.url, message, { authorization: `Bearer ${foreignToken()}` })).toBe(401);
    expect(connector.calls).toEqual([]);
  });
});

describe('without MICROSOFT_APP_ID (local development)', () => {
  let connector: FakeBotConnector;
  let server: RunningServer;

  beforeAll(async () => {
    connector = await FakeBotConnector.start();
    server = await startServer({ server: serverConfig, slack: null, teams: readTeamsConfig({ TEAMS_ENABLED: 'true' }).config, knowledge });
  });

  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  test('a loopback client is served without a token', async () => {
    expect(await postActivity(server.url, personalMessage(connector.serviceUrl, 'KB5057589 failed with 0x80070643'))).toBe(200);
    await connector.messagesTo('a:1ann-personal-chat-with-helpdesk', 1);
  });

  test('a request relayed by a proxy is refused (403) before it is read', async () => {
    const status = await postActivity(server.url, personalMessage(connector.serviceUrl, 'hello'), { 'x-forwarded-for': '203.0.113.7' });
    expect(status).toBe(403);
  });

  test('only loopback addresses count as loopback', () => {
    expect(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['10.0.0.1', '192.168.1.2', '::ffff:10.0.0.1', 'fe80::1', '', undefined].some(isLoopback)).toBe(false);
  });
});
