import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/locale';
import type { CallsApi } from '../lib/use-calls';
import { focusRow } from '../lib/row-navigation';
import { ErrorNotice } from '../ui/error-notice';
import { Icon } from '../ui/icons';
import { Spinner } from '../ui/spinner';
import { FavoriteList } from './favorite-list';
import { filterFavorites } from './filter-favorites';
import { MeetingHeader } from './meeting-header';
import { popoverMessages } from './messages';
import { openWindow } from './open-window';
import { RecentList } from './recent-list';
import type { PopoverData } from './use-popover-data';
import type { CallView, FavoriteView } from '../../../main/shared/ipc/contract';
import type { HistoryEntry } from '../../../main/shared/model/history-schema';

interface Props {
  readonly data: PopoverData;
  readonly calls: CallsApi;
  readonly query: string;
  readonly setQuery: (query: string) => void;
  readonly filter: { readonly current: HTMLInputElement | null };
  /** The popover's main area, where ArrowDown from the filter moves to the first row. */
  readonly main: { readonly current: HTMLElement | null };
  readonly retry: () => void;
  readonly invite: (favorite: FavoriteView) => void;
  readonly cancel: (call: CallView) => void;
  readonly inviteAgain: (entry: HistoryEntry) => void;
}

/**
 * The popover once RoomCall is set up: the meeting, the favourites filter, the favourites and
 * the recent invites (hidden while filtering).
 */
export function PopoverHome({
  data,
  calls,
  query,
  setQuery,
  filter,
  main,
  retry,
  invite,
  cancel,
  inviteAgain,
}: Props) {
  const m = useMessages(popoverMessages);
  const c = useMessages(commonMessages);
  const favorites = data.favorites;
  const shown = favorites.status === 'ready' ? filterFavorites(favorites.value, query) : [];
  return (
    <>
      <MeetingHeader meeting={data.meeting} onChanged={data.setMeeting} />
      {favorites.status === 'ready' && favorites.value.length > 0 && (
        <div class="filter">
          <Icon name="search" class="filter-icon" />
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
                if (first !== undefined) invite(first);
              }
            }}
          />
          {query.trim() !== '' && shown.length > 0 && (
            <kbd class="filter-hint">{m.favorites.enterToInvite}</kbd>
          )}
        </div>
      )}
      <section class="section section-favorites" aria-labelledby="fav-heading">
        <h2 class="section-heading" id="fav-heading">
          {m.favorites.heading}
        </h2>
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
        {favorites.status === 'ready' && favorites.value.length > 0 && (
          <FavoriteList
            favorites={shown}
            query={query}
            rooms={data.rooms}
            calls={calls}
            onInvite={invite}
            onCancel={cancel}
          />
        )}
      </section>
      {query.trim() === '' && (
        <RecentList
          entries={data.history}
          favorites={data.favorites.status === 'ready' ? data.favorites.value : []}
          onInviteAgain={inviteAgain}
        />
      )}
    </>
  );
}
