import type { Ref } from 'preact';
import { useMessages } from '../i18n/locale';
import { Icon } from '../ui/icons';
import { pickerMessages } from './messages';
import type { RoomQuery, RoomSort, StatusFilter } from './room-query';

interface Props {
  readonly query: RoomQuery;
  readonly onChange: (query: RoomQuery) => void;
  readonly searchRef: Ref<HTMLInputElement>;
  readonly onSearchKeyDown: (event: KeyboardEvent) => void;
  /** Whether the search has focus (Enter's target is marked only then). */
  readonly onSearchFocus: (focused: boolean) => void;
  /** The id of what Enter would do ("Enter invites …"), when there is something. */
  readonly describedBy: string | undefined;
}

const STATUS_OPTIONS: readonly StatusFilter[] = ['all', 'idle', 'in-use', 'offline', 'not-set-up'];
const SORT_OPTIONS: readonly RoomSort[] = ['name', 'location', 'status'];

/** Search box, "callable only", a status filter and the sort order. */
export function RoomToolbar({
  query,
  onChange,
  searchRef,
  onSearchKeyDown,
  onSearchFocus,
  describedBy,
}: Props) {
  const m = useMessages(pickerMessages);
  return (
    <div class="toolbar" role="search">
      <div class="search">
        <Icon name="search" class="search-icon" />
        <input
          ref={searchRef}
          class="input search-input"
          type="search"
          aria-label={m.search.label}
          placeholder={m.search.placeholder}
          autoComplete="off"
          spellcheck={false}
          value={query.text}
          onInput={(event) => {
            onChange({ ...query, text: event.currentTarget.value });
          }}
          aria-describedby={describedBy}
          onKeyDown={onSearchKeyDown}
          onFocus={() => {
            onSearchFocus(true);
          }}
          onBlur={() => {
            onSearchFocus(false);
          }}
        />
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={query.callableOnly}
          onChange={(event) => {
            onChange({ ...query, callableOnly: event.currentTarget.checked });
          }}
        />
        {m.search.callableOnly}
      </label>
      <label class="inline-field">
        <span>{m.search.status}</span>
        <select
          class="select"
          value={query.status}
          onChange={(event) => {
            const value = STATUS_OPTIONS.find((option) => option === event.currentTarget.value);
            if (value !== undefined) onChange({ ...query, status: value });
          }}
        >
          {STATUS_OPTIONS.map((option) => (
            <option key={option} value={option}>
              {m.search.statuses[option]}
            </option>
          ))}
        </select>
      </label>
      <label class="inline-field">
        <span>{m.search.sort}</span>
        <select
          class="select"
          value={query.sort}
          onChange={(event) => {
            const value = SORT_OPTIONS.find((option) => option === event.currentTarget.value);
            if (value !== undefined) onChange({ ...query, sort: value });
          }}
        >
          {SORT_OPTIONS.map((option) => (
            <option key={option} value={option}>
              {m.search.sorts[option]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
