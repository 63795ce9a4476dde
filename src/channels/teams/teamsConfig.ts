/**
 * Teams' variables (exact names from the Teams issue). Read without loading the Teams SDK, so a
 * server without Teams never pays for it. Problems name the variable and never echo a value.
 */
import type { ConfigProblem, ConfigResult } from '../../config/problems';
import { isUrlWith } from '../../config/urls';

/** How the bot's Microsoft Entra app signs in (botbuilder's `MicrosoftAppType`). */
export type TeamsAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

const APP_TYPES: readonly TeamsAppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];

export interface TeamsConfig {
  /**
   * MICROSOFT_APP_ID: the bot's Entra app (client) id. Null (TEAMS_ENABLED=true without it):
   * local development, requests are not authenticated and only loopback clients are served.
   */
  appId: string | null;
  /** MICROSOFT_APP_PASSWORD: the app's client secret (MultiTenant and SingleTenant). */
  appPassword: string | null;
  /** MICROSOFT_APP_TENANT_ID: the Entra tenant (SingleTenant and UserAssignedMSI). */
  tenantId: string | null;
  /** MICROSOFT_APP_TYPE, default MultiTenant. */
  appType: TeamsAppType;
  /** TEAMS_SUPPORT_WEBHOOK_URL: incoming webhook or Workflows URL that receives escalations. */
  supportWebhookUrl: string | null;
  /** TEAMS_SUPPORT_CONVERSATION_ID: a channel (or chat) the bot is in, for proactive escalation posts. */
  supportConversationId: string | null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a GUID such as an Entra app id. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** Null config when Teams is not enabled (no MICROSOFT_APP_ID and TEAMS_ENABLED is not true). */
export function readTeamsConfig(env: NodeJS.ProcessEnv): ConfigResult<TeamsConfig | null> {
  const problems: ConfigProblem[] = [];
  const read = (name: string): string | null => env[name]?.trim() || null;

  const enabledFlag = read('TEAMS_ENABLED');
  if (enabledFlag !== null && enabledFlag !== 'true' && enabledFlag !== 'false') {
    problems.push({ variable: 'TEAMS_ENABLED', message: 'must be true or false (whether to serve Microsoft Teams without MICROSOFT_APP_ID, for local development)' });
  }
  const appId = read('MICROSOFT_APP_ID');
  if (!appId && enabledFlag !== 'true') return { config: null, problems };

  const appPassword = read('MICROSOFT_APP_PASSWORD');
  const tenantId = read('MICROSOFT_APP_TENANT_ID');
  const rawType = read('MICROSOFT_APP_TYPE');
  let appType: TeamsAppType = 'MultiTenant';
  if (rawType) {
    const known = APP_TYPES.find((t) => t.toLowerCase() === rawType.toLowerCase());
    if (known) appType = known;
    else problems.push({ variable: 'MICROSOFT_APP_TYPE', message: `must be one of ${APP_TYPES.join(', ')} (how the bot's Microsoft Entra app signs in)` });
  }

  if (appId && !isGuid(appId)) {
    problems.push({ variable: 'MICROSOFT_APP_ID', message: "must be the bot's Microsoft Entra app (client) id, a GUID such as 00000000-0000-0000-0000-000000000000" });
  }
  if (!appId && (appPassword || (rawType && appType !== 'MultiTenant'))) {
    // Without an app id botbuilder turns authentication off: a secret without an id is a mistake, not local development.
    problems.push({ variable: 'MICROSOFT_APP_ID', message: `is required when MICROSOFT_APP_PASSWORD or MICROSOFT_APP_TYPE is set (the bot's Microsoft Entra app id; without it requests are not authenticated)` });
  }
  if (appId && appType !== 'UserAssignedMSI' && !appPassword) {
    problems.push({ variable: 'MICROSOFT_APP_PASSWORD', message: `is required with MICROSOFT_APP_ID for ${appType} apps (the client secret the bot signs in with)` });
  }
  if (appType === 'UserAssignedMSI' && appPassword) {
    problems.push({ variable: 'MICROSOFT_APP_PASSWORD', message: 'must not be set for UserAssignedMSI (the managed identity signs in without a secret)' });
  }
  if (appId && appType !== 'MultiTenant' && !tenantId) {
    problems.push({ variable: 'MICROSOFT_APP_TENANT_ID', message: `is required for ${appType} apps (the Microsoft Entra tenant the bot's app belongs to)` });
  }

  const supportWebhookUrl = read('TEAMS_SUPPORT_WEBHOOK_URL');
  if (supportWebhookUrl && !isUrlWith(supportWebhookUrl, ['https:', 'http:'])) {
    problems.push({ variable: 'TEAMS_SUPPORT_WEBHOOK_URL', message: 'must be an http(s) URL (the incoming webhook or Workflows URL that receives escalations)' });
  }
  const supportConversationId = read('TEAMS_SUPPORT_CONVERSATION_ID');
  if (supportConversationId && /\s/.test(supportConversationId)) {
    problems.push({ variable: 'TEAMS_SUPPORT_CONVERSATION_ID', message: 'must be a Teams conversation id such as 19:…@thread.tacv2, without spaces (the support channel for escalations)' });
  }

  return { config: { appId, appPassword, tenantId, appType, supportWebhookUrl, supportConversationId }, problems };
}
