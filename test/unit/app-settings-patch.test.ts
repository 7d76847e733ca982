import { describe, expect, it } from 'vitest';
import { invokeContract } from '../../main/shared/ipc/contract';

describe('updateSettings request', () => {
  const schema = invokeContract.updateSettings.request;

  it('keeps only the fields it names (no defaults filled in for the others)', () => {
    expect(schema.parse({ meetingRefreshMs: 5_000 })).toEqual({ meetingRefreshMs: 5_000 });
    expect(schema.parse({})).toEqual({});
  });

  it('checks each field with the settings rules and refuses unknown ones', () => {
    expect(schema.safeParse({ operatorId: null }).success).toBe(true);
    expect(schema.safeParse({ meetingRefreshMs: 10 }).success).toBe(false);
    expect(schema.safeParse({ baseUrl: 'ftp://example.com' }).success).toBe(false);
    expect(schema.safeParse({ language: 'fr' }).success).toBe(false);
    expect(schema.safeParse({ secretKey: 'x' }).success).toBe(false);
  });
});
