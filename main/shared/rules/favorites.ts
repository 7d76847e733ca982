/**
 * How a favourite is named, for main (the tray, the CLI, the messages of the store) and the
 * windows alike. Pure and zod-free, so the renderer imports it as it is.
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
