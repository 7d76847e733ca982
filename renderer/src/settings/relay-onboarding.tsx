import { useEffect, useRef, useState } from 'preact/hooks';
import { useMessages } from '../i18n/locale';
import { settingsMessages } from './messages';
import { OnboardingDoneActions, OnboardingHeader } from './onboarding-parts';
import { relayMessages } from './relay-messages';
import { RelaySignIn } from './relay-sign-in';
import type { AppState, RelayState } from '../../../main/shared/ipc/contract';

interface Props {
  readonly relay: RelayState;
  readonly onState: (state: AppState) => void;
  readonly onFinish: () => void;
}

/**
 * First run on a desktop pointed at a relay (the organisation's managed relayUrl): sign in,
 * then off to the room picker. No Tencent credentials are asked for: the relay holds them.
 */
export function RelayOnboarding({ relay, onState, onFinish }: Props) {
  const m = useMessages(settingsMessages);
  const r = useMessages(relayMessages);
  const [step, setStep] = useState<'sign-in' | 'done'>(relay.signedIn ? 'done' : 'sign-in');
  const title = useRef<HTMLHeadingElement>(null);
  // Signed in: the next step replaces the button that was pressed; its heading takes focus.
  useEffect(() => {
    if (step === 'sign-in' && relay.signedIn) setStep('done');
  }, [relay.signedIn, step]);
  useEffect(() => {
    if (step === 'done') title.current?.focus();
  }, [step]);
  const position = step === 'sign-in' ? 1 : 2;
  const labels = [r.onboardingStep, m.onboarding.done];

  return (
    <div class="onboarding">
      <OnboardingHeader labels={labels} position={position} />
      <section class="card" aria-labelledby="step-title">
        <p class="step-count">{m.onboarding.step(position, 2)}</p>
        {step === 'sign-in' ? (
          <>
            <h2 class="card-title" id="step-title" ref={title} tabIndex={-1}>
              {r.heading}
            </h2>
            <p class="card-intro">{r.onboardingIntro}</p>
            <p class="muted mono">{relay.url}</p>
            <RelaySignIn relay={relay} onState={onState} autoFocus />
          </>
        ) : (
          <>
            <h2 class="card-title" id="step-title" ref={title} tabIndex={-1}>
              {m.onboarding.doneTitle}
            </h2>
            <p class="card-intro">{m.onboarding.doneIntro}</p>
            <OnboardingDoneActions onFinish={onFinish} />
          </>
        )}
      </section>
    </div>
  );
}
