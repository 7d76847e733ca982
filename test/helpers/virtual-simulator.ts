/**
 * The simulator on virtual time, for the harnesses whose code under test sleeps (the invite's
 * polling, the CLI's --wait): the simulator's clock (call timing, replay and skew checks) reads
 * the same time that sleeping moves on, so the real defaults (2 s polls, 75 s deadline, 60 s
 * rings) run in milliseconds.
 */
import { startSimulator, type Simulator } from '../sim/index';

/** Where virtual time starts: a fixed instant (November 2025), so dates in output repeat. */
export const VIRTUAL_START = 1_763_000_000_000;

/** The room-call paths, as the tests look for them in sim.requests. */
export const ROOM_CALL = '/v1/meeting-rooms/room-call';
export const CANCEL_ROOM_CALL = '/v1/meeting-rooms/cancel-room-call';
export const ROOM_CALL_INFO = '/v1/meeting-rooms/room-call-info';

export interface VirtualSimulatorOptions {
  /** 40 unless given. */
  readonly rooms?: number | undefined;
  /** How long a call rings before the room answers; 5 s unless given. */
  readonly ringMs?: number | undefined;
  /** Answers as a Go service with omitempty: zero, false and empty fields left out. */
  readonly sparse?: boolean | undefined;
}

export interface VirtualSimulator {
  readonly sim: Simulator;
  /** Virtual ms since the epoch. */
  readonly now: () => number;
  /** Virtual ms since VIRTUAL_START. */
  readonly elapsed: () => number;
  /** What a sleep does: time moves on by `ms` at once. */
  readonly advance: (ms: number) => void;
}

export async function startVirtualSimulator(
  options: VirtualSimulatorOptions = {},
): Promise<VirtualSimulator> {
  let now = VIRTUAL_START;
  const sim = await startSimulator({
    rooms: options.rooms ?? 40,
    clock: () => now,
    callTiming: { ringMs: options.ringMs ?? 5_000 },
    sparse: options.sparse ?? false,
  });
  return {
    sim,
    now: () => now,
    elapsed: () => now - VIRTUAL_START,
    advance: (ms) => {
      now += ms;
    },
  };
}
