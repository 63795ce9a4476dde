/**
 * Escalations posted by the bot itself into a support channel it is installed in
 * (TEAMS_SUPPORT_CONVERSATION_ID): a proactive message through the Bot Connector.
 */
import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import type { EscalationSink } from '../../escalation/sink';
import type { EscalationRecord } from '../../messages';
import { ADAPTIVE_CARD_TYPE, escalationCard, summaryOf } from './cards';
import { tenantOf } from './teamsActivity';

/** The part of botframework-connector's ConnectorClient used here (that package is botbuilder's, not ours). */
interface ConnectorConversations {
  conversations: { sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<unknown> };
}

/** The global Bot Connector endpoint for Teams; used only until an activity names the regional one. */
export const DEFAULT_TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

export interface SupportChannelSinkOptions {
  /** TEAMS_SUPPORT_CONVERSATION_ID, e.g. `19:…@thread.tacv2`. */
  conversationId: string;
  /** MICROSOFT_APP_ID; null in local development. */
  appId: string | null;
  /** MICROSOFT_APP_TENANT_ID; else the tenant of the latest activity. */
  tenantId: string | null;
}

export class TeamsSupportChannelSink implements EscalationSink {
  readonly name = 'teams-channel';
  private serviceUrl: string | undefined;
  private lastTenantId: string | undefined;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly options: SupportChannelSinkOptions,
  ) {}

  /**
   * Learns the Bot Connector endpoint (Teams' regional serviceUrl) from an authenticated inbound
   * activity: a proactive post needs one, and an escalation always follows an inbound message.
   */
  remember(activity: Partial<Activity>): void {
    if (activity.channelId === 'msteams' && activity.serviceUrl) this.serviceUrl = activity.serviceUrl;
    const tenant = tenantOf(activity);
    if (tenant !== 'unknown-tenant') this.lastTenantId = tenant;
  }

  async deliver(record: EscalationRecord): Promise<void> {
    const { conversationId, appId } = this.options;
    const bot = { id: appId ? `28:${appId}` : 'helpdesk-bot', name: 'Helpdesk' };
    const tenantId = this.options.tenantId ?? this.lastTenantId;
    const reference: ConversationReference = {
      channelId: 'msteams',
      serviceUrl: this.serviceUrl ?? DEFAULT_TEAMS_SERVICE_URL,
      bot,
      conversation: { id: conversationId, isGroup: true, conversationType: 'channel', tenantId, name: '' },
    };
    const card = escalationCard(record);
    const activity: Partial<Activity> = {
      type: 'message',
      from: bot,
      conversation: reference.conversation,
      summary: summaryOf(`Escalation: ${record.entryTitle ?? record.reason}`),
      attachments: [{ contentType: ADAPTIVE_CARD_TYPE, content: card }],
    };
    await this.adapter.continueConversationAsync(appId ?? '', reference, async (context) => {
      // sendToConversation, not a reply: each escalation starts its own thread in the channel.
      const client = context.turnState.get<ConnectorConversations>(context.adapter.ConnectorClientKey);
      await client.conversations.sendToConversation(conversationId, activity);
    });
  }
}
