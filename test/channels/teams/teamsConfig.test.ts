import { readTeamsConfig } from '../../../src/channels/teams/teamsConfig';

const APP_ID = '5e1f7a3c-0d2b-4c6e-9f10-2a3b4c5d6e7f';
const SECRET = 'Q~super-secret-value';
const variables = (env: NodeJS.ProcessEnv) => readTeamsConfig(env).problems.map((p) => p.variable);

test('Teams is off unless MICROSOFT_APP_ID is set or TEAMS_ENABLED=true', () => {
  expect(readTeamsConfig({})).toEqual({ config: null, problems: [] });
  expect(readTeamsConfig({ TEAMS_ENABLED: 'false' })).toEqual({ config: null, problems: [] });
  expect(readTeamsConfig({ TEAMS_ENABLED: 'true' })).toEqual({
    config: { appId: null, appPassword: null, tenantId: null, appType: 'MultiTenant', supportWebhookUrl: null, supportConversationId: null },
    problems: [],
  });
  expect(readTeamsConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: SECRET }).config).toMatchObject({ appId: APP_ID, appPassword: SECRET, appType: 'MultiTenant' });
});

test('a TEAMS_ENABLED that is neither true nor false is a problem, not silently off', () => {
  expect(variables({ TEAMS_ENABLED: 'yes' })).toEqual(['TEAMS_ENABLED']);
});

test('an app id needs its secret (MultiTenant, SingleTenant) and SingleTenant needs the tenant', () => {
  expect(variables({ MICROSOFT_APP_ID: APP_ID })).toEqual(['MICROSOFT_APP_PASSWORD']);
  expect(variables({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: SECRET, MICROSOFT_APP_TYPE: 'SingleTenant' })).toEqual(['MICROSOFT_APP_TENANT_ID']);
  const single = readTeamsConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: SECRET, MICROSOFT_APP_TYPE: 'singletenant', MICROSOFT_APP_TENANT_ID: 'contoso.onmicrosoft.com' });
  expect(single.problems).toEqual([]);
  expect(single.config?.appType).toBe('SingleTenant');
});

test('a managed identity needs the tenant and no secret', () => {
  expect(variables({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_PASSWORD: SECRET })).toEqual([
    'MICROSOFT_APP_PASSWORD',
    'MICROSOFT_APP_TENANT_ID',
  ]);
  expect(variables({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: 'tenant' })).toEqual([]);
});

test('a secret without an app id is a mistake: without the id, authentication would be off', () => {
  expect(variables({ TEAMS_ENABLED: 'true', MICROSOFT_APP_PASSWORD: SECRET })).toEqual(['MICROSOFT_APP_ID']);
});

test('every problem comes back at once, names its variable and never echoes a value', () => {
  const webhook = 'ftp://contoso.example/hook?sig=signature-secret';
  const { problems } = readTeamsConfig({
    MICROSOFT_APP_ID: 'my-bot',
    MICROSOFT_APP_TYPE: 'Everyone',
    TEAMS_SUPPORT_WEBHOOK_URL: webhook,
    TEAMS_SUPPORT_CONVERSATION_ID: '19:abc @thread.tacv2',
  });
  expect(problems.map((p) => p.variable)).toEqual([
    'MICROSOFT_APP_TYPE',
    'MICROSOFT_APP_ID',
    'MICROSOFT_APP_PASSWORD',
    'TEAMS_SUPPORT_WEBHOOK_URL',
    'TEAMS_SUPPORT_CONVERSATION_ID',
  ]);
  const shown = JSON.stringify(problems);
  for (const value of ['my-bot', 'Everyone', 'signature-secret', '19:abc']) expect(shown).not.toContain(value);
  expect(problems.find((p) => p.variable === 'MICROSOFT_APP_TYPE')?.message).toContain('MultiTenant, SingleTenant, UserAssignedMSI');
});

test('the support webhook must be http(s); the support conversation is kept as given', () => {
  const { config, problems } = readTeamsConfig({
    TEAMS_ENABLED: 'true',
    TEAMS_SUPPORT_WEBHOOK_URL: 'https://contoso.webhook.office.com/webhookb2/abc',
    TEAMS_SUPPORT_CONVERSATION_ID: '19:it-support@thread.tacv2',
  });
  expect(problems).toEqual([]);
  expect(config).toMatchObject({ supportWebhookUrl: 'https://contoso.webhook.office.com/webhookb2/abc', supportConversationId: '19:it-support@thread.tacv2' });
});
