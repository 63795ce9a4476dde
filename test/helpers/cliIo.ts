/** An in-memory CliIo: stdin from a string, stdout and stderr captured. */
import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/io';

export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

export function captureIo(options: { stdin?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): CapturedIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return {
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    stdout,
    stderr,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    out: () => out,
    err: () => err,
  };
}
