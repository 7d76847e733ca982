import { useLocale, useMessages } from '../i18n/locale';
import { formatMeetingTime } from '../lib/format';
import { popoverMessages } from './messages';
import { formatMeetingCode } from '../../../main/shared/rules/meeting-code';
import type { MeetingSummary } from '../../../main/shared/ipc/contract';

/** Subject, code and time of one meeting, as the header and the candidate list show it. */
export function MeetingLine({ meeting }: { meeting: MeetingSummary }) {
  const m = useMessages(popoverMessages);
  const { intl } = useLocale();
  const time = formatMeetingTime(meeting.startTime, meeting.endTime, intl);
  return (
    <>
      <span class="meeting-subject">
        {meeting.subject === '' ? m.meeting.untitled : meeting.subject}
      </span>
      <span class="meeting-meta">
        <span class="meeting-code">{formatMeetingCode(meeting.meetingCode)}</span>
        {time !== '' && <span class="meeting-time">{time}</span>}
        {meeting.inProgress && <span class="meeting-live">{m.meeting.inProgress}</span>}
      </span>
    </>
  );
}
