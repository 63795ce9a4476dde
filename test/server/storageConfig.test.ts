/** DATA_DIR, REDIS_URL, TICKET_WEBHOOK_URL, TICKET_WEBHOOK_SECRET: defaults, and problems that name the variable without echoing it. */
import { readStorageConfig } from '../../src/config/storageConfig';
import { readAllConfig } from '../../src/server/runServer';

test('defaults: SQLite in ./data, no Redis, no ticket webhook', () => {
  expect(readStorageConfig({})).toEqual({ config: { dataDir: './data', redisUrl: null, ticketWebhook: null }, problems: [] });
});

test('reads every variable', () => {
  const { config, problems } = readStorageConfig({
    DATA_DIR: '/var/lib/helpdesk',
    REDIS_URL: 'rediss://:pw@redis.internal:6380/2',
    TICKET_WEBHOOK_URL: 'https://tickets.example.com/hooks/helpdesk',
    TICKET_WEBHOOK_SECRET: 'a'.repeat(32),
  });
  expect(problems).toEqual([]);
  expect(config).toEqual({
    dataDir: '/var/lib/helpdesk',
    redisUrl: 'rediss://:pw@redis.internal:6380/2',
    ticketWebhook: { url: 'https://tickets.example.com/hooks/helpdesk', secret: 'a'.repeat(32) },
  });
});

test('every problem at once, each naming its variable, none echoing a value', () => {
  const env = { REDIS_URL: 'http://user:topsecret@redis:6379', TICKET_WEBHOOK_URL: 'ftp://tickets/secretpath', TICKET_WEBHOOK_SECRET: 'short-secret' };
  const { problems } = readStorageConfig(env);
  expect(problems.map((p) => p.variable)).toEqual(['REDIS_URL', 'TICKET_WEBHOOK_URL', 'TICKET_WEBHOOK_SECRET']);
  const text = JSON.stringify(problems);
  for (const secret of ['topsecret', 'secretpath', 'short-secret']) expect(text).not.toContain(secret);
  expect(problems[0].message).toMatch(/redis:\/\/ or rediss:\/\//);
});

test('a secret without a URL, and an unparsable URL, are problems', () => {
  expect(readStorageConfig({ TICKET_WEBHOOK_SECRET: 'x'.repeat(40) }).problems).toEqual([{ variable: 'TICKET_WEBHOOK_SECRET', message: expect.stringContaining('TICKET_WEBHOOK_URL is not') }]);
  expect(readStorageConfig({ TICKET_WEBHOOK_URL: 'not a url' }).problems.map((p) => p.variable)).toEqual(['TICKET_WEBHOOK_URL']);
  expect(readStorageConfig({ REDIS_URL: 'redis.internal:6379' }).problems.map((p) => p.variable)).toEqual(['REDIS_URL']);
});

test('readAllConfig includes the storage variables and their problems', () => {
  const all = readAllConfig({ DATA_DIR: 'state', REDIS_URL: 'nope' });
  expect(all.storage.dataDir).toBe('state');
  expect(all.problems.map((p) => p.variable)).toContain('REDIS_URL');
});
