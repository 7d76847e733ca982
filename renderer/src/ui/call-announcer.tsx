import { useState } from 'preact/hooks';
import { callTargetName } from '../../../main/shared/rules/favorites';
import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/locale';
import { useBridgeEvent } from '../lib/use-bridge-event';
import { callText } from './call-progress';

/**
 * Says call progress out loud for screen readers ("Room 1801: Ringing…"): rows change their
 * text in place, which assistive technology would not otherwise announce.
 */
export function CallAnnouncer() {
  const m = useMessages(commonMessages);
  const [text, setText] = useState('');
  useBridgeEvent('callProgress', (call) => {
    setText(m.callUpdate(callTargetName(call.target), callText(call, m)));
  });
  return (
    <div class="visually-hidden" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
