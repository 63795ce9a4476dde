import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withEnvFile } from '../../src/config/envFile';

describe('withEnvFile', () => {
  it('fills in .env underneath the real environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'envfile-'));
    writeFileSync(join(dir, '.env'), '# comment\nPORT=4000\nHOST="127.0.0.1"\nKNOWLEDGE_DIR=./kb\n');
    expect(withEnvFile({ PORT: '5000' }, dir)).toEqual({ PORT: '5000', HOST: '127.0.0.1', KNOWLEDGE_DIR: './kb' });
  });

  it('is fine without a .env file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'envfile-'));
    expect(withEnvFile({ A: '1' }, dir)).toEqual({ A: '1' });
  });
});
