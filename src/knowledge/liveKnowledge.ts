/**
 * Knowledge that follows its folder while the bot runs: an edit, a new file or a deleted one
 * is served within about a second, without a restart. fs.watch gives the quick signal; a poll
 * of file sizes and times catches what it misses (network and container filesystems often send
 * no events). A broken edit is logged with every problem and the last good knowledge stays.
 */
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase } from './knowledgeBase';
import { loadKnowledge } from './loadKnowledge';
import { formatProblem, KnowledgeError } from './problems';
import { silentLogger, type Logger } from '../logger';

export interface LiveKnowledgeOptions {
  /** The knowledge folder (KNOWLEDGE_DIR). */
  dir: string;
  logger?: Logger;
  /** Quiet time after a change before reloading, since editors save in several steps. Default: 200 ms. */
  debounceMs?: number;
  /**
   * How often file sizes and times are compared. Default: every second, slowed by one second per
   * 1,000 files (a pass stats every file: at 10,000 files a pass costs a few hundred ms, and
   * fs.watch still applies changes within two seconds where it works).
   */
  pollMs?: number;
  /** Whether to use fs.watch besides polling (off: polling only, for filesystems where it misbehaves). Default: true. */
  watch?: boolean;
  /** The knowledge already loaded from `dir` (and reported) by the caller. Default: loaded here. */
  initial?: KnowledgeBase;
  /** Told about every reload attempt (metrics). */
  onReload?: (ok: boolean) => void;
}

export class LiveKnowledge {
  private knowledge: KnowledgeBase;
  private reloadCount = 0;
  private error: Error | null = null;
  private signature: string;
  private watcher: FSWatcher | undefined;
  private readonly pollTimer: NodeJS.Timeout;
  private debounceTimer: NodeJS.Timeout | undefined;
  private readonly logger: Logger;
  private readonly debounceMs: number;
  private closed = false;

  /** Loads the folder (throws a KnowledgeError listing every problem) and starts following it. */
  static open(options: LiveKnowledgeOptions): LiveKnowledge {
    return new LiveKnowledge(options);
  }

  private constructor(private readonly options: LiveKnowledgeOptions) {
    this.logger = options.logger ?? silentLogger;
    this.debounceMs = options.debounceMs ?? 200;
    // The signature is taken before loading, so an edit made during the load is seen afterwards.
    this.signature = folderSignature(options.dir);
    this.knowledge = options.initial ?? loadKnowledge(options.dir).knowledge;
    this.watcher = options.watch === false ? undefined : this.startWatching();
    const files = this.signature === '' ? 0 : this.signature.split('\n').length;
    this.pollTimer = setInterval(() => this.poll(), options.pollMs ?? 1000 * Math.max(1, Math.ceil(files / 1000)));
    this.pollTimer.unref();
  }

  /** The knowledge in service: the last version of the folder that loaded without errors. */
  current(): KnowledgeBase {
    return this.knowledge;
  }

  /** Successful reloads since start. */
  get reloads(): number {
    return this.reloadCount;
  }

  /** Why the latest reload was refused (a KnowledgeError with `problems`), or null after a good one. */
  get lastError(): Error | null {
    return this.error;
  }

  /** Reloads now; true when the new knowledge is in service. */
  reload(): boolean {
    if (this.closed) return false;
    this.signature = folderSignature(this.options.dir);
    try {
      const { knowledge, warnings } = loadKnowledge(this.options.dir);
      this.knowledge = knowledge;
      this.reloadCount += 1;
      this.error = null;
      this.logger.info({ dir: this.options.dir, entries: knowledge.size, warnings: warnings.map(formatProblem) }, 'knowledge reloaded');
      this.options.onReload?.(true);
      return true;
    } catch (err) {
      const repeated = this.error?.message === (err as Error).message;
      this.error = err as Error;
      this.options.onReload?.(false);
      const problems = err instanceof KnowledgeError ? err.problems.map(formatProblem) : [(err as Error).message];
      // The same broken files seen again (another save, a poll) are not worth another error line.
      (repeated ? this.logger.debug : this.logger.error).call(
        this.logger,
        { dir: this.options.dir, problems, entries: this.knowledge.size },
        'knowledge change refused: the previous knowledge stays in service until the problems are fixed',
      );
      return false;
    }
  }

  /** Stops following the folder. */
  close(): void {
    this.closed = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.debounceTimer);
    this.watcher?.close();
    this.watcher = undefined;
  }

  private startWatching(): FSWatcher | undefined {
    try {
      const watcher = watch(this.options.dir, { recursive: true, persistent: false }, () => this.changed());
      watcher.on('error', (err) => {
        this.logger.warn({ dir: this.options.dir, err: err.message }, 'knowledge: file watching stopped; changes are still found by polling');
        watcher.close();
        if (this.watcher === watcher) this.watcher = undefined;
      });
      return watcher;
    } catch (err) {
      this.logger.warn({ dir: this.options.dir, err: (err as Error).message }, 'knowledge: cannot watch the folder; changes are found by polling');
      return undefined;
    }
  }

  private poll(): void {
    if (folderSignature(this.options.dir) !== this.signature) this.changed();
  }

  private changed(): void {
    if (this.closed) return;
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => this.reload(), this.debounceMs);
    this.debounceTimer.unref();
  }
}

/** Names, sizes and modification times of the knowledge files: changes when any file does. */
function folderSignature(dir: string): string {
  const parts: string[] = [];
  const walk = (sub: string) => {
    let entries;
    try {
      entries = readdirSync(join(dir, sub), { withFileTypes: true });
    } catch {
      parts.push(`!${sub}`);
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const rel = sub ? join(sub, entry.name) : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (/\.ya?ml$/i.test(entry.name)) {
        try {
          const s = statSync(join(dir, rel));
          parts.push(`${rel}:${s.size}:${s.mtimeMs}:${s.ino}`);
        } catch {
          parts.push(`${rel}:gone`);
        }
      }
    }
  };
  walk('');
  return parts.sort().join('\n');
}
