import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { readAllConfig } from '../../src/server/runServer';

const example = readFileSync('.env.example', 'utf8');
const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));

// The configuration readers: every variable they read must be documented.
const readers = [
  ...readdirSync(join('src', 'config'))
    .filter((f) => f !== 'problems.ts')
    .map((f) => join('src', 'config', f)),
  join('src', 'channels', 'slack', 'slackConfig.ts'),
  join('src', 'channels', 'teams', 'teamsConfig.ts'),
];
const read = new Set(readers.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\b(?:env\.|env\[')([A-Z][A-Z0-9_]{2,})|'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|HOST|PORT)'/g)].map((m) => m[1] ?? m[2])));

describe('.env.example', () => {
  it('documents every variable the configuration reads', () => {
    expect(read.size).toBeGreaterThan(20);
    expect([...read].filter((name) => !documented.has(name))).toEqual([]);
  });

  it('documents no variable the configuration does not read', () => {
    expect([...documented].filter((name) => !read.has(name))).toEqual([]);
  });

  it('has defaults the configuration accepts', () => {
    expect(readAllConfig(parseEnv(example)).problems).toEqual([]);
  });
});
