/**
 * The Teams adapter: a teams-ai `Application` (no AI configured) behind POST /api/messages on
 * the shared server. Loaded only when Teams is enabled: `@microsoft/teams-ai` costs about a second.
 */
import { ActivityTypes } from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import express, { type Express } from 'express';
import type { EscalationSink } from '../../escalation/sink';
import type { AdapterContext, ChannelAdapter } from '../../server/channelAdapter';
import { isAnswerData, ANSWER_VERB } from './cards';
import { loopbackOnly } from './loopbackOnly';
import { OpenCards } from './openCards';
import { PrincipalNames } from './principalNames';
import { TeamsSupportChannelSink } from './supportChannelSink';
import type { TeamsConfig } from './teamsConfig';
import { TeamsTurns } from './teamsTurns';
import { TeamsWebhookSink } from './webhookSink';

/** The messaging endpoint registered with the Azure Bot / Teams Developer Portal. */
export const TEAMS_ROUTE = '/api/messages';

export function createTeamsAdapter(config: TeamsConfig, context: AdapterContext): ChannelAdapter {
  const { logger } = context;
  const authenticated = config.appId !== null;
  // botbuilder validates every request's token itself once it knows the app id (401 without one).
  const adapter = new TeamsAdapter(
    authenticated
      ? {
          MicrosoftAppId: config.appId!,
          MicrosoftAppPassword: config.appPassword ?? undefined,
          MicrosoftAppType: config.appType,
          MicrosoftAppTenantId: config.tenantId ?? undefined,
        }
      : {},
  );
  const app = new Application<TurnState>({
    adapter,
    botAppId: config.appId ?? undefined,
    // Replies take milliseconds; a typing indicator would be one more outbound call per message.
    startTypingTimer: false,
    // The core strips mentions itself and the adapter needs the raw text to see them.
    removeRecipientMention: false,
  });

  const supportChannel = config.supportConversationId
    ? new TeamsSupportChannelSink(adapter, { conversationId: config.supportConversationId, appId: config.appId, tenantId: config.tenantId })
    : null;
  const sinks: EscalationSink[] = [];
  if (config.supportWebhookUrl) sinks.push(new TeamsWebhookSink({ url: config.supportWebhookUrl }));
  if (supportChannel) sinks.push(supportChannel);

  const turns = new TeamsTurns({ ...context, openCards: new OpenCards(), principalNames: new PrincipalNames(logger) });
  app.turn('beforeTurn', async (turnContext) => {
    supportChannel?.remember(turnContext.activity);
    return true;
  });
  // First match wins: our buttons' submits (a message with `value` and no text) before typed text.
  app.adaptiveCards.actionSubmit(ANSWER_VERB, async (turnContext, _state, data) => {
    if (isAnswerData(data)) await turns.onAnswer(turnContext, data);
  });
  app.activity(ActivityTypes.Message, async (turnContext) => turns.onMessage(turnContext));
  app.error(async (turnContext, err) => {
    logger.error({ err: err.message, activityId: turnContext.activity?.id }, 'teams: turn failed');
  });

  return {
    name: 'teams',
    sinks,
    mount(server: Express) {
      const guard = authenticated ? [] : [loopbackOnly(logger)];
      server.post(TEAMS_ROUTE, ...guard, express.json({ limit: '512kb' }), async (req, res) => {
        try {
          await adapter.process(req, res, async (turnContext) => {
            await app.run(turnContext);
          });
        } catch (err) {
          logger.error({ err: (err as Error).message }, 'teams: request failed');
          if (!res.headersSent) res.status(500).end();
        }
      });
    },
    async start() {
      if (authenticated) logger.info({ route: TEAMS_ROUTE, appType: config.appType }, 'teams: serving with Bot Framework authentication');
      else {
        logger.warn(
          { route: TEAMS_ROUTE },
          'teams: MICROSOFT_APP_ID is not set, so requests are not authenticated: serving loopback clients only (local development)',
        );
      }
      if (sinks.length === 0) {
        logger.warn({}, 'teams: neither TEAMS_SUPPORT_WEBHOOK_URL nor TEAMS_SUPPORT_CONVERSATION_ID is set: escalations are only logged');
      }
    },
    async stop() {
      // Nothing of our own runs outside requests; the server lets in-flight requests finish.
    },
  };
}
