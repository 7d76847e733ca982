import { describe, expect, it } from 'vitest';
import {
  EVENT_NAMES,
  INVOKE_VERBS,
  eventChannel,
  invokeChannel,
} from '../../main/shared/ipc/channels';
import { eventContract, invokeContract } from '../../main/shared/ipc/contract';

describe('IPC contract', () => {
  it('names the same verbs in the preload channel list and the zod contract', () => {
    expect([...INVOKE_VERBS].sort()).toEqual(Object.keys(invokeContract).sort());
    expect([...EVENT_NAMES].sort()).toEqual(Object.keys(eventContract).sort());
  });

  it('gives every verb and event its own channel', () => {
    const channels = [...INVOKE_VERBS.map(invokeChannel), ...EVENT_NAMES.map(eventChannel)];
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('refuses unknown fields instead of ignoring them', () => {
    const parsed = invokeContract.setMeeting.request.safeParse({ text: '806146667', extra: 1 });
    expect(parsed.success).toBe(false);
  });

  it('accepts no payload for verbs that take none, and refuses one', () => {
    expect(invokeContract.getAppState.request.safeParse(undefined).success).toBe(true);
    expect(invokeContract.getAppState.request.safeParse({}).success).toBe(false);
  });

  it('keeps 20-digit meeting IDs as strings', () => {
    const parsed = invokeContract.chooseMeeting.request.parse({
      meetingId: '13434567890123927028',
    });
    expect(parsed.meetingId).toBe('13434567890123927028');
    expect(invokeContract.chooseMeeting.request.safeParse({ meetingId: 1343456789 }).success).toBe(
      false,
    );
  });

  it('takes a call request as exactly one of favourite, room or address', () => {
    const schema = invokeContract.startCall.request;
    expect(schema.safeParse({ favoriteId: 'f1' }).success).toBe(true);
    expect(
      schema.safeParse({ mra: { protocol: 'sip', dialString: 'room@vc.example.com', label: null } })
        .success,
    ).toBe(true);
    expect(schema.safeParse({ favoriteId: 'f1', room: { meetingRoomId: '1' } }).success).toBe(
      false,
    );
    expect(schema.safeParse({}).success).toBe(false);
  });
});
