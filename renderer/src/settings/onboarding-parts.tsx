import { bridge } from '../bridge';
import { useMessages } from '../i18n/locale';
import { invoke } from '../lib/call';
import { Icon } from '../ui/icons';
import { settingsMessages } from './messages';

/**
 * What both first runs show alike (Tencent credentials, onboarding.tsx; a relay sign-in,
 * relay-onboarding.tsx): the title with the steps, and the last step's two ways out.
 */

/** The brand, the title and the stepper: `labels` in order, `position` 1-based. */
export function OnboardingHeader({
  labels,
  position,
}: {
  readonly labels: readonly string[];
  readonly position: number;
}) {
  const m = useMessages(settingsMessages);
  return (
    <header class="onboarding-head">
      <span class="brand-mark" aria-hidden="true">
        <Icon name="phone" />
      </span>
      <h1 class="page-title">{m.onboarding.title}</h1>
      <ol class="stepper" aria-label={m.onboarding.steps}>
        {labels.map((label, index) => (
          <li
            key={label}
            class={
              index + 1 < position
                ? 'step is-done'
                : index + 1 === position
                  ? 'step is-current'
                  : 'step'
            }
            aria-current={index + 1 === position ? 'step' : undefined}
          >
            <span class="step-number" aria-hidden="true">
              {index + 1 < position ? <Icon name="check" /> : index + 1}
            </span>
            {label}
          </li>
        ))}
      </ol>
    </header>
  );
}

/** Done: open the room picker, or just finish. */
export function OnboardingDoneActions({ onFinish }: { readonly onFinish: () => void }) {
  const m = useMessages(settingsMessages);
  return (
    <div class="form-actions">
      <button
        type="button"
        class="button button-primary"
        onClick={() => {
          void invoke(() => bridge().openWindow({ window: 'picker' }));
          onFinish();
        }}
      >
        <Icon name="grid" />
        {m.onboarding.openPicker}
      </button>
      <button type="button" class="button" onClick={onFinish}>
        {m.onboarding.finish}
      </button>
    </div>
  );
}
