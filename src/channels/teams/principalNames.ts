/**
 * Employees' user principal names, looked up once per user through the Bot Connector (Teams
 * activities carry no UPN), for the "open a chat with the employee" link support receives.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from '../../logger';

export class PrincipalNames {
  private readonly names = new Map<string, string | null>();

  /** @param limit Most users remembered; the oldest are forgotten first. Default 10,000. */
  constructor(
    private readonly logger: Logger,
    private readonly limit = 10_000,
  ) {}

  /** The sender's UPN (or email), or null when Teams does not say; failures are remembered too. */
  async of(context: TurnContext): Promise<string | null> {
    const userId = context.activity.from?.id;
    if (!userId) return null;
    if (this.names.has(userId)) return this.names.get(userId) ?? null;
    let name: string | null = null;
    try {
      const member = await TeamsInfo.getMember(context, userId);
      name = member.userPrincipalName || member.email || null;
    } catch (err) {
      // The link is a convenience: the escalation goes out without it.
      this.logger.warn({ err: (err as Error).message }, 'teams: could not look up the employee, escalations from this chat carry no link');
    }
    this.names.set(userId, name);
    if (this.names.size > this.limit) this.names.delete(this.names.keys().next().value!);
    return name;
  }
}
