/**
 * Synthetic knowledge bases shaped like the shipped entries, at any size, from a seed. Three
 * kinds of entry mirror what a real helpdesk writes down:
 *
 * - `cosmetic`: an update whose error is harmless after checks (like KB5057589): update id,
 *   error code, phrases, a yes/no and a size question, a flag and a five-row decision table;
 * - `escalate`: updates whose failure is real (like KB5034441): ids, codes, a few phrases,
 *   straight to IT;
 * - `howto`: a product problem recognised by phrases ("outlook keeps crashing"), one question.
 *
 * Update ids are distinct across the base; error codes come mostly from a pool of real,
 * shared codes (skewed: 0x80070643 is listed by many entries), phrases from shared words
 * ("windows", "update"), so the indexes meet realistic collisions. Entry 0 is the catch-all for
 * unlisted updates, as in the shipped knowledge.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { EntryDefinition } from '../../src/knowledge/schema';
import { Random } from '../lib/random';
import { COMMON_ERROR_CODES, COMPONENTS, ERROR_FAMILIES, MONTHS, PLATFORMS, PRODUCTS, QUALIFIERS, SYMPTOMS } from './vocabulary';

export type EntryKind = 'unlisted' | 'cosmetic' | 'escalate' | 'howto';

export interface GeneratedEntry {
  kind: EntryKind;
  definition: EntryDefinition;
  /** Canonical update ids (`KB5012345`) this entry lists. */
  updates: string[];
  /** Canonical error codes (`0x80070643`). */
  errors: string[];
  /** `match.phrases`, as written. */
  phrases: string[];
}

/**
 * How strongly entries favour the most common error codes. At 0.6 the most listed code
 * (0x80070643) is on about 4% of entries: some 400 of 10,000.
 */
const ERROR_SKEW = 0.6;

/** The default seed of the suite; any other gives another, equally valid, knowledge base. */
export const DEFAULT_SEED = 20250408;

/** Generates `count` entries; the first n entries of a larger base are the base of size n. */
export function generateKnowledge(count: number, seed = DEFAULT_SEED): GeneratedEntry[] {
  const rng = new Random(seed);
  const ids = new Set<string>();
  const updateNumbers = new Set<number>();
  const errorCodes = new Set<string>(COMMON_ERROR_CODES);
  const entries: GeneratedEntry[] = [];

  const newUpdate = (): string => {
    for (;;) {
      const n = rng.between(5_000_000, 5_099_999);
      if (!updateNumbers.has(n)) {
        updateNumbers.add(n);
        return `KB${n}`;
      }
    }
  };
  const newErrorCode = (): string => {
    for (;;) {
      const code = `${rng.pick(ERROR_FAMILIES)}${rng.int(0x10000).toString(16).padStart(4, '0')}`;
      if (!errorCodes.has(code)) {
        errorCodes.add(code);
        return code;
      }
    }
  };
  const errorsFor = (chanceNone: number): string[] => {
    const r = rng.next();
    if (r < chanceNone) return [];
    const codes = [r < chanceNone + (1 - chanceNone) * 0.7 ? rng.pickSkewed(COMMON_ERROR_CODES, ERROR_SKEW) : newErrorCode()];
    if (rng.chance(0.15)) codes.push(rng.pickSkewed(COMMON_ERROR_CODES, ERROR_SKEW));
    return [...new Set(codes)];
  };
  const uniqueId = (base: string): string => {
    const slug = slugify(base);
    let id = slug;
    for (let i = 2; ids.has(id); i++) id = `${slug}-${i}`;
    ids.add(id);
    return id;
  };

  for (let i = 0; i < count; i++) {
    const r = rng.next();
    const entry =
      i === 0 ? unlistedEntry(uniqueId) : r < 0.25 ? cosmeticEntry(rng, newUpdate, errorsFor, uniqueId) : r < 0.6 ? escalateEntry(rng, newUpdate, errorsFor, uniqueId) : howtoEntry(rng, errorsFor, uniqueId);
    entries.push(entry);
  }
  return entries;
}

/**
 * Writes one YAML file per entry into `dir` (created), as a support lead would keep them, with
 * the shipped shared lexicon and questions beside them (entries that can resolve need them).
 */
export function writeKnowledgeDir(dir: string, entries: readonly GeneratedEntry[]): void {
  mkdirSync(dir, { recursive: true });
  cpSync(join(SHIPPED_KNOWLEDGE, 'shared'), join(dir, 'shared'), { recursive: true });
  for (const entry of entries) writeFileSync(join(dir, `${entry.definition.id}.yaml`), entryYaml(entry));
}

const SHIPPED_KNOWLEDGE = join(__dirname, '..', '..', '..', '..', 'knowledge');

