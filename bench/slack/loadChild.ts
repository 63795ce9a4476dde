/**
 * Load generator for the Slack benchmark, in its own process: signed Events API requests over
 * keep-alive HTTP to a server on loopback.
 *
 * - open loop at a fixed rate: request i is due at start + i/rate and its ack latency is
 *   measured from that due time, so a server that falls behind shows its queueing delay
 *   (no coordinated omission);
 * - closed loop: N senders back to back, for the most events per second the server acks.
 *
 * usage: node loadChild.js URL TEXTS.json RATE OPEN_MS CONCURRENCY CLOSED_MS RUN_TAG
 */
import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';
import { runAsChild } from '../lib/childProcess';
import { summarize, type LatencySummary } from '../lib/stats';
import { BENCH_SIGNING_SECRET, directMessageEvent, signedHeaders } from './slackEvents';

export interface PhaseResult {
  sent: number;
  acked: number;
  failed: number;
  eventsPerSecond: number;
  ack: LatencySummary;
}

const agent = new Agent({ keepAlive: true, maxSockets: 512 });

function post(url: URL, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      { host: url.hostname, port: url.port, path: '/slack/events', method: 'POST', agent, headers: signedHeaders(body, BENCH_SIGNING_SECRET) },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

async function openLoop(url: URL, texts: string[], rate: number, durationMs: number, first: number, tag: string): Promise<PhaseResult> {
  const total = Math.round((rate * durationMs) / 1000);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let failed = 0;
  let lastAck = 0;
  const inFlight: Array<Promise<void>> = [];
  const start = now();
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const elapsed = now() - start;
      while (next < total && next * interval <= elapsed) {
        const due = start + next * interval;
        const i = first + next;
        next++;
        inFlight.push(
          post(url, directMessageEvent(i, texts[i % texts.length], tag)).then((status) => {
            const t = now();
            if (status === 200) {
              latencies.push((t - due) * 1e6);
              lastAck = t;
            } else failed++;
          }),
        );
      }
      if (next < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await Promise.all(inFlight);
  return { sent: total, acked: latencies.length, failed, eventsPerSecond: latencies.length / ((lastAck - start) / 1000), ack: summarize(latencies) };
}

async function closedLoop(url: URL, texts: string[], concurrency: number, durationMs: number, first: number, tag: string): Promise<PhaseResult> {
  const latencies: number[] = [];
  let failed = 0;
  let sent = 0;
  const start = now();
  const worker = async () => {
    while (now() - start < durationMs) {
      const i = first + sent++;
      const t = now();
      const status = await post(url, directMessageEvent(i, texts[i % texts.length], tag));
      if (status === 200) latencies.push((now() - t) * 1e6);
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { sent, acked: latencies.length, failed, eventsPerSecond: latencies.length / ((now() - start) / 1000), ack: summarize(latencies) };
}

async function main() {
  const [base, textsFile, rateArg, openMsArg, concurrencyArg, closedMsArg, tag] = process.argv.slice(2);
  const url = new URL(base);
  const texts = JSON.parse(readFileSync(textsFile, 'utf8')) as string[];
  const rate = Number(rateArg);
  // A short warm-up at the same rate (JIT, keep-alive sockets, caches), not reported.
  await openLoop(url, texts, rate, 1500, 0, tag);
  const open = await openLoop(url, texts, rate, Number(openMsArg), 1_000_000, tag);
  const closed = await closedLoop(url, texts, Number(concurrencyArg), Number(closedMsArg), 2_000_000, tag);
  agent.destroy();
  return { rate, open, closed, concurrency: Number(concurrencyArg) };
}

runAsChild(main);
