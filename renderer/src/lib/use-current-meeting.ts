import { bridge } from '../bridge';
import type { LiveValue } from './use-live-value';
import { useLiveValue } from './use-live-value';
import type { CurrentMeeting } from '../../../main/shared/ipc/contract';

/** The meeting invites go into, kept live by meetingChanged. */
export function useCurrentMeeting(): LiveValue<CurrentMeeting> {
  return useLiveValue('meetingChanged', () => bridge().getCurrentMeeting());
}
