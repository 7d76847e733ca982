import { commonMessages } from '../i18n/common-messages';
import { useLocale, useMessages } from '../i18n/locale';
import { formatMoment } from '../lib/format';
import { favoriteDisplayName } from '../../../main/shared/rules/favorites';
import { targetKey } from '../../../main/shared/rules/targets';
import { Icon } from '../ui/icons';
import { popoverMessages } from './messages';
import { RowName } from './row-name';
import type { HistoryEntry } from '../../../main/shared/model/history-schema';
import type { RowActions } from './use-invite-actions';
import type { FavoriteView } from '../../../main/shared/ipc/contract';

const SHOWN = 5;

/** The latest invite per target, newest first: a person re-invites the same few rooms. */
function latestPerTarget(entries: readonly HistoryEntry[], limit = SHOWN): HistoryEntry[] {
  const seen = new Set<string>();
  const out: HistoryEntry[] = [];
  const newestFirst = [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  for (const entry of newestFirst) {
    const key = targetKey(entry.target);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(entry);
    if (out.length === limit) break;
  }
  return out;
}

/**
 * The name a person gave the target, when it is a favourite (its label, or the room's name),
 * else the name at the time of the call; a raw dial string only for an address nobody named.
 */
export function historyName(entry: HistoryEntry, favorites: readonly FavoriteView[] = []): string {
  const key = targetKey(entry.target);
  const favorite = favorites.find((f) => targetKey(f) === key);
  if (favorite !== undefined) return favoriteDisplayName(favorite);
  return entry.target.kind === 'room'
    ? (entry.target.name ?? entry.target.meetingRoomId)
    : entry.target.dialString;
}

interface Props {
  readonly entries: readonly HistoryEntry[];
  /** For the names people gave their favourites. */
  readonly favorites: readonly FavoriteView[];
  readonly actions: RowActions;
}

export function RecentList({ entries, favorites, actions }: Props) {
  const { unavailableReason, chooseMeeting, inviteAgain } = actions;
  const m = useMessages(popoverMessages);
  const c = useMessages(commonMessages);
  const { intl } = useLocale();
  const latest = latestPerTarget(entries);
  if (latest.length === 0) return null;
  return (
    <section class="section" aria-labelledby="recent-heading">
      <h2 class="section-heading" id="recent-heading">
        {m.recent.heading}
      </h2>
      <ul class="recent-list">
        {latest.map((entry) => {
          const name = historyName(entry, favorites);
          return (
            <li key={entry.id} class="recent-row">
              <Icon name="phone" class="recent-icon" />
              <button
                type="button"
                class="recent-invite"
                data-nav="row"
                title={name}
                aria-describedby={
                  unavailableReason === null
                    ? `recent-${entry.id}`
                    : `recent-${entry.id} ${unavailableReason}`
                }
                aria-disabled={unavailableReason === null ? undefined : 'true'}
                onClick={() => {
                  if (unavailableReason === null) inviteAgain(entry);
                  else chooseMeeting();
                }}
              >
                <span class="visually-hidden">{m.recent.againBefore}</span>
                <RowName name={name} />
                {m.recent.againAfter !== '' && (
                  <span class="visually-hidden">{m.recent.againAfter}</span>
                )}
              </button>
              <span class={`recent-outcome outcome-${entry.outcome}`} id={`recent-${entry.id}`}>
                {c.outcome[entry.outcome]} · {formatMoment(entry.at, intl)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
