import { bridge } from '../bridge';
import type { LiveValue } from './use-live-value';
import { useLiveValue } from './use-live-value';
import type { CurrentMeeting, IpcResult } from '../../../main/shared/ipc/contract';

/** The meeting invites go into, kept live by meetingChanged; `load` fetches it (by default its verb). */
export function useCurrentMeeting(
  load: () => Promise<IpcResult<CurrentMeeting>> = () => bridge().getCurrentMeeting(),
): LiveValue<CurrentMeeting> {
  return useLiveValue('meetingChanged', load);
}
