import { useEffect, useRef, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { useMessages } from '../i18n/locale';
import { invoke } from '../lib/call';
import { Icon } from '../ui/icons';
import { ConnectionTest } from './connection-test';
import { CredentialsForm, type CredentialsDraft } from './credentials-form';
import { OnboardingDoneActions, OnboardingHeader } from './onboarding-parts';
import { settingsMessages } from './messages';
import type { AppState } from '../../../main/shared/ipc/contract';

type Step = 'credentials' | 'test' | 'done';
const STEPS: readonly Step[] = ['credentials', 'test', 'done'];

interface Props {
  readonly appState: AppState;
  readonly lockedOperator: string | null;
  readonly onFinish: () => void;
}

/**
 * First run: credentials, a test call, then off to the room picker. The steps stay on
 * screen until the person finishes, even though the app counts as configured after step 1.
 */
export function Onboarding({ appState, lockedOperator, onFinish }: Props) {
  const m = useMessages(settingsMessages);
  const [step, setStep] = useState<Step>('credentials');
  const [state, setState] = useState(appState);
  const [tested, setTested] = useState(false);
  // What was typed, for Back after a failed test (a wrong SecretKey): all but the SecretKey.
  const [draft, setDraft] = useState<CredentialsDraft | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // A new step replaces the button that was pressed: focus its heading, never the page. The
  // credentials step focuses its first field to fill instead (CredentialsForm autoFocus).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (step !== 'credentials') title.current?.focus();
  }, [step]);
  const position = STEPS.indexOf(step) + 1;
  const [heading, intro] = {
    credentials: [m.credentials.heading, m.onboarding.welcome],
    test: [m.onboarding.testTitle, m.onboarding.testIntro],
    done: [m.onboarding.doneTitle, m.onboarding.doneIntro],
  }[step];

  return (
    <div class="onboarding">
      <OnboardingHeader labels={STEPS.map((name) => m.onboarding[name])} position={position} />

      <section class="card" aria-labelledby="step-title">
        <p class="step-count">{m.onboarding.step(position, STEPS.length)}</p>
        <h2 class="card-title" id="step-title" ref={title} tabIndex={-1}>
          {heading}
        </h2>
        <p class="card-intro">{intro}</p>
        {step === 'credentials' && (
          <>
            <p>
              <button
                type="button"
                class="button button-link"
                onClick={() => void invoke(() => bridge().openHelp({ topic: 'credentials' }))}
              >
                {m.onboarding.where}
              </button>
            </p>
            <CredentialsForm
              appState={state}
              lockedOperator={lockedOperator}
              submitLabel={m.onboarding.saveContinue}
              autoFocus
              draftStore={{ draft, keep: setDraft }}
              onSaved={(next) => {
                setState(next);
                setTested(false);
                setStep('test');
              }}
            />
          </>
        )}
        {step === 'test' && (
          <>
            {state.credentials !== null && (
              <p class="note-ok saved-hint">
                <Icon name="key" />
                {m.credentials.savedHint(state.credentials.secretIdHint)}
              </p>
            )}
            <ConnectionTest primary={!tested} onResult={setTested} />
            <div class="form-actions">
              <button
                type="button"
                class="button"
                onClick={() => {
                  setStep('credentials');
                }}
              >
                {m.onboarding.back}
              </button>
              <button
                type="button"
                class={tested ? 'button button-primary' : 'button'}
                onClick={() => {
                  setStep('done');
                }}
              >
                {m.onboarding.continue}
              </button>
            </div>
          </>
        )}
        {step === 'done' && <OnboardingDoneActions onFinish={onFinish} />}
      </section>
    </div>
  );
}
