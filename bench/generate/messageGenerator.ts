/**
 * The mixed traffic a helpdesk channel sees, generated against a knowledge base from a seed:
 *
 * - `update`: names an entry's update (in any of the spellings people use, Slack link markup
 *   included), often with its error code and a phrase;
 * - `phrase`: describes a product problem in words, sometimes with a typo;
 * - `near-miss`: an update id one digit off a listed one (never listed itself), with the
 *   neighbour's error code and words: the answer must not be the neighbour's;
 * - `chatter`: small talk;
 * - `log-paste`: 4 KB of Windows Update / CBS log lines (GUIDs, HRESULTs, package names).
 */
import { Random } from '../lib/random';
import type { GeneratedEntry } from './knowledgeGenerator';
import { CHATTER, CLOSERS, COMMON_ERROR_CODES, DEVICES, OPENERS, QUALIFIERS } from './vocabulary';

export type MessageKind = 'update' | 'phrase' | 'near-miss' | 'chatter' | 'log-paste';

export interface BenchMessage {
  kind: MessageKind;
  text: string;
  /** The entry the message is about (null for chatter and pastes). */
  intended: string | null;
  /** For near misses: the entry whose update id is one digit away. */
  neighbour?: string;
}

/** Share of each kind in the mix. */
export const MESSAGE_MIX: Readonly<Record<MessageKind, number>> = {
  update: 0.25,
  phrase: 0.2,
  'near-miss': 0.15,
  chatter: 0.35,
  'log-paste': 0.05,
};

export const LOG_PASTE_CHARS = 4096;

