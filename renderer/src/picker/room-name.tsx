/**
 * A room's name split where it can be cut: `head` (city, building, floor) may shrink to an
 * ellipsis, `tail` (the room number or hall: what tells rooms apart) always shows. The
 * distinguishing part is at the end of a directory name ("深圳·滨海大厦 18F 1801 会议室",
 * "Marina One L12 Boardroom"), which a plain end ellipsis is the first to cut.
 */
export function splitRoomName(name: string): { readonly head: string; readonly tail: string } {
  const words = name.trim().split(/\s+/);
  const last = words.at(-1) ?? '';
  if (words.length >= 2) {
    // "1801 会议室": a generic last word keeps the number before it.
    const before = words.at(-2) ?? '';
    const take = words.length >= 3 && !/\d/.test(last) && /\d/.test(before) ? 2 : 1;
    return {
      head: words.slice(0, -take).join(' '),
      tail: words.slice(-take).join(' '),
    };
  }
  // One word ("滨海大厦18楼1801会议室"): the tail starts at the last run of digits.
  const match = /\d+\D*$/.exec(last);
  if (match === null || match.index === 0) return { head: '', tail: last };
  return { head: last.slice(0, match.index), tail: last.slice(match.index) };
}

/**
 * The name as a row shows it: the full name once for screen readers and text search (and as
 * the tooltip), the split copy on screen, where the head shrinks before the tail.
 */
export function RoomName({ name }: { name: string }) {
  const { head, tail } = splitRoomName(name);
  return (
    <span class="room-name" title={name}>
      <span class="visually-hidden">{name}</span>
      <span class="room-name-shown" aria-hidden="true">
        {head !== '' && <span class="room-name-head">{head}</span>}
        <span class="room-name-tail">{tail}</span>
      </span>
    </span>
  );
}
