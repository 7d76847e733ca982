import { bridge } from '../bridge';
import { useMessages } from '../i18n/locale';
import { invoke } from '../lib/call';
import type { Loadable } from '../lib/loadable';
import { ErrorNotice } from '../ui/error-notice';
import { Icon } from '../ui/icons';
import { Spinner } from '../ui/spinner';
import { MeetingEditor } from './meeting-editor';
import { MeetingLine } from './meeting-summary';
import { popoverMessages } from './messages';
import type { CurrentMeeting } from '../../../main/shared/ipc/contract';

interface Props {
  readonly meeting: Loadable<CurrentMeeting>;
  readonly onChanged: (meeting: CurrentMeeting) => void;
  /** Whether the code / link field is open: the rows open it too when there is no meeting. */
  readonly editing: boolean;
  readonly setEditing: (editing: boolean) => void;
}

/**
 * The meeting invites go into, and the way to change it: compact (subject on one line, then
 * code, time and timing), so six favourites fit below it in the 360x520 popover.
 */
export function MeetingHeader({ meeting, onChanged, editing, setEditing }: Props) {
  const m = useMessages(popoverMessages);

  const retry = () => {
    void invoke(() => bridge().refreshCurrentMeeting()).then((result) => {
      if (result.ok) onChanged(result.data);
    });
  };

  if (meeting.status === 'loading') {
    return <MeetingChecking />;
  }
  if (meeting.status === 'error') {
    return (
      <section class="meeting" aria-label={m.meeting.region}>
        <ErrorNotice error={meeting.error} compact onRetry={retry} />
      </section>
    );
  }

  const current = meeting.value;
  const editor = editing && (
    <MeetingEditor
      meeting={current}
      onChanged={onChanged}
      onClose={() => {
        setEditing(false);
      }}
    />
  );
  const changeButton = (label: string, primary = false, ariaLabel?: string) => (
    <button
      type="button"
      class={primary ? 'button button-small button-primary' : 'button button-small'}
      aria-expanded={editing}
      aria-label={ariaLabel}
      onClick={() => {
        setEditing(!editing);
      }}
    >
      {label}
    </button>
  );

  if (
    current.selected !== null &&
    (current.state === 'one' || current.state === 'manual' || current.state === 'several')
  ) {
    const how = current.state === 'manual' ? m.meeting.chosen : m.meeting.following;
    return (
      <section class="meeting" aria-label={m.meeting.region}>
        <div class="meeting-current">
          <Icon name="calendar" class="meeting-icon" />
          {/* How the meeting was picked: for screen readers and in the subject's tooltip. */}
          <span class="visually-hidden">{how}</span>
          <MeetingLine meeting={current.selected} title={how} />
          {!editing && changeButton(m.meeting.change, false, m.meeting.changeLabel)}
        </div>
        {editor}
      </section>
    );
  }

  if (current.state === 'several') {
    return (
      <section class="meeting" aria-label={m.meeting.region}>
        <p class="meeting-title">{m.meeting.severalTitle}</p>
        <p class="meeting-note">{m.meeting.severalHint}</p>
        <MeetingEditor meeting={{ ...current, selected: null }} onChanged={onChanged} />
      </section>
    );
  }

  if (current.state === 'error' && current.error !== null) {
    return (
      <section class="meeting" aria-label={m.meeting.region}>
        <ErrorNotice error={current.error} compact onRetry={retry} />
        {editing ? (
          editor
        ) : (
          <div class="meeting-actions">{changeButton(m.invites.chooseMeeting)}</div>
        )}
      </section>
    );
  }

  if (current.state === 'loading') {
    return <MeetingChecking />;
  }

  // 'none' (and 'unconfigured', which the app shows as its own state before we get here).
  return (
    <section class="meeting" aria-label={m.meeting.region}>
      <div class="meeting-row">
        <Icon name="calendar" class="meeting-icon meeting-icon-muted" />
        <div class="meeting-text">
          <p class="meeting-title">{m.meeting.noneTitle}</p>
          <p class="meeting-note">{m.meeting.noneHint}</p>
        </div>
      </div>
      {editing ? (
        editor
      ) : (
        <div class="meeting-actions">{changeButton(m.invites.chooseMeeting, true)}</div>
      )}
    </section>
  );
}

/** While the current meeting is being looked up: at start-up, and after a change or refresh. */
function MeetingChecking() {
  const m = useMessages(popoverMessages);
  return (
    <section class="meeting meeting-quiet" aria-label={m.meeting.region}>
      <Spinner />
      <span class="meeting-note" role="status">
        {m.meeting.checking}
      </span>
    </section>
  );
}
