/** `helpdesk-bot serve`: placeholder until the Slack and Teams adapters land. */
import { write, type CliIo, type ExitCode } from '../cli/io';

export async function runServer(io: CliIo, _dir: string | undefined): Promise<ExitCode> {
  write(io.stderr, 'helpdesk-bot serve: no channel adapters are built yet; use `helpdesk-bot chat`.');
  return 78;
}
