import type { Room } from '../../main/core/wemeet/api';

/** An enterprise's directory of `count` rooms with realistic Chinese names, for tests and the bench. */
export function bigDirectory(count: number): Room[] {
  return Array.from({ length: count }, (_, index) => ({
    meeting_room_id: String(1_000_000_000_000_000_000n + BigInt(index)),
    meeting_room_name: `深圳·滨海大厦 ${String(1 + (index % 40))}F ${String(index)} 会议室`,
    meeting_room_location: `深圳-滨海大厦-${String(1 + (index % 40))}F`,
    meeting_room_status: 2,
    is_allow_call: index % 7 !== 0,
    participant_number: 4 + (index % 20),
  }));
}
