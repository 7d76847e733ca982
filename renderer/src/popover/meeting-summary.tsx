import { useLocale, useMessages } from '../i18n/locale';
import { formatMeetingTime } from '../lib/format';
import { useMeetingTiming, type MeetingTiming } from './meeting-timing';
import { popoverMessages, type PopoverMessages } from './messages';
import { formatMeetingCode } from '../../../main/shared/rules/meeting-code';
import type { MeetingSummary } from '../../../main/shared/ipc/contract';

function timingText(timing: MeetingTiming, m: PopoverMessages): string {
  if (timing.kind === 'live') return m.meeting.inProgress;
  if (timing.kind === 'starts-in') return m.invites.startsIn(timing.minutes);
  return m.invites.notStarted;
}

/**
 * Subject, code, time and where the meeting stands ("In progress", "Starts in 10 min"), as
 * the header and the candidate list show it. The subject gets one line; `title` holds it whole.
 */
export function MeetingLine({ meeting, title }: { meeting: MeetingSummary; title?: string }) {
  const m = useMessages(popoverMessages);
  const { intl } = useLocale();
  const time = formatMeetingTime(meeting.startTime, meeting.endTime, intl);
  const timing = useMeetingTiming(meeting);
  const subject = meeting.subject === '' ? m.meeting.untitled : meeting.subject;
  return (
    <>
      <span class="meeting-subject" title={title === undefined ? subject : `${title}: ${subject}`}>
        {subject}
      </span>
      <span class="meeting-meta">
        <span class="meeting-code">{formatMeetingCode(meeting.meetingCode)}</span>
        {time !== '' && <span class="meeting-time">{time}</span>}
        {timing !== null && (
          <span class={`meeting-when when-${timing.kind}`}>{timingText(timing, m)}</span>
        )}
      </span>
    </>
  );
}
