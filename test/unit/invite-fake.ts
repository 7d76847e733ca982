/**
 * A hand-written WemeetApi for the invite's unit tests: a test double of the interface (not
 * a mocked fetch), scripted per test, recording every call. The integration tests run the
 * same use-case against the real client and the loopback simulator.
 */
import type { Clock } from '../../main/core/invite/clock';
import type {
  CancelRoomCallRequest,
  Meeting,
  Room,
  RoomCallInfo,
  RoomCallInfoRequest,
  RoomCallRequest,
  RoomCallResult,
  RoomDetails,
  WemeetApi,
} from '../../main/core/wemeet/api';
import type { CallState } from '../../main/core/wemeet/types';

export type FakeCall =
  | { readonly method: 'roomCall'; readonly request: RoomCallRequest }
  | { readonly method: 'cancelRoomCall'; readonly request: CancelRoomCallRequest }
  | { readonly method: 'roomCallInfo'; readonly request: RoomCallInfoRequest; readonly at: number }
  | { readonly method: 'meetingsByCode'; readonly code: string }
  | { readonly method: 'meetingById'; readonly meetingId: string }
  | { readonly method: 'listOperatorMeetings' };

export interface FakeScript {
  meetings?: Meeting[];
  roomCall?: (request: RoomCallRequest) => Promise<RoomCallResult>;
  cancelRoomCall?: (request: CancelRoomCallRequest) => Promise<void>;
  /** The nth status read (0-based): a state, an error to throw, or a promise to wait on. */
  roomCallInfo?: (n: number) => CallState | Error | Promise<RoomCallInfo>;
  meetingsByCode?: (code: string) => Promise<Meeting[]>;
  meetingById?: (meetingId: string) => Promise<Meeting | null>;
}

const STATUS: Readonly<Record<CallState, number>> = {
  'no-answer': 0,
  'not-called': 1,
  accepted: 2,
  rejected: 3,
  ringing: 4,
  'joined-or-cancelled': 5,
  left: 6,
  unknown: 99,
};

export function info(state: CallState): RoomCallInfo {
  return { state, status: STATUS[state], responseTime: '2022/11/22 14:35:26' };
}

export class FakeApi implements WemeetApi {
  readonly calls: FakeCall[] = [];
  #reads = 0;

  constructor(
    private readonly script: FakeScript,
    private readonly clock: Clock = { now: () => 0, sleep: () => Promise.resolve() },
  ) {}

  callsOf<M extends FakeCall['method']>(method: M): Extract<FakeCall, { method: M }>[] {
    return this.calls.filter(
      (call): call is Extract<FakeCall, { method: M }> => call.method === method,
    );
  }

  listRooms(): Promise<Room[]> {
    return Promise.reject(new Error('listRooms is not scripted'));
  }

  getRoom(): Promise<RoomDetails> {
    return Promise.reject(new Error('getRoom is not scripted'));
  }

  roomCall(request: RoomCallRequest): Promise<RoomCallResult> {
    this.calls.push({ method: 'roomCall', request });
    return this.script.roomCall?.(request) ?? Promise.resolve({ inviteId: 'invite-1', status: 2 });
  }

  cancelRoomCall(request: CancelRoomCallRequest): Promise<void> {
    this.calls.push({ method: 'cancelRoomCall', request });
    return this.script.cancelRoomCall?.(request) ?? Promise.resolve();
  }

  roomCallInfo(request: RoomCallInfoRequest): Promise<RoomCallInfo> {
    this.calls.push({ method: 'roomCallInfo', request, at: this.clock.now() });
    const next = this.script.roomCallInfo?.(this.#reads) ?? 'ringing';
    this.#reads += 1;
    if (next instanceof Error) return Promise.reject(next);
    if (next instanceof Promise) return next;
    return Promise.resolve(info(next));
  }

  meetingsByCode(code: string): Promise<Meeting[]> {
    this.calls.push({ method: 'meetingsByCode', code });
    if (this.script.meetingsByCode !== undefined) return this.script.meetingsByCode(code);
    return Promise.resolve((this.script.meetings ?? []).filter((m) => m.meeting_code === code));
  }

  meetingById(meetingId: string): Promise<Meeting | null> {
    this.calls.push({ method: 'meetingById', meetingId });
    if (this.script.meetingById !== undefined) return this.script.meetingById(meetingId);
    return Promise.resolve(this.script.meetings?.find((m) => m.meeting_id === meetingId) ?? null);
  }

  listOperatorMeetings(): Promise<Meeting[]> {
    this.calls.push({ method: 'listOperatorMeetings' });
    return Promise.resolve(this.script.meetings ?? []);
  }
}

export function meeting(fields: Partial<Meeting> = {}): Meeting {
  return {
    meeting_id: '7567173273889276131',
    meeting_code: '806146667',
    subject: 'Weekly sync',
    start_time: '1700000000',
    end_time: '1700003600',
    status: 'MEETING_STATE_STARTED',
    join_url: 'https://meeting.tencent.com/dm/abc',
    join_meeting_role: 'creator',
    ...fields,
  };
}

/** Virtual time: sleeping advances it at once, so a 75-second call takes microseconds. */
export function virtualClock(): Clock & { readonly sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms, signal) => {
      if (!signal.aborted) {
        sleeps.push(ms);
        now += ms;
      }
      await Promise.resolve();
    },
  };
}

/** A promise to settle by hand: for requests that are "in flight" while a test acts. */
export function deferred<T>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
} {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
