import { useEffect, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { invoke } from './call';
import { fromResult, LOADING, type Loadable } from './loadable';
import type { CurrentMeeting } from './types';
import { useBridgeEvent } from './use-bridge-event';

export function useCurrentMeeting(): Loadable<CurrentMeeting> {
  const [meeting, setMeeting] = useState<Loadable<CurrentMeeting>>(LOADING);
  useEffect(() => {
    void invoke(() => bridge().getCurrentMeeting()).then((result) => {
      setMeeting(fromResult(result));
    });
  }, []);
  useBridgeEvent('meetingChanged', (value) => {
    setMeeting({ status: 'ready', value });
  });
  return meeting;
}
