import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CallView, IpcError, IpcResult, RequestOf } from '../../../main/shared/ipc/contract';
import { bridge } from '../bridge';
import { invoke } from './call';
import { useBridgeEvent } from './use-bridge-event';
import { targetKey } from '../../../main/shared/rules/targets';

export interface CallsApi {
  /** The latest call per target key (targetKey()). */
  readonly byTarget: ReadonlyMap<string, CallView>;
  /** Targets whose startCall is on its way (no CallView yet). */
  readonly starting: ReadonlySet<string>;
  /** Why a startCall was refused before any call existed (no meeting, not configured…). */
  readonly refused: ReadonlyMap<string, IpcError>;
  /** Starts a call unless one to the same target is in flight; false when it did nothing. */
  readonly start: (key: string, request: RequestOf<'startCall'>) => Promise<boolean>;
  readonly cancel: (call: CallView) => Promise<IpcError | null>;
  /** Forgets the refusals (the meeting changed, the popover was shown again). */
  readonly clearRefusals: () => void;
}

/** Newer wins: a later call to the same target, or a later update of the same call. */
function newer(current: CallView | undefined, next: CallView): boolean {
  if (current === undefined) return true;
  if (current.callId === next.callId) {
    // A settled call stays settled, whatever order the answer and the event arrive in.
    if (current.settled !== next.settled) return next.settled;
    return next.updatedAt >= current.updatedAt;
  }
  return next.startedAt >= current.startedAt;
}

/**
 * Calls as every window sees them: seeded from listCalls, kept live by callProgress. The
 * second click on a ringing row does nothing here, and main dedups as well (one click, one
 * ring), so a double click or a key repeat never rings a room twice.
 */
export function useCalls(
  ready = true,
  meetingId?: string | null,
  list: () => Promise<IpcResult<CallView[]>> = () => bridge().listCalls(),
): CallsApi {
  const [byTarget, setByTarget] = useState<ReadonlyMap<string, CallView>>(new Map());
  const [starting, setStarting] = useState<ReadonlySet<string>>(new Set());
  const [refused, setRefused] = useState<ReadonlyMap<string, IpcError>>(new Map());
  // A ref as well as state: two clicks in one frame see the first before a re-render.
  const inFlight = useRef(new Set<string>());

  const apply = useCallback((call: CallView) => {
    const key = targetKey(call.target);
    if (call.settled) {
      inFlight.current.delete(key);
    } else {
      inFlight.current.add(key);
      // A call under way (from this window or another) supersedes an earlier refusal.
      setRefused((map) => withoutKey(map, key));
    }
    setByTarget((map) => {
      if (!newer(map.get(key), call)) return map;
      const next = new Map(map);
      next.set(key, call);
      return next;
    });
  }, []);

  // Calls already under way (started elsewhere, or before this window opened). `ready` lets
  // the popover ask after its first paint: the list of favourites comes first. `list` fetches
  // them (by default listCalls; the popover's answers from its snapshot the first time), read
  // from a ref so that a new function on a later render does not fetch them again.
  const lister = useRef(list);
  lister.current = list;
  useEffect(() => {
    if (!ready) return;
    void invoke(lister.current).then((result) => {
      if (result.ok) for (const call of result.data) apply(call);
    });
  }, [apply, ready]);
  useBridgeEvent('callProgress', apply);

  const start = useCallback(
    async (key: string, request: RequestOf<'startCall'>) => {
      if (inFlight.current.has(key)) return false;
      inFlight.current.add(key);
      setStarting((set) => new Set(set).add(key));
      setRefused((map) => withoutKey(map, key));
      const result = await invoke(() => bridge().startCall(request));
      setStarting((set) => new Set([...set].filter((item) => item !== key)));
      if (result.ok) {
        apply(result.data);
      } else {
        inFlight.current.delete(key);
        setRefused((map) => new Map(map).set(key, result.error));
      }
      return true;
    },
    [apply],
  );

  const cancel = useCallback(
    async (call: CallView) => {
      const result = await invoke(() => bridge().cancelCall({ callId: call.callId }));
      if (result.ok) {
        apply(result.data);
        return null;
      }
      return result.error;
    },
    [apply],
  );

  const clearRefusals = useCallback(() => {
    setRefused(new Map());
  }, []);

  // A settled call speaks of its own meeting: once another meeting is current (or none, given
  // as null; undefined when it is not known), the row goes back to the room's status ("In the
  // meeting" stays only for the meeting it is about).
  const shown = useMemo(() => forMeeting(byTarget, meetingId), [byTarget, meetingId]);

  return { byTarget: shown, starting, refused, start, cancel, clearRefusals };
}

function forMeeting(
  calls: ReadonlyMap<string, CallView>,
  meetingId: string | null | undefined,
): ReadonlyMap<string, CallView> {
  if (meetingId === undefined) return calls;
  const stale = [...calls].filter(
    ([, call]) => call.settled && call.meeting !== null && call.meeting.meetingId !== meetingId,
  );
  if (stale.length === 0) return calls;
  const next = new Map(calls);
  for (const [key] of stale) next.delete(key);
  return next;
}

function withoutKey<V>(map: ReadonlyMap<string, V>, key: string): ReadonlyMap<string, V> {
  if (!map.has(key)) return map;
  const next = new Map(map);
  next.delete(key);
  return next;
}
