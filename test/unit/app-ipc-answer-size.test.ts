import { describe, expect, it } from 'vitest';
import type { HandlerTable } from '../../main/app/handlers/handler-table';
import { dispatchInvoke, jsonSize, MAX_ANSWER_CHARS } from '../../main/app/ipc/dispatch';
import type { Directory } from '../../main/shared/ipc/contract';

/**
 * Answers to a window are bounded in the one place every answer passes (dispatchInvoke): an
 * answer past MAX_ANSWER_CHARS becomes an error result, never a message of 100 MB.
 */

function directory(rooms: number, nameLength: number): Directory {
  const name = '会'.repeat(nameLength);
  return {
    fetchedAt: '2026-12-03T10:00:00.000Z',
    roomCount: rooms,
    syncing: false,
    progress: null,
    error: null,
    rooms: Array.from({ length: rooms }, (_, index) => ({
      meetingRoomId: String(1_000_000_000_000_000_000n + BigInt(index)),
      name,
      location: 'Shenzhen-Binhai-18F',
      status: 'idle' as const,
      callable: true,
      participantNumber: null,
    })),
  };
}

function tableAnswering(answer: Directory): HandlerTable {
  return { getDirectory: () => Promise.resolve(answer) } as unknown as HandlerTable;
}

describe('answer size', () => {
  it('counts the JSON text without building it, and stops past the limit', () => {
    const value = { a: [1, 'two', null, true, { b: 'x'.repeat(1000) }], c: -0.5 };
    const exact = JSON.stringify(value).length;
    // Within a character per element of the real length (trailing commas are counted).
    expect(jsonSize(value, Infinity)).toBeGreaterThanOrEqual(exact);
    expect(jsonSize(value, Infinity)).toBeLessThanOrEqual(exact + 8);
    expect(jsonSize({ big: 'x'.repeat(10_000), more: ['y'.repeat(10_000)] }, 100)).toBeLessThan(
      20_000,
    );
  });

  it('sends the directory of 50,000 rooms with long names', async () => {
    const result = await dispatchInvoke(
      tableAnswering(directory(50_000, 100)),
      'getDirectory',
      undefined,
    );
    expect(result.ok).toBe(true);
  });

  it('turns an answer past the cap into an error result, and says why', async () => {
    const errors: unknown[] = [];
    const huge = directory(120_000, 200);
    expect(JSON.stringify(huge).length).toBeGreaterThan(MAX_ANSWER_CHARS);
    const result = await dispatchInvoke(tableAnswering(huge), 'getDirectory', undefined, {
      onError: (_verb, error) => errors.push(error),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('internal');
    expect(result.error.message).toMatch(/too large to send/);
    expect(JSON.stringify(result).length).toBeLessThan(1000);
    expect(errors).toHaveLength(1);
  });
});