/** One entry as YAML text, with the schema comment the shipped files carry. */
export function entryYaml(entry: GeneratedEntry): string {
  const header = `# yaml-language-server: $schema=../schema/knowledge-entry.schema.json\n#\n# Synthetic ${entry.kind} entry (bench/generate).\n`;
  return header + stringify(entry.definition, { lineWidth: 0 });
}

type IdMaker = (base: string) => string;

function unlistedEntry(uniqueId: IdMaker): GeneratedEntry {
  const definition: EntryDefinition = {
    id: uniqueId('0x80070643-unlisted-update'),
    title: '0x80070643 on an update without a known-issue entry',
    label: 'Another update',
    match: { updates: ['*'], errors: ['0x80070643'], require_all: ['updates', 'errors'] },
    flow: [{ escalate: 'real_install_failure' }],
    replies: { real_install_failure: '0x80070643 on this update means the installation really failed; IT should look at it.' },
  };
  return { kind: 'unlisted', definition, updates: [], errors: ['0x80070643'], phrases: [] };
}

function cosmeticEntry(rng: Random, newUpdate: () => string, errorsFor: (none: number) => string[], uniqueId: IdMaker): GeneratedEntry {
  const update = newUpdate();
  const errors = errorsFor(0.05);
  const component = rng.pick(COMPONENTS);
  const month = rng.pick(MONTHS);
  const year = rng.between(2022, 2025);
  const platform = rng.pick(PLATFORMS);
  const product = rng.pickSkewed(PRODUCTS);
  const symptom = rng.pick(SYMPTOMS);
  const phrases = unique([`${month} ${year} ${component}`, `${component} ${symptom}`, ...(rng.chance(0.5) ? [`${product} ${symptom}`] : [])]);
  const minMb = rng.pick([250, 500, 1024]);
  const errorText = errors[0] ?? 'an error';
  const definition: EntryDefinition = {
    id: uniqueId(`${update.toLowerCase()}-${component}-false-error`),
    title: `${update} (${capitalize(month)} ${year} ${component} for ${platform}) shows ${errorText} although it installs`,
    label: update,
    match: {
      updates: [update],
      ...(errors.length ? { errors } : {}),
      phrases,
      require_any: ['updates', 'phrases'],
      exclude: { other_updates: true, other_errors: true, ...(rng.chance(0.3) ? { phrases: [`${rng.pick(MONTHS)} ${year - 1}`] } : {}) },
    },
    // Its own symptom is an update failing: said of nothing else, that is the issue itself.
    symptom: { lexicon: ['update_failure'] },
    questions: {
      rebooted: {
        type: 'yes_no',
        ask: 'Has the PC restarted since the update was installed?',
        yes_when: ['restarted', 'rebooted', 'after restart', 'after reboot', 'since the reboot', 'since the restart'],
        no_when: ['not restarted', 'not rebooted', 'not yet restarted', 'not yet rebooted'],
      },
      free_mb: {
        type: 'size',
        unit: 'MB',
        ask: 'How much free space does the system drive have?',
        context: ['free', 'space', 'left', 'available', 'disk', 'drive'],
        choices: [
          { label: `Less than ${minMb} MB`, answer: `less than ${minMb} MB` },
          { label: `${minMb} MB or more`, answer: `at least ${minMb} MB` },
        ],
        help: 'Open File Explorer, select This PC and read the free space under the system drive (usually C:).',
      },
      system_degraded: {
        type: 'flag',
        when: ['crash', 'crashes', 'crashing', 'blue screen', 'bsod', 'boot loop', 'will not boot', 'does not boot', 'black screen', 'freezes', 'stopped working'],
      },
    },
    flow: [
      { when: { system_degraded: true }, escalate: 'system_degraded' },
      { when: { rebooted: 'no' }, say: 'restart_first', then_ask: 'rebooted' },
      { when: { free_mb: { below: minMb } }, escalate: 'not_enough_space' },
      { when: { rebooted: 'yes', free_mb: { at_least: minMb } }, resolve: 'safe_to_ignore' },
    ],
    replies: {
      restart_first: `Please restart the PC first: ${update} finishes installing during the restart. Tell me here once it's done.`,
      safe_to_ignore: `Good news: the ${errorText} shown for ${update} is cosmetic, so it is safe to ignore. The update is installed after a restart and you have {free_mb} free. Keep installing the monthly updates as usual.`,
      not_enough_space: `The system drive has only {free_mb} free and ${update} needs at least ${minMb} MB, so IT needs to make room.`,
      system_degraded: `Crashes or boot problems are not part of the harmless ${update} error, so this needs a technician.`,
    },
    examples: {
      match: [`${update} failed with ${errorText}`, `the ${component} ${symptom} on my laptop`],
      conversations: [{ turns: [`${update} failed with ${errorText}`, 'yes', `${minMb + 100} MB`], outcome: 'resolved' }],
    },
  };
  return { kind: 'cosmetic', definition, updates: [update], errors, phrases };
}

