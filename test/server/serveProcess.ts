/** `helpdesk-bot serve` as a real child process, as an operator runs it. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  stdout(): string;
  stderr(): string;
  /** JSON log lines written so far. */
  logs(): Array<Record<string, unknown>>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Spawns the built bin with `env` (PORT=0, loopback) and waits for the "listening" log line. */
export async function startServe(env: NodeJS.ProcessEnv, timeoutMs = 15_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['bin/helpdesk-bot.js', 'serve'], {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const logs = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const started = Date.now();
  for (;;) {
    const listening = logs().find((l) => l.msg === 'helpdesk-bot is listening');
    if (listening) return { child, url: String(listening.url), stdout: () => out, stderr: () => err, logs, exited };
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}:\n${err}\n${out}`);
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`serve did not start within ${timeoutMs} ms:\n${err}\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs the bin to completion (for configuration errors). */
export function runServeToExit(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/helpdesk-bot.js', 'serve'], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
