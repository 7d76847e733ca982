import { useLocale, useMessages } from '../i18n/locale';
import { formatNumber } from '../lib/format';
import { pickerMessages } from './messages';
import type { RoomView } from '../../../main/shared/ipc/contract';

interface Props {
  /** Every selected room still in the directory, in list order. */
  readonly selected: readonly RoomView[];
  /** How many of them the current search or filters hide (they are invited too). */
  readonly hidden: number;
  /** What the button calls: the selected rooms that are callable and not already called. */
  readonly invitable: readonly RoomView[];
  readonly canInvite: boolean;
  readonly onInvite: () => void;
  readonly onClear: () => void;
}

/** Up to this many rooms, the button says their names; beyond, a count and the names below. */
const NAMED = 2;

/**
 * The batch bar over the bottom of the list (it never moves a row). A selection is kept across
 * searches, so rooms found by different searches can be invited together; the bar says how
 * many the current search hides and that they are invited too, and the button names exactly
 * who is called ("Invite A, B", or "Invite 3 rooms" with "Will invite: A, B, C").
 */
export function SelectionBar({ selected, hidden, invitable, canInvite, onInvite, onClear }: Props) {
  const m = useMessages(pickerMessages);
  const { intl } = useLocale();
  const count = (n: number) => formatNumber(n, intl);
  const names = invitable.map((room) => room.name).join(m.roomsUi.nameSeparator);
  const named = invitable.length <= NAMED;
  const label = named
    ? m.roomsUi.inviteNames(names)
    : m.roomsUi.inviteCount(count(invitable.length));
  const skipped = selected.length - invitable.length;
  const facts = [m.roomsUi.selected(count(selected.length))];
  if (hidden > 0) facts.push(m.roomsUi.hidden(count(hidden)));
  if (skipped > 0) facts.push(m.roomsUi.skipped(count(skipped)));
  return (
    <div class="selection-bar" role="region" aria-label={m.roomsUi.batchLabel}>
      <div class="selection-text">
        <p class="selection-count" role="status">
          {facts.join(' · ')}
        </p>
        {!named && (
          <p class="selection-names" id="selection-names" title={names}>
            {m.roomsUi.willInvite(names)}
          </p>
        )}
      </div>
      <button
        type="button"
        class="button button-primary selection-invite"
        disabled={!canInvite || invitable.length === 0}
        title={label}
        aria-describedby={named ? undefined : 'selection-names'}
        onClick={onInvite}
      >
        {label}
      </button>
      <button type="button" class="button button-quiet" onClick={onClear}>
        {m.selection.clear}
      </button>
    </div>
  );
}
