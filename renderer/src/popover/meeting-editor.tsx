import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { useMessages } from '../i18n/locale';
import { useAction } from '../lib/use-action';
import { ErrorNotice } from '../ui/error-notice';
import { MeetingLine } from './meeting-summary';
import { popoverMessages } from './messages';
import type { CurrentMeeting, IpcResult } from '../../../main/shared/ipc/contract';

interface Props {
  readonly meeting: CurrentMeeting;
  readonly onChanged: (meeting: CurrentMeeting) => void;
  /** Absent when the editor is the whole header (several meetings, none chosen yet). */
  readonly onClose?: () => void;
}

/**
 * Changing the meeting: type a code or paste a link (main parses it with the core's rules),
 * pick one of the operator's meetings in progress, or go back to following them.
 */
export function MeetingEditor({ meeting, onChanged, onClose }: Props) {
  const m = useMessages(popoverMessages);
  const [text, setText] = useState('');
  const { busy, error, run: send } = useAction();
  const input = useRef<HTMLInputElement>(null);

  // Opened on purpose: the person wants to type. Shown by default: leave focus alone.
  const openedOnPurpose = onClose !== undefined;
  // Layout effect: focus before the next key press can land on the button that opened it.
  useLayoutEffect(() => {
    if (openedOnPurpose) input.current?.focus();
  }, [openedOnPurpose]);

  async function run(action: () => Promise<IpcResult<CurrentMeeting>>) {
    const result = await send(action);
    if (result.ok) {
      onChanged(result.data);
      onClose?.();
    }
  }

  const others = meeting.candidates.filter(
    (candidate) => candidate.meetingId !== meeting.selected?.meetingId,
  );

  return (
    <div
      class="meeting-editor"
      role="group"
      aria-label={m.meeting.editorTitle}
      onKeyDown={(event) => {
        // Escape closes the editor, not the whole popover.
        if (event.key === 'Escape' && onClose !== undefined) {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <form
        class="meeting-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() !== '') void run(() => bridge().setMeeting({ text }));
        }}
      >
        <label class="field-label" for="meeting-input">
          {m.meeting.inputLabel}
        </label>
        <div class="input-row">
          <input
            id="meeting-input"
            ref={input}
            class="input"
            type="text"
            inputMode="text"
            autoComplete="off"
            spellcheck={false}
            placeholder={m.meeting.inputPlaceholder}
            value={text}
            aria-invalid={error !== null}
            aria-describedby={error === null ? undefined : 'meeting-error'}
            onInput={(event) => {
              setText(event.currentTarget.value);
            }}
          />
          <button type="submit" class="button button-primary" disabled={busy || text.trim() === ''}>
            {m.meeting.use}
          </button>
        </div>
      </form>
      {error !== null && (
        <div id="meeting-error">
          <ErrorNotice error={error} compact announce />
        </div>
      )}
      {others.length > 0 && (
        <ul class="candidate-list" aria-label={m.meeting.severalHint}>
          {others.map((candidate) => (
            <li key={candidate.meetingId}>
              <button
                type="button"
                class="candidate"
                disabled={busy}
                aria-label={m.meeting.choose(
                  candidate.subject === '' ? m.meeting.untitled : candidate.subject,
                )}
                onClick={() =>
                  void run(() => bridge().chooseMeeting({ meetingId: candidate.meetingId }))
                }
              >
                <MeetingLine meeting={candidate} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="editor-actions">
        {meeting.state === 'manual' && (
          <button
            type="button"
            class="button button-small"
            disabled={busy}
            onClick={() => void run(() => bridge().clearMeeting())}
          >
            {m.meeting.follow}
          </button>
        )}
        {onClose !== undefined && (
          <button type="button" class="button button-small button-quiet" onClick={onClose}>
            {m.meeting.close}
          </button>
        )}
      </div>
    </div>
  );
}
