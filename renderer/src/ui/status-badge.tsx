import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/locale';
import type { RoomView } from '../../../main/shared/ipc/contract';

export type StatusTone = 'ok' | 'busy' | 'off' | 'blocked';

/** A room's live status as one word and a tone; "cannot be called" overrides the rest. */
function roomStatusTone(room: Pick<RoomView, 'status' | 'callable'>): StatusTone {
  if (!room.callable) return 'blocked';
  if (room.status === 'idle') return 'ok';
  if (room.status === 'in-use') return 'busy';
  return 'off';
}

export function StatusBadge({ room }: { room: Pick<RoomView, 'status' | 'callable'> }) {
  const m = useMessages(commonMessages);
  const word =
    !room.callable && room.status !== 'not-activated' && room.status !== 'not-bound'
      ? m.status.notCallable
      : m.status[room.status];
  return (
    <span class={`badge badge-${roomStatusTone(room)}`}>
      <span class="badge-dot" aria-hidden="true" />
      {word}
    </span>
  );
}
