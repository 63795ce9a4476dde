/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and lists where the time went: self time by
 * function, and inclusive time of the core's functions, so a missed target comes with its cause.
 *
 * usage: node summarizeProfile.js FILE.cpuprofile [TOP]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  fn: string;
  ms: number;
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time rolled up by package (node_modules) or core folder (dist/<folder>). */
  byPackage: ProfileLine[];
  self: ProfileLine[];
  inclusive: ProfileLine[];
}

function bucket(n: ProfileNode): string {
  const url = n.callFrame.url;
  const fn = n.callFrame.functionName;
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const core = /\/dist\/([^/]+)\//.exec(url) ?? /\/dist\/([^/]+)\.js$/.exec(url);
  if (core && !/\/bench\/dist\//.test(url)) return `core: ${core[1]}`;
  if (url.startsWith('node:')) return 'node internals';
  return 'other';
}

function label(n: ProfileNode): string {
  const url = n.callFrame.url.replace(/^file:\/\//, '').replace(/.*\/node_modules\//, '').replace(/.*\/(dist|bench)\//, '$1/');
  return `${n.callFrame.functionName || '(anonymous)'} ${url}${url ? `:${n.callFrame.lineNumber + 1}` : ''}`.trim();
}

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const timeAt = new Map<number, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    timeAt.set(id, (timeAt.get(id) ?? 0) + dt);
    total += dt;
  });
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const packages = new Map<string, number>();
  for (const [id, t] of timeAt) {
    const b = bucket(byId.get(id)!);
    packages.set(b, (packages.get(b) ?? 0) + t);
    const key = label(byId.get(id)!);
    self.set(key, (self.get(key) ?? 0) + t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = label(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + t);
    }
  }
  const lines = (m: Map<string, number>, keep: (fn: string) => boolean) =>
    [...m]
      .filter(([fn]) => keep(fn))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, us]) => ({ fn, ms: us / 1000, percent: (100 * us) / total }));
  return {
    totalMs: total / 1000,
    byPackage: lines(packages, () => true),
    self: lines(self, () => true),
    // The core's own functions (and its libraries), not node's module loader or the harness.
    inclusive: lines(inclusive, (fn) => / (dist|yaml|zod|natural|apparatus)\//.test(fn)),
  };
}

/** Plain-text rendering for the console. */
export function formatProfile(title: string, s: ProfileSummary): string {
  const row = (l: ProfileLine) => `  ${l.ms.toFixed(0).padStart(7)} ms ${l.percent.toFixed(1).padStart(5)}%  ${l.fn}`;
  return [`${title} (${s.totalMs.toFixed(0)} ms sampled)`, ' self time by package:', ...s.byPackage.map(row), ' self:', ...s.self.map(row), ' inclusive (core and libraries):', ...s.inclusive.map(row)].join('\n');
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  console.log(formatProfile(file, summarizeProfile(file, Number(top ?? 15))));
}