function escalateEntry(rng: Random, newUpdate: () => string, errorsFor: (none: number) => string[], uniqueId: IdMaker): GeneratedEntry {
  const updates = Array.from({ length: rng.pick([1, 1, 1, 2, 3]) }, newUpdate);
  const errors = errorsFor(0.2);
  const component = rng.pick(COMPONENTS);
  const month = rng.pick(MONTHS);
  const year = rng.between(2022, 2025);
  const platforms = rng.sample(PLATFORMS, updates.length);
  const phrases = rng.chance(0.6) ? unique([`${month} ${year} ${component}`, ...(rng.chance(0.4) ? [`${rng.pickSkewed(PRODUCTS)} ${rng.pick(SYMPTOMS)}`] : [])]) : [];
  const list = updates.map((u, i) => `${u} (${platforms[i]})`).join(', ');
  const definition: EntryDefinition = {
    id: uniqueId(`${updates[0].toLowerCase()}-${component}-${rng.pick(['fails', 'rollback', 'install-error', 'blocked'])}`),
    title: `${updates.join(' / ')} (${capitalize(month)} ${year} ${component}) fail${errors.length ? ` with ${errors.join(' or ')}` : ''}`,
    label: updates.join(', '),
    match: {
      updates,
      ...(errors.length ? { errors } : {}),
      ...(phrases.length ? { phrases } : {}),
      require_any: ['updates'],
    },
    flow: [{ escalate: 'real_failure' }],
    replies: {
      real_failure: `This is a real installation failure. The ${capitalize(month)} ${year} ${component} (${list}) needs an administrator to repair it, so IT will take it from here.`,
    },
    examples: { match: [`${updates[0]} ${rng.pick(SYMPTOMS)}${errors.length ? ` ${errors[0]}` : ''}`] },
  };
  return { kind: 'escalate', definition, updates, errors, phrases };
}

function howtoEntry(rng: Random, errorsFor: (none: number) => string[], uniqueId: IdMaker): GeneratedEntry {
  const product = rng.pickSkewed(PRODUCTS);
  const symptom = rng.pick(SYMPTOMS);
  const qualifier = rng.chance(0.5) ? rng.pick(QUALIFIERS) : '';
  const errors = errorsFor(0.7);
  const phrases = unique([
    qualifier ? `${product} ${symptom} ${qualifier}` : `${product} ${symptom}`,
    `${product} ${rng.pick(SYMPTOMS)}`,
    ...(rng.chance(0.5) ? [`${rng.pickSkewed(PRODUCTS)} ${symptom}`] : []),
    ...(rng.chance(0.3) ? [`${product} ${rng.pick(['error', 'problem', 'issue', 'not working'])} ${rng.pick(QUALIFIERS)}`] : []),
  ]);
  const definition: EntryDefinition = {
    id: uniqueId(`${product}-${symptom}${qualifier ? `-${qualifier}` : ''}`),
    title: `${capitalize(product)} ${symptom}${qualifier ? ` ${qualifier}` : ''}`,
    match: { ...(errors.length ? { errors } : {}), phrases, require_any: ['phrases'] },
    // Its own symptom: the product's trouble in the words of its phrases.
    symptom: { lexicon: ['update_failure'], phrases: [symptom] },
    questions: {
      tried_restart: {
        type: 'yes_no',
        ask: `Have you restarted ${product} (or the PC) since it started?`,
        yes_when: ['restarted', 'rebooted', 'tried that'],
        no_when: ['not restarted', 'not yet'],
      },
    },
    flow: [
      { when: { tried_restart: 'no' }, say: 'restart_first', then_ask: 'tried_restart' },
      rng.chance(0.5) ? { when: { tried_restart: 'yes' }, resolve: 'known_fix' } : { when: { tried_restart: 'yes' }, escalate: 'known_fix' },
    ],
    replies: {
      restart_first: `Please restart ${product} first; most cases of "${symptom}" clear after a restart. Tell me when that's done.`,
      known_fix: `This is a known issue with ${product}: ${symptom}${qualifier ? ` ${qualifier}` : ''}. ${rng.pick(FIXES)}`,
    },
    examples: { match: [`${product} ${symptom} ${rng.pick(['since this morning', 'again', 'on my laptop', 'after the update'])}`] },
  };
  return { kind: 'howto', definition, updates: [], errors, phrases };
}

const FIXES: readonly string[] = [
  'Sign out, clear the cached credentials in Credential Manager and sign in again.',
  'Open Company Portal, select Sync, wait five minutes and try again.',
  'Install the latest driver from Software Center and restart.',
  'Run the repair from Settings › Apps › Installed apps › Modify › Quick Repair.',
  'Disconnect from the dock, connect the power first and then the dock.',
  'Delete the local cache folder and restart the app; your data is kept on the server.',
];

/** Lowercase letters, digits and dashes, as entry ids require. */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : `entry-${slug}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
