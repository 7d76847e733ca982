/**
 * Saving favourites through the real app before a window opens, as a person would have with
 * the picker: the simulator's rooms by what a call to them does (test/sim/README.md), and SIP
 * addresses by their scripted outcome (sim.mraWithOutcome).
 */
import type { LockableKey, ManagedSettings } from '../../main/core/managed/managed-config';
import type { ManagedLoad } from '../../main/core/managed/load-managed';
import type { FavoriteFields } from '../../main/core/store/favorites-check';
import type { FavoriteView } from '../../main/shared/ipc/contract';
import type { MraOutcome, RoomOutcome, SimRoom } from '../sim/types';
import type { RealBridge } from './real-bridge';
import { simRoomFavorite } from '../helpers/sim-room-ref';

/** The simulator's room whose call ends in `outcome`. */
export function roomWith(real: RealBridge, outcome: RoomOutcome): SimRoom {
  return real.harness.sim.roomWithOutcome(outcome);
}

/** The simulator's room of that name (the curated rooms' names are the same for every seed). */
export function roomNamed(real: RealBridge, name: string): SimRoom {
  const room = real.harness.sim.rooms.find((item) => item.meeting_room_name === name);
  if (room === undefined) throw new Error(`the simulator has no room named ${name}`);
  return room;
}

export async function addRoomFavorite(real: RealBridge, room: SimRoom): Promise<FavoriteView> {
  const added = await real.harness.ok('addFavorite', simRoomFavorite(room));
  return added.favorite;
}

/** A SIP address whose call ends in `outcome`, saved with `label`. */
export async function addAddressFavorite(
  real: RealBridge,
  outcome: MraOutcome,
  label: string | null,
): Promise<FavoriteView> {
  const { dial_string: dialString } = real.harness.sim.mraWithOutcome(outcome);
  const added = await real.harness.ok('addFavorite', {
    kind: 'mra',
    protocol: 'sip',
    dialString,
    label,
  });
  return added.favorite;
}

/**
 * A managed configuration as the app loads it (main/core/managed), for the harness's `managed`
 * option: the organisation's favourites and locked settings.
 */
export function managedConfig(config: {
  readonly favorites?: readonly FavoriteFields[];
  readonly settings?: ManagedSettings;
  readonly locked?: readonly LockableKey[];
}): ManagedLoad {
  return {
    status: 'ok',
    file: '/etc/roomcall/managed.json',
    config: {
      settings: config.settings ?? {},
      operatorIdPattern: null,
      appId: null,
      sdkId: null,
      favorites: config.favorites ?? [],
      updateFeedUrl: null,
      locked: new Set(config.locked ?? []),
      userProblems: [],
    },
  };
}
