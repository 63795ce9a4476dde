/** The checkpointer thread on its own: a database it cannot open is reported once, and nothing breaks. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCheckpointer } from '../../src/conversation/sqliteCheckpointer';
import type { Logger } from '../../src/logger';

test('a checkpointer that cannot open the file says so once, with the file and the reason', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'helpdesk-checkpoint-'));
  const warnings: object[] = [];
  const logger: Logger = { debug: () => undefined, info: () => undefined, warn: (obj) => warnings.push(obj), error: () => undefined };
  const file = join(tmp, 'missing', 'helpdesk.db');
  const checkpointer = new SqliteCheckpointer(file, 20, 100, logger);
  const deadline = Date.now() + 5000;
  while (checkpointer.stats.failures === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  await checkpointer.close();
  rmSync(tmp, { recursive: true, force: true });
  expect(checkpointer.stats.failures).toBeGreaterThan(0);
  expect(warnings).toEqual([expect.objectContaining({ file, err: expect.stringMatching(/directory does not exist|unable to open/i) })]);
});
