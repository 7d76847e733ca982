import { useState } from 'preact/hooks';
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
}

/** The meeting invites go into, and the way to change it. */
export function MeetingHeader({ meeting, onChanged }: Props) {
  const m = useMessages(popoverMessages);
  const [editing, setEditing] = useState(false);

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
  const changeButton = (label: string, primary = false) => (
    <button
      type="button"
      class={primary ? 'button button-small button-primary' : 'button button-small'}
      aria-expanded={editing}
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
    return (
      <section class="meeting" aria-label={m.meeting.region}>
        <div class="meeting-row">
          <Icon name="calendar" class="meeting-icon" />
          <div class="meeting-text">
            <span class="meeting-eyebrow">
              {current.state === 'manual' ? m.meeting.chosen : m.meeting.following}
            </span>
            <MeetingLine meeting={current.selected} />
          </div>
          {!editing && (
            <button
              type="button"
              class="button button-small"
              aria-expanded={false}
              aria-label={m.meeting.changeLabel}
              onClick={() => {
                setEditing(true);
              }}
            >
              {m.meeting.change}
            </button>
          )}
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
        {editing ? editor : <div class="meeting-actions">{changeButton(m.meeting.enterCode)}</div>}
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
        <div class="meeting-actions">{changeButton(m.meeting.enterCode, true)}</div>
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
