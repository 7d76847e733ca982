import { useLocale, useMessages } from '../i18n/locale';
import { formatMeetingTime } from '../lib/format';
import type { Loadable } from '../lib/loadable';
import { Icon } from '../ui/icons';
import { pickerMessages } from './messages';
import { formatMeetingCode } from '../../../main/shared/rules/meeting-code';
import type { CurrentMeeting } from '../../../main/shared/ipc/contract';

/** Which meeting an invite from this window goes into (changed from the tray). */
export function MeetingChip({ meeting }: { meeting: Loadable<CurrentMeeting> }) {
  const m = useMessages(pickerMessages);
  const { intl } = useLocale();
  const selected = meeting.status === 'ready' ? meeting.value.selected : null;
  if (meeting.status === 'loading') {
    return <p class="meeting-chip is-muted">{m.meeting.checking}</p>;
  }
  if (selected === null) {
    return (
      <p class="meeting-chip is-warning">
        <Icon name="alert" />
        {m.meeting.none}
      </p>
    );
  }
  const time = formatMeetingTime(selected.startTime, selected.endTime, intl);
  return (
    <p class="meeting-chip">
      <Icon name="calendar" />
      <span class="chip-label">{m.meeting.into}</span>
      <strong class="chip-subject">{selected.subject}</strong>
      <span class="chip-code">{formatMeetingCode(selected.meetingCode)}</span>
      {time !== '' && <span class="chip-time">{time}</span>}
    </p>
  );
}
