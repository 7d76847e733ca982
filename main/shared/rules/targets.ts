/**
 * What identifies a thing that can be called. Main (the favourites store, the call manager,
 * the tray, the CLI) and the windows use this same function: the one-ring check and the
 * "calling…" marks on every row depend on both sides computing the same key. Pure and
 * zod-free, so the renderer imports it as it is.
 */

/** How an address is dialled: SIP or H.323. */
export type DialProtocol = 'sip' | 'h323';

/** A room by its ID, or a SIP/H.323 address: anything room-call can call. */
export type KeyedTarget =
  | { readonly kind: 'room'; readonly meetingRoomId: string }
  | { readonly kind: 'mra'; readonly protocol: DialProtocol; readonly dialString: string };

/**
 * One key per thing that can be called, so two favourites never share one and a call started
 * anywhere (popover, picker, tray, CLI) shows on every row for the same room or address.
 * Addresses compare without case, and a `sip:` prefix is optional to the API, so `sip:a@b`
 * and `a@b` are the same address.
 */
export function targetKey(target: KeyedTarget): string {
  if (target.kind === 'room') return `room:${target.meetingRoomId}`;
  const dial = target.dialString.toLowerCase();
  const bare = target.protocol === 'sip' && dial.startsWith('sip:') ? dial.slice(4) : dial;
  return `${target.protocol}:${bare}`;
}
