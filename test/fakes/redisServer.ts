/**
 * A real redis-server for tests: a foreground child process on a free loopback port, in its own
 * temporary folder. `kill()` and `restart()` let a test take Redis away and bring it back on the
 * same port; with `persistent`, every acknowledged write is in the append-only file first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisServerOptions {
  /** Append-only file with fsync on every write, so a restart keeps what Redis acknowledged. Default: false. */
  persistent?: boolean;
}

const running = new Set<ChildProcess>();
// Last line of defence: a failing test must not leave redis-server behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export class RedisServer {
  private child: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly options: RedisServerOptions,
  ) {}

  static async start(options: RedisServerOptions = {}): Promise<RedisServer> {
    const server = new RedisServer(await freePort(), mkdtempSync(join(tmpdir(), 'helpdesk-redis-')), options);
    await server.spawn();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Stops Redis at once, as a crash would (SIGKILL). */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** Starts Redis again on the same port and folder. */
  async restart(): Promise<void> {
    if (this.child) await this.kill();
    await this.spawn();
  }

  /** Stops Redis and removes its folder. */
  async stop(): Promise<void> {
    await this.signal('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    }
    running.delete(child);
  }

  private spawn(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--daemonize', 'no', '--dir', this.dir, '--logfile', ''];
    args.push(...(this.options.persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']));
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    running.add(child);
    return new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => fail(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
      const fail = (err: Error) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        running.delete(child);
        reject(err);
      };
      child.once('error', (err) => fail(new Error(`cannot run redis-server (is it installed?): ${err.message}`)));
      child.once('exit', (code) => fail(new Error(`redis-server exited with ${code}:\n${output}`)));
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Ready to accept connections/.test(output)) {
          clearTimeout(timer);
          child.removeAllListeners('exit');
          child.stdout?.off('data', onData);
          child.stdout?.resume();
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    });
  }
}

/** A port nobody listens on right now (the kernel picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
