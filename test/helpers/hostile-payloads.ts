/**
 * Seeded generators of hostile and random IPC payloads for the fuzz tests: wrong types, huge
 * strings, prototype-pollution keys, deep nesting, extra fields, NaN, BigInts, functions and
 * "functions as strings", and near-misses made by breaking one field of a valid request.
 */
import type { InvokeVerb } from '../../main/shared/ipc/contract';

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid request for every verb that takes one: the starting point of near-misses. */
export const VALID_REQUESTS: Partial<Record<InvokeVerb, Record<string, unknown>>> = {
  saveCredentials: {
    appId: '200000001',
    sdkId: null,
    secretId: 'AKIDfuzzfuzzfuzz',
    secretKey: 'fuzzfuzzfuzzfuzz',
    operatorId: 'tester1',
  },
  updateSettings: { language: 'en' },
  setMeeting: { text: '806146667' },
  chooseMeeting: { meetingId: '7567173273889276131' },
  addFavorite: { kind: 'mra', protocol: 'sip', dialString: 'room@vc.example.com', label: null },
  removeFavorite: { id: 'abc123' },
  moveFavorite: { id: 'abc123', toIndex: 0 },
  renameFavorite: { id: 'abc123', label: 'Lab' },
  updateAddressFavorite: {
    id: 'abc123',
    protocol: 'h323',
    dialString: '+861012345678',
    label: 'Lab',
  },
  importFavorites: { json: '{}' },
  startCall: { favoriteId: 'abc123' },
  cancelCall: { callId: 'c1' },
  openWindow: { window: 'picker' },
  openHelp: { topic: 'clock' },
};

const HUGE = 'x'.repeat(1_000_000);
const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString'];

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function deep(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value };
  return value;
}

function randomString(random: () => number): string {
  const kinds = [
    () => '',
    () => HUGE,
    () => 'a'.repeat(Math.floor(random() * 5000)),
    () => '\u0000\u0001\u001f\u007f\n\r',
    () => '\uD800\uDFFF\uFFFE 🙂 深圳 ١٢٣',
    () => '() => process.exit(1)',
    () => 'function () { return require("child_process") }',
    () => '${7*7}{{7*7}}<script>alert(1)</script>',
    () => '../../../../etc/passwd',
    () => '__proto__',
    () => '806146667'.repeat(300),
    () => String(random()),
  ];
  return pick(random, kinds)();
}

/** Any value at all, biased towards the ones that break naive code. */
export function randomValue(random: () => number, depth = 0): unknown {
  const kinds: (() => unknown)[] = [
    () => null,
    () => true,
    () => 0,
    () => -0,
    () => Number.NaN,
    () => Number.POSITIVE_INFINITY,
    () => Number.MAX_SAFE_INTEGER + 2,
    () => random() * 1e9 - 5e8,
    () => 10n ** 30n,
    () => Symbol('fuzz'),
    () => () => 'called',
    () => new Date(Number.NaN),
    () => new Map([['a', 1]]),
    () => new Uint8Array(16),
    () => /re/g,
    () => Object.create(null) as unknown,
    () => randomString(random),
    () => deep(200 + Math.floor(random() * 5000), 'leaf', random() < 0.5),
    () => Array.from({ length: Math.floor(random() * 20) }, () => randomValue(random, depth + 1)),
    () => (depth > 3 ? {} : randomObject(random, depth + 1)),
    () => JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  ];
  return pick(random, kinds)();
}

function randomObject(random: () => number, depth: number): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  const keys = Math.floor(random() * 6);
  for (let i = 0; i < keys; i += 1) {
    const key =
      random() < 0.3
        ? pick(random, POLLUTING_KEYS)
        : pick(random, ['id', 'text', 'kind', 'x', 'json', 'room']);
    Object.defineProperty(object, key, {
      value: randomValue(random, depth),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  return object;
}

/** A valid request with one thing wrong: a field of the wrong type, missing, or one too many. */
export function nearMiss(random: () => number, valid: Record<string, unknown>): unknown {
  const keys = Object.keys(valid);
  const key = pick(random, keys);
  const copy: Record<string, unknown> = { ...valid };
  switch (Math.floor(random() * 4)) {
    case 0:
      copy[key] = randomValue(random);
      return copy;
    case 1:
      return Object.fromEntries(Object.entries(copy).filter(([name]) => name !== key));
    case 2:
      Object.defineProperty(copy, pick(random, [...POLLUTING_KEYS, 'extra', 'secretKey']), {
        value: randomValue(random),
        enumerable: true,
      });
      return copy;
    default:
      copy[key] = HUGE;
      return copy;
  }
}
