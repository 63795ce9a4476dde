/**
 * The escalation outbox in Redis. Each step is one Lua script, so a claim, a completion or a
 * retry is atomic across replicas. Layout (under the `helpdesk:v1:` prefix, see docs/storage.md):
 * `outbox:delivery:<id>` hash per (escalation, sink); `outbox:queue:<sink>:<conversation>` list
 * of delivery ids in order; `outbox:due:<sink>` sorted set of conversations scored by when their
 * head delivery may be tried next (its retry time, or its lease end while leased).
 */
import type Redis from 'ioredis';
import { encodeSink, REDIS_KEY_PREFIX } from '../conversation/redisKeys';
import type { EscalationRecord } from '../messages';
import { FINISHED_DELIVERY_RETENTION_MS, type OutboxClaim, type OutboxCounts, type OutboxDelivery, type OutboxStore } from './outbox';

// ARGV: prefix, recordId, conversationId, recordJson, now, keepMs, sink...
const ADD = `
local p = ARGV[1]
if not redis.call('SET', p .. 'outbox:added:' .. ARGV[2], '1', 'NX', 'PX', ARGV[6]) then return 0 end
for i = 7, #ARGV do
  local sink = ARGV[i]
  local id = tostring(redis.call('INCR', p .. 'outbox:seq'))
  redis.call('HSET', p .. 'outbox:delivery:' .. id, 'sink', sink, 'conv', ARGV[3], 'record', ARGV[4], 'status', 'pending', 'attempts', '0', 'enqueuedAt', ARGV[5], 'nextAt', ARGV[5])
  if redis.call('RPUSH', p .. 'outbox:queue:' .. sink .. ':' .. ARGV[3], id) == 1 then
    redis.call('ZADD', p .. 'outbox:due:' .. sink, ARGV[5], ARGV[3])
  end
  redis.call('HINCRBY', p .. 'outbox:counts', 'pending', 1)
end
return 1
`;

// ARGV: prefix, sink, now, leaseMs, owner, limit. Returns {id, record, attempts, enqueuedAt} per lease.
const CLAIM = `
local p = ARGV[1]
local sink = ARGV[2]
local now = tonumber(ARGV[3])
local leaseEnd = string.format('%.0f', now + tonumber(ARGV[4]))
local due = p .. 'outbox:due:' .. sink
local out = {}
for _, conv in ipairs(redis.call('ZRANGEBYSCORE', due, '-inf', ARGV[3], 'LIMIT', 0, tonumber(ARGV[6]))) do
  local id = redis.call('LINDEX', p .. 'outbox:queue:' .. sink .. ':' .. conv, 0)
  if not id then
    redis.call('ZREM', due, conv)
  else
    local key = p .. 'outbox:delivery:' .. id
    redis.call('HSET', key, 'owner', ARGV[5], 'leaseUntil', leaseEnd)
    redis.call('ZADD', due, leaseEnd, conv)
    local h = redis.call('HMGET', key, 'record', 'attempts', 'enqueuedAt')
    out[#out + 1] = {id, h[1], h[2], h[3]}
  end
end
return out
`;

// ARGV: prefix, id, status (done|failed), now, owner ('' = whoever), error, keepMs
const FINISH = `
local p = ARGV[1]
local key = p .. 'outbox:delivery:' .. ARGV[2]
local h = redis.call('HMGET', key, 'status', 'owner', 'sink', 'conv')
if h[1] ~= 'pending' then return 0 end
if ARGV[5] ~= '' and h[2] ~= ARGV[5] then return 0 end
redis.call('HSET', key, 'status', ARGV[3], 'finishedAt', ARGV[4], 'error', ARGV[6])
redis.call('HINCRBY', key, 'attempts', 1)
redis.call('HDEL', key, 'owner', 'leaseUntil')
redis.call('PEXPIRE', key, ARGV[7])
local queue = p .. 'outbox:queue:' .. h[3] .. ':' .. h[4]
redis.call('LREM', queue, 1, ARGV[2])
local due = p .. 'outbox:due:' .. h[3]
local nextId = redis.call('LINDEX', queue, 0)
if nextId then
  redis.call('ZADD', due, redis.call('HGET', p .. 'outbox:delivery:' .. nextId, 'nextAt'), h[4])
else
  redis.call('ZREM', due, h[4])
end
redis.call('HINCRBY', p .. 'outbox:counts', 'pending', -1)
redis.call('HINCRBY', p .. 'outbox:counts', ARGV[3], 1)
return 1
`;

