/**
 * How a favourite or a call's target is named, for main (the tray, notifications, the CLI, the
 * store's messages) and the windows alike. Pure and zod-free, so the renderer imports it.
 */

/** The longest label a favourite may have: the store refuses more, the fields stop there. */
export const MAX_LABEL = 100;

/** The fields of a favourite that its shown name comes from. */
export type NamedFavorite =
  | {
      readonly kind: 'room';
      readonly label: string | null;
      readonly name: string;
      readonly meetingRoomId: string;
    }
  | { readonly kind: 'mra'; readonly label: string | null; readonly dialString: string };

/** What people see: the label, else the room's name, else its ID or what is dialled. */
export function favoriteDisplayName(favorite: NamedFavorite): string {
  if (favorite.label !== null) return favorite.label;
  if (favorite.kind === 'room')
    return favorite.name === '' ? favorite.meetingRoomId : favorite.name;
  return favorite.dialString;
}

/** The fields of a call's target that its shown name comes from (CallTargetView). */
export type NamedCallTarget =
  | { readonly kind: 'room'; readonly name: string; readonly meetingRoomId: string }
  | { readonly kind: 'mra'; readonly label: string | null; readonly dialString: string };

/**
 * What a call is called in a notification (main) and in the windows' announcements: the
 * room's name, else its ID; an address's label, else what is dialled.
 */
export function callTargetName(target: NamedCallTarget): string {
  if (target.kind === 'room') return target.name === '' ? target.meetingRoomId : target.name;
  return target.label ?? target.dialString;
}
