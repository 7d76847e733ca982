/**
 * The Lua scripts the Redis storage runs. Redis runs a script atomically (no other command
 * runs in between), so each is one indivisible step for every relay instance at once.
 * Sources: https://redis.io/docs/latest/develop/programmability/eval-intro/ (atomicity,
 * EVALSHA, effects replication that lets a script call TIME before writing).
 */

/**
 * The token bucket, as bucket.ts's takeFromBucket, line for line. The clock is Redis's own
 * TIME, so instances whose clocks disagree still share one budget.
 * KEYS[1] the bucket (a hash: tokens, at). ARGV: capacity, refillPerSecond, cost, epsilon.
 * Returns 0 when granted, else the milliseconds to wait.
 */
export const TAKE_SCRIPT = `
if redis.replicate_commands then redis.replicate_commands() end
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local epsilon = tonumber(ARGV[4])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = capacity
  at = now
end
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate / 1000)
at = math.max(now, at)
local wait = 0
if tokens + epsilon >= cost then
  tokens = math.max(0, tokens - cost)
else
  wait = math.max(1, math.ceil((cost - tokens) * 1000 / rate - epsilon))
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.17g', at))
-- A bucket left alone this long is full again, the same as absent: let Redis drop it.
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
return wait
`;

/**
 * refresh-once.ts's tryAcquire. KEYS[1] the directory (a hash: snapshot, version), KEYS[2] the
 * lease. ARGV: holder, leaseMs, seen version ('' when none yet).
 * Returns {'stored', snapshot JSON} | {'acquired', ''} | {'busy', version}.
 */
export const ACQUIRE_SCRIPT = `
local version = tonumber(redis.call('HGET', KEYS[1], 'version')) or 0
if ARGV[3] ~= '' and version > tonumber(ARGV[3]) then
  return {'stored', redis.call('HGET', KEYS[1], 'snapshot')}
end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {'acquired', ''}
end
return {'busy', tostring(version)}
`;

/**
 * Stores a snapshot (bumping its version) and, when ARGV[2] names the lease's holder, drops
 * the lease in the same step. KEYS[1] the directory, KEYS[2] the lease. ARGV: JSON, holder.
 */
export const STORE_SCRIPT = `
redis.call('HSET', KEYS[1], 'snapshot', ARGV[1])
redis.call('HINCRBY', KEYS[1], 'version', 1)
if ARGV[2] ~= '' and redis.call('GET', KEYS[2]) == ARGV[2] then
  redis.call('DEL', KEYS[2])
end
return 1
`;

/** Drops the lease KEYS[1] only if ARGV[1] still holds it (never another holder's). */
export const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;