/** `count` messages in a fixed, shuffled mix. */
export function generateMessages(entries: readonly GeneratedEntry[], count: number, seed: number): BenchMessage[] {
  const rng = new Random(seed);
  const withUpdates = entries.filter((e) => e.updates.length > 0);
  const withPhrases = entries.filter((e) => e.kind === 'howto');
  const listed = new Set(entries.flatMap((e) => e.updates));
  const out: BenchMessage[] = [];
  for (const [kind, share] of Object.entries(MESSAGE_MIX) as Array<[MessageKind, number]>) {
    const n = Math.round(count * share);
    for (let i = 0; i < n; i++) {
      switch (kind) {
        case 'update':
          out.push(updateMessage(rng, rng.pick(withUpdates)));
          break;
        case 'phrase':
          out.push(withPhrases.length ? phraseMessage(rng, rng.pick(withPhrases)) : updateMessage(rng, rng.pick(withUpdates)));
          break;
        case 'near-miss':
          out.push(nearMissMessage(rng, rng.pick(withUpdates), listed));
          break;
        case 'chatter':
          out.push({ kind, text: chatter(rng), intended: null });
          break;
        case 'log-paste':
          out.push({ kind, text: logPaste(rng, entries), intended: null });
          break;
      }
    }
  }
  // Shuffle so kinds interleave as they would in a channel (and caches see a mix).
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** An update id as people write it. */
export function spellUpdate(rng: Random, update: string): string {
  const digits = update.slice(2);
  switch (rng.int(7)) {
    case 0:
      return `kb${digits}`;
    case 1:
      return `KB ${digits}`;
    case 2:
      return `KB-${digits}`;
    case 3:
      return digits;
    case 4:
      return `<https://support.microsoft.com/help/${digits}|${update}>`;
    default:
      return update;
  }
}

/** An error code as people write it: 0x…, 0X…, bare hex, or its decimal forms. */
export function spellError(rng: Random, code: string): string {
  const hex = code.slice(2);
  const n = parseInt(hex, 16);
  switch (rng.int(8)) {
    case 0:
      return `0X${hex.toUpperCase()}`;
    case 1:
      return hex;
    case 2:
      return String(n);
    case 3:
      return String(n - 0x100000000);
    default:
      return code;
  }
}

/** One slip of the keyboard in one word of five letters or more (digits are never touched). */
export function typo(rng: Random, text: string): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => (w.length >= 5 && /^[a-z]+$/.test(w) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const i = rng.pick(candidates);
  const w = words[i];
  const at = rng.between(1, w.length - 2);
  switch (rng.int(3)) {
    case 0:
      words[i] = w.slice(0, at) + w.slice(at + 1);
      break;
    case 1:
      words[i] = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
      break;
    default:
      words[i] = w.slice(0, at) + w[at] + w.slice(at);
  }
  return words.join(' ');
}

function updateMessage(rng: Random, entry: GeneratedEntry): BenchMessage {
  const update = spellUpdate(rng, rng.pick(entry.updates));
  const error = entry.errors.length && rng.chance(0.7) ? spellError(rng, rng.pick(entry.errors)) : '';
  const phrase = entry.phrases.length && rng.chance(0.4) ? rng.pick(entry.phrases) : '';
  const body = rng.pick([
    () => `${update} failed${error ? ` with ${error}` : ''}`,
    () => `windows update says ${update} ${error ? `error ${error}` : 'failed to install'}`,
    () => `Getting \`${error || 'an error'}\` on ${update}`,
    () => `*Windows Update error* - ${update}${error ? ` - Error ${error}` : ''}`,
    () => `${update} keeps failing${error ? ` (${error})` : ''} ${rng.pick(DEVICES)}`,
  ])();
  const text = `${rng.pick(OPENERS)}${body}${phrase ? `, ${phrase}` : ''}${rng.pick(CLOSERS)}`;
  return { kind: 'update', text, intended: entry.definition.id };
}

function phraseMessage(rng: Random, entry: GeneratedEntry): BenchMessage {
  let phrase = rng.pick(entry.phrases);
  if (rng.chance(0.3)) phrase = typo(rng, phrase);
  const extra = rng.chance(0.3) ? ` ${rng.pick(QUALIFIERS)}` : '';
  const text = `${rng.pick(OPENERS)}${phrase}${extra} ${rng.pick(DEVICES)}${rng.pick(CLOSERS)}`.replace(/\s+/g, ' ').trim();
  return { kind: 'phrase', text, intended: entry.definition.id };
}

function nearMissMessage(rng: Random, entry: GeneratedEntry, listed: ReadonlySet<string>): BenchMessage {
  const digits = rng.pick(entry.updates).slice(2);
  let off = digits;
  while (off === digits || listed.has(`KB${off}`)) {
    const at = rng.between(1, digits.length - 1);
    const d = (Number(digits[at]) + rng.between(1, 9)) % 10;
    off = digits.slice(0, at) + d + digits.slice(at + 1);
  }
  const error = entry.errors.length ? ` with ${spellError(rng, rng.pick(entry.errors))}` : '';
  const phrase = entry.phrases.length && rng.chance(0.5) ? `, the ${rng.pick(entry.phrases)}` : '';
  const text = `${rng.pick(OPENERS)}${spellUpdate(rng, `KB${off}`)} failed${error}${phrase}${rng.pick(CLOSERS)}`;
  return { kind: 'near-miss', text, intended: null, neighbour: entry.definition.id };
}

function chatter(rng: Random): string {
  const line = rng.pick(CHATTER);
  return rng.chance(0.3) ? `${rng.pick(OPENERS)}${line}` : line;
}

const HEX = '0123456789ABCDEF';

function hex(rng: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += HEX[rng.int(16)];
  return s;
}

function guid(rng: Random): string {
  return `${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`;
}

/** About 4 KB of log, as employees paste it from WindowsUpdate.log, CBS.log and ReportingEvents. */
export function logPaste(rng: Random, entries: readonly GeneratedEntry[]): string {
  const day = `2025-04-${String(rng.between(1, 28)).padStart(2, '0')}`;
  const pid = rng.between(1000, 9999);
  const tid = rng.between(1000, 9999);
  const withUpdates = entries.filter((e) => e.updates.length > 0);
  const named = rng.chance(0.5) && withUpdates.length ? rng.pick(rng.pick(withUpdates).updates) : null;
  let clock = rng.between(8 * 3600, 17 * 3600);
  const time = () => {
    clock += rng.int(3);
    const h = Math.floor(clock / 3600);
    const m = Math.floor((clock % 3600) / 60);
    const s = clock % 60;
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  };
  const code = () => rng.pickSkewed(COMMON_ERROR_CODES);
  const lines: string[] = ['```'];
  const templates = [
    () => `${day} ${time()}.${rng.between(1000000, 9999999)} ${pid}  ${tid}  Agent           * START * Finding updates CallerId = UpdateOrchestrator  Id = ${rng.between(10, 99)}`,
    () => `${day} ${time()}.${rng.between(1000000, 9999999)} ${pid}  ${tid}  Handler         Requesting post-reboot reporting for package {${guid(rng)}}.`,
    () => `${day} ${time()}, Error                 CBS    Failed to execute installer for package Package_for_RollupFix~31bf3856ad364e35~amd64~~22621.${rng.between(1000, 4999)}.1.${rng.between(1, 9)} [HRESULT = ${code()} - CBS_E_INSTALLERS_FAILED]`,
    () => `${day} ${time()}, Info                  CSI    00000${hex(rng, 3).toLowerCase()} Creating NT transaction (seq ${rng.between(1, 9)}), objectname [6]"(null)"`,
    () => `${day} ${time()}.${rng.between(1000000, 9999999)} ${pid}  ${tid}  Agent           WARNING: Install failed, error = ${code()} / 0x${hex(rng, 8)}, updateId = {${guid(rng)}}.${rng.between(1, 300)}`,
    () => `${day} ${time()}, Info                  CBS    Session: ${rng.between(30000000, 31999999)}_${rng.between(1000000000, 3999999999)} initialized by client WindowsUpdateAgent, external staging directory: (null)`,
    () => `${day} ${time()}.${rng.between(1000000, 9999999)} ${pid}  ${tid}  DownloadManager Download job {${guid(rng)}} completed with ${rng.between(1, 900)} MB transferred`,
    () =>
      `{${guid(rng)}}\t${day} ${time()}:${rng.between(100, 999)}+0000\t1\t182 [AGENT_INSTALLING_FAILED]\t101\t{${guid(rng)}}\t200\t${code()}\tUpdateOrchestrator\tFailure\tContent Install\tInstallation Failure: Windows failed to install the following update with error ${code()}: 2025-04 Cumulative Update for Windows 11 Version 23H2 for x64-based Systems${named && rng.chance(0.3) ? ` (${named})` : ''}.`,
  ];
  let length = 4;
  while (length < LOG_PASTE_CHARS) {
    const line = rng.pick(templates)();
    lines.push(line);
    length += line.length + 1;
  }
  return `${lines.join('\n').slice(0, LOG_PASTE_CHARS - 4)}\n\`\`\``;
}
