import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { entryJsonSchema } from '../../src/knowledge/jsonSchema';

describe('the entry JSON Schema', () => {
  it('is the one the loader uses (run `npm run schema` after changing src/knowledge/schema.ts)', () => {
    const committed = JSON.parse(readFileSync(join('schema', 'knowledge-entry.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(entryJsonSchema())));
  });

  it.each(readdirSync('knowledge').filter((name) => name.endsWith('.yaml')))('is named on the first line of knowledge/%s', (name) => {
    const firstLine = readFileSync(join('knowledge', name), 'utf8').split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=../schema/knowledge-entry.schema.json');
  });
});