// ARGV: prefix, id, owner, nextAt, error
const RETRY = `
local p = ARGV[1]
local key = p .. 'outbox:delivery:' .. ARGV[2]
local h = redis.call('HMGET', key, 'status', 'owner', 'sink', 'conv')
if h[1] ~= 'pending' or h[2] ~= ARGV[3] then return 0 end
redis.call('HSET', key, 'nextAt', ARGV[4], 'error', ARGV[5])
redis.call('HINCRBY', key, 'attempts', 1)
redis.call('HDEL', key, 'owner', 'leaseUntil')
redis.call('ZADD', p .. 'outbox:due:' .. h[3], ARGV[4], h[4])
return 1
`;

type ScriptRunner = (...args: Array<string | number>) => Promise<unknown>;

export class RedisOutboxStore implements OutboxStore {
  private readonly scripts: Record<'add' | 'claim' | 'finish' | 'retry', ScriptRunner>;

  constructor(
    private readonly client: Redis,
    private readonly prefix = REDIS_KEY_PREFIX,
  ) {
    // defineCommand sends each script once and then calls it by its SHA.
    const scripts = { add: ADD, claim: CLAIM, finish: FINISH, retry: RETRY };
    const runners: Partial<Record<keyof typeof scripts, ScriptRunner>> = {};
    for (const [name, lua] of Object.entries(scripts) as Array<[keyof typeof scripts, string]>) {
      const command = `helpdeskOutbox_${name}`;
      client.defineCommand(command, { numberOfKeys: 0, lua });
      const target = client as unknown as Record<string, ScriptRunner>;
      runners[name] = (...args) => target[command](...args);
    }
    this.scripts = runners as Record<keyof typeof scripts, ScriptRunner>;
  }

  async add(record: EscalationRecord, sinks: string[], now: number): Promise<void> {
    if (sinks.length === 0) return;
    await this.scripts.add(this.prefix, record.id, record.conversationId, JSON.stringify(record), now, FINISHED_DELIVERY_RETENTION_MS, ...sinks.map(encodeSink));
  }

  async claim(claim: OutboxClaim): Promise<OutboxDelivery[]> {
    const out: OutboxDelivery[] = [];
    for (const sink of claim.sinks) {
      const leased = (await this.scripts.claim(this.prefix, encodeSink(sink), claim.now, claim.leaseMs, claim.owner, claim.limit)) as string[][];
      for (const [id, record, attempts, enqueuedAt] of leased) {
        out.push({ id, sink, record: JSON.parse(record) as EscalationRecord, attempts: Number(attempts), enqueuedAt: Number(enqueuedAt) });
      }
    }
    return out;
  }

  async complete(id: string, _owner: string, now: number): Promise<boolean> {
    return (await this.scripts.finish(this.prefix, id, 'done', now, '', '', FINISHED_DELIVERY_RETENTION_MS)) === 1;
  }

  async retryLater(id: string, owner: string, nextAttemptAt: number, error: string): Promise<boolean> {
    return (await this.scripts.retry(this.prefix, id, owner, nextAttemptAt, error)) === 1;
  }

  async fail(id: string, owner: string, now: number, error: string): Promise<boolean> {
    return (await this.scripts.finish(this.prefix, id, 'failed', now, owner, error, FINISHED_DELIVERY_RETENTION_MS)) === 1;
  }

  /** `pending` is exact; `done` and `failed` count every delivery since the data was created. */
  async counts(): Promise<OutboxCounts> {
    const raw = await this.client.hgetall(`${this.prefix}outbox:counts`);
    return { pending: Number(raw.pending ?? 0), done: Number(raw.done ?? 0), failed: Number(raw.failed ?? 0) };
  }
}
