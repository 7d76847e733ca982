import type { CallTargetView, Favorite, HistoryEntry } from './types';

type Target =
  | Pick<Extract<Favorite, { kind: 'room' }>, 'kind' | 'meetingRoomId'>
  | Pick<Extract<CallTargetView, { kind: 'mra' }>, 'kind' | 'protocol' | 'dialString'>
  | HistoryEntry['target'];

/**
 * One key per thing that can be called, so a call started anywhere (popover, picker, CLI)
 * shows on every row for the same room or address. Mirrors the store's favoriteKey: a
 * `sip:` prefix is optional to the API, so `sip:a@b` and `a@b` are the same address.
 */
export function targetKey(target: Target): string {
  if (target.kind === 'room') return `room:${target.meetingRoomId}`;
  const dial = target.dialString.toLowerCase();
  const bare = target.protocol === 'sip' && dial.startsWith('sip:') ? dial.slice(4) : dial;
  return `${target.protocol}:${bare}`;
}

export function favoriteName(favorite: Favorite): string {
  if (favorite.label !== null) return favorite.label;
  if (favorite.kind === 'room')
    return favorite.name === '' ? favorite.meetingRoomId : favorite.name;
  return favorite.dialString;
}
