/** The routes an operator and a load balancer use: liveness, readiness, metrics, and the body limit. */
import type { Express, NextFunction, Request, Response } from 'express';
import type { EscalationSink } from '../escalation/sink';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Metrics } from '../observability/metrics';

export interface ReadinessSources {
  knowledge: () => KnowledgeBase;
  /** Resolves when the store answers. */
  pingStore: () => Promise<void>;
  storeKind: string;
  sinks: () => EscalationSink[];
}

/** How long readiness waits for the store before calling it unreachable. */
const STORE_PING_TIMEOUT_MS = 1000;

export interface Readiness {
  ready: boolean;
  checks: {
    knowledge: { ok: boolean; entries: number };
    store: { ok: boolean; kind: string; error?: string };
    sinks: { ok: boolean; names: string[] };
  };
}

/** Knowledge loaded, store reachable, somewhere to send escalations. */
export async function checkReadiness(sources: ReadinessSources): Promise<Readiness> {
  const entries = sources.knowledge().size;
  let storeError: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      sources.pingStore(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${STORE_PING_TIMEOUT_MS} ms`)), STORE_PING_TIMEOUT_MS);
      }),
    ]);
  } catch (err) {
    storeError = (err as Error).message;
  } finally {
    clearTimeout(timer);
  }
  const names = sources.sinks().map((s) => s.name);
  const checks = {
    knowledge: { ok: entries > 0, entries },
    store: { ok: storeError === undefined, kind: sources.storeKind, ...(storeError ? { error: storeError } : {}) },
    sinks: { ok: names.length > 0, names },
  };
  return { ready: checks.knowledge.ok && checks.store.ok && checks.sinks.ok, checks };
}

/** Refuses bodies larger than `maxBytes` with 413 before any adapter reads them. */
export function bodyLimit(maxBytes: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > maxBytes) {
      res.set('Connection', 'close').status(413).json({ error: 'request body too large', limitBytes: maxBytes });
      return;
    }
    next();
  };
}

/** GET /healthz (the process is up), GET /readyz (it can do its job), GET /metrics (Prometheus). */
export function mountOpsRoutes(app: Express, sources: ReadinessSources, metrics: Metrics): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(sources);
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  app.get('/metrics', async (_req, res) => {
    const { contentType, body } = await metrics.exposition();
    res.type(contentType).send(body);
  });
}
