import type { CallView } from '../../shared/ipc/contract';
import { callTargetName } from '../../shared/rules/favorites';
import type { ShellStrings } from './shell-strings';

export interface NotificationText {
  readonly title: string;
  readonly body: string;
}

/**
 * The native notification for a settled call: accepted, declined, no answer, timed out,
 * unconfirmed (may be ringing) or failed with the reason in words. None for a call the person cancelled or that ended
 * normally: they already know.
 */
export function callNotification(view: CallView, strings: ShellStrings): NotificationText | null {
  if (!view.settled) return null;
  const target = callTargetName(view.target);
  const meeting = view.meeting === null ? '' : view.meeting.subject;
  switch (view.phase) {
    case 'accepted':
      return { title: strings.accepted(target), body: meeting };
    case 'rejected':
      return { title: strings.rejected(target), body: meeting };
    case 'no-answer':
      return { title: strings.noAnswer(target), body: meeting };
    case 'timed-out':
      return { title: strings.timedOut(target), body: meeting };
    case 'failed':
      return { title: strings.failed(target), body: view.error?.message ?? meeting };
    // Not a failure: the room may be ringing, and the person should look.
    case 'unconfirmed':
      return {
        title: strings.unconfirmed(target),
        body: view.error?.message ?? strings.unconfirmedBody,
      };
    default:
      return null;
  }
}
