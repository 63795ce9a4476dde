/**
 * A fixed piece of JavaScript work, timed at the start and the end of a run: on a shared machine
 * the host's speed changes from minute to minute, and this says how fast it was while the figures
 * were taken (the code under test plays no part in it). Lower is faster.
 */
import { Random } from './random';
import { msSince } from './stats';

/** Best of 3 rounds of sorting 200,000 seeded numbers and joining 50,000 short strings, in ms. */
export function hostSpeedMs(): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const random = new Random(42);
    const start = process.hrtime.bigint();
    const numbers = Array.from({ length: 200_000 }, () => random.next());
    numbers.sort((a, b) => a - b);
    const words = Array.from({ length: 50_000 }, (_, i) => `w${i % 997}-${Math.floor(numbers[i * 4] * 1000)}`);
    if (words.join(' ').length === 0) throw new Error('unreachable: keeps the work from being optimised away');
    best = Math.min(best, msSince(start));
  }
  return best;
}
