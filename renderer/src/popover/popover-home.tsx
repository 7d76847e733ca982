import { useState } from 'preact/hooks';
import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/locale';
import type { CallsApi } from '../lib/use-calls';
import { focusRow } from '../lib/row-navigation';
import { ErrorNotice } from '../ui/error-notice';
import { Icon } from '../ui/icons';
import { Spinner } from '../ui/spinner';
import { FavoriteList } from './favorite-list';
import { MeetingHeader } from './meeting-header';
import { popoverMessages, type PopoverMessages } from './messages';
import { openWindow } from './open-window';
import { RecentList } from './recent-list';
import { useFavoriteFilter } from './use-favorite-filter';
import type { PopoverData } from './use-popover-data';
import type { Loadable } from '../lib/loadable';
import type { RowActions } from './use-invite-actions';
import type { CurrentMeeting, FavoriteView } from '../../../main/shared/ipc/contract';

const NONE: readonly FavoriteView[] = [];

interface Props {
  readonly data: PopoverData;
  readonly calls: CallsApi;
  readonly query: string;
  readonly setQuery: (query: string) => void;
  readonly filter: { readonly current: HTMLInputElement | null };
  /** The popover's main area, where ArrowDown from the filter moves to the first row. */
  readonly main: { readonly current: HTMLElement | null };
  readonly retry: () => void;
  readonly actions: Omit<RowActions, 'unavailableReason' | 'chooseMeeting'>;
}

/** The id of the sentence saying why nothing can be invited now. */
const UNAVAILABLE_ID = 'invites-unavailable';

/**
 * Why nothing can be invited now, or null when invites can go out: main refuses every invite
 * while no meeting is selected (NoMeetingError), so the rows say so before anyone clicks.
 * Unknown (the meeting could not be asked for): the rows stay enabled and main decides.
 */
export function invitesUnavailable(
  meeting: Loadable<CurrentMeeting>,
  m: PopoverMessages,
): string | null {
  if (meeting.status !== 'ready' || meeting.value.selected !== null) return null;
  if (meeting.value.state === 'loading') return m.invites.checking;
  if (meeting.value.state === 'several') return m.invites.several;
  return m.invites.noMeeting;
}

/**
 * The popover once RoomCall is set up: the meeting, the favourites filter, the favourites and
 * the recent invites (hidden while filtering). Without a meeting, the rows are disabled, one
 * sentence says why, and the one action is the meeting's: a click on a row opens it too.
 */
export function PopoverHome({ data, calls, query, setQuery, filter, main, retry, actions }: Props) {
  const m = useMessages(popoverMessages);
  const c = useMessages(commonMessages);
  const favorites = data.favorites;
  const all = favorites.status === 'ready' ? favorites.value : NONE;
  const shown = useFavoriteFilter(all, query);
  const [editing, setEditing] = useState(false);
  const unavailable = invitesUnavailable(data.meeting, m);
  const reason = unavailable === null ? null : UNAVAILABLE_ID;
  // The one action: the meeting's field, or its first choice when it is already shown
  // (nothing while the meeting is still being looked for).
  const chooseMeeting = () => {
    if (data.meeting.status !== 'ready' || data.meeting.value.state === 'loading') return;
    const shownChoice =
      document.querySelector<HTMLElement>('.meeting .candidate') ??
      document.querySelector<HTMLElement>('#meeting-input');
    if (shownChoice === null) setEditing(true);
    else shownChoice.focus();
  };
  const rows: RowActions = { ...actions, unavailableReason: reason, chooseMeeting };
  return (
    <>
      <MeetingHeader
        meeting={data.meeting}
        onChanged={data.setMeeting}
        editing={editing}
        setEditing={setEditing}
      />
      {all.length > 0 && (
        <div class="filter">
          <Icon name="search" class="search-icon" />
          <input
            ref={filter}
            class="filter-input"
            type="search"
            aria-label={m.favorites.filterLabel}
            placeholder={m.favorites.filterPlaceholder}
            autoComplete="off"
            spellcheck={false}
            value={query}
            onInput={(event) => {
              setQuery(event.currentTarget.value);
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown' && main.current !== null) {
                event.preventDefault();
                focusRow(main.current, 0);
              } else if (event.key === 'Enter') {
                event.preventDefault();
                const first = shown[0];
                if (unavailable !== null) chooseMeeting();
                else if (first !== undefined) actions.invite(first);
              }
            }}
          />
          {query.trim() !== '' && shown.length > 0 && unavailable === null && (
            <kbd class="filter-hint">{m.favorites.enterToInvite}</kbd>
          )}
        </div>
      )}
      <section class="section section-favorites" aria-labelledby="fav-heading">
        <h2 class="section-heading" id="fav-heading">
          {m.favorites.heading}
        </h2>
        {unavailable !== null && (shown.length > 0 || data.history.length > 0) && (
          <p class="unavailable-note" id={UNAVAILABLE_ID}>
            {unavailable}
          </p>
        )}
        {favorites.status === 'loading' && <Spinner label={c.loading} />}
        {favorites.status === 'error' && (
          <ErrorNotice error={favorites.error} onRetry={retry} compact />
        )}
        {favorites.status === 'ready' && favorites.value.length === 0 && (
          <div class="empty empty-inline">
            <p class="empty-title">{m.favorites.emptyTitle}</p>
            <p class="empty-hint">{m.favorites.emptyHint}</p>
            <button
              type="button"
              class="button button-primary"
              onClick={() => {
                openWindow('picker');
              }}
            >
              {m.footer.picker}
            </button>
          </div>
        )}
        {all.length > 0 && (
          <FavoriteList
            favorites={shown}
            query={query}
            rooms={data.rooms}
            calls={calls}
            actions={rows}
          />
        )}
      </section>
      {query.trim() === '' && <RecentList entries={data.history} favorites={all} actions={rows} />}
    </>
  );
}
