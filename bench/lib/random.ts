/**
 * A seeded pseudo-random generator (mulberry32), so every synthetic knowledge base and message
 * set is the same from run to run and machine to machine.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /**
   * Picks with a Zipf-like skew: the first items are much more likely, as a few error codes and
   * products account for most helpdesk traffic.
   */
  pickSkewed<T>(items: readonly T[], exponent = 1.1): T {
    // Inverse-CDF sampling of a continuous power law over [1, n+1), good enough for a skew.
    const n = items.length;
    const u = this.next();
    const a = 1 - exponent;
    const x = Math.pow(u * (Math.pow(n + 1, a) - 1) + 1, 1 / a);
    return items[Math.min(n - 1, Math.floor(x) - 1)];
  }

  /** `count` distinct items (fewer when the list is shorter). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < count && copy.length > 0) out.push(copy.splice(this.int(copy.length), 1)[0]);
    return out;
  }

  /** A fresh generator derived from this one, so adding draws here does not shift its stream. */
  fork(salt: number): Random {
    return new Random((this.int(0xffffffff) ^ Math.imul(salt, 0x9e3779b1)) >>> 0);
  }
}
