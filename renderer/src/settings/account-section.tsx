import { useEffect, useRef, useState } from 'preact/hooks';
import { useMessages } from '../i18n/locale';
import { Icon } from '../ui/icons';
import { ConnectionTest } from './connection-test';
import { CredentialsForm } from './credentials-form';
import { settingsMessages } from './messages';
import type { AppState } from '../../../main/shared/ipc/contract';

interface Props {
  readonly appState: AppState;
  readonly lockedOperator: string | null;
  readonly onSaved: (state: AppState) => void;
}

/** The saved credentials (never the secrets), replacing them, and a connection test. */
export function AccountSection({ appState, lockedOperator, onSaved }: Props) {
  const m = useMessages(settingsMessages);
  const [replacing, setReplacing] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const credentials = appState.credentials;
  const fromEnvironment = credentials?.source === 'environment';
  const heading = useRef<HTMLHeadingElement>(null);
  const replaceButton = useRef<HTMLButtonElement>(null);
  // Saving or cancelling removes the form, and the button pressed with it: focus goes back to
  // "Replace credentials" (or the heading), never the page.
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (!returnFocus || replacing) return;
    setReturnFocus(false);
    (replaceButton.current ?? heading.current)?.focus();
  }, [returnFocus, replacing]);

  return (
    <section class="card" aria-labelledby="account-heading">
      <h2 class="card-title" id="account-heading" ref={heading} tabIndex={-1}>
        {m.credentials.heading}
      </h2>
      {credentials !== null && !replacing && (
        <>
          <dl class="summary">
            <dt>{m.credentials.summary.appId}</dt>
            <dd class="mono">{credentials.appId}</dd>
            <dt>{m.credentials.summary.sdkId}</dt>
            <dd class="mono">{credentials.sdkId ?? m.credentials.summary.none}</dd>
            <dt>{m.credentials.summary.secretId}</dt>
            <dd>
              <span class="note-ok saved-hint">
                <Icon name="key" />
                {m.credentials.savedHint(credentials.secretIdHint)}
              </span>
            </dd>
            <dt>{m.credentials.summary.operator}</dt>
            <dd class="mono">{appState.operatorId ?? m.credentials.summary.none}</dd>
          </dl>
          <p class="muted">
            {fromEnvironment ? m.credentials.sourceEnvironment : m.credentials.sourceKeychain}
          </p>
          {justSaved && (
            <p class="note-ok" role="status">
              {m.credentials.saved}
            </p>
          )}
          <ConnectionTest>
            {!fromEnvironment && (
              <button
                type="button"
                class="button"
                ref={replaceButton}
                onClick={() => {
                  setReplacing(true);
                  setJustSaved(false);
                }}
              >
                {m.credentials.replace}
              </button>
            )}
          </ConnectionTest>
        </>
      )}
      {(credentials === null || replacing) && (
        <CredentialsForm
          appState={appState}
          lockedOperator={lockedOperator}
          submitLabel={m.credentials.save}
          autoFocus={replacing}
          onSaved={(state) => {
            setReplacing(false);
            setReturnFocus(true);
            setJustSaved(true);
            onSaved(state);
          }}
          {...(replacing
            ? {
                onCancel: () => {
                  setReplacing(false);
                  setReturnFocus(true);
                },
              }
            : {})}
        />
      )}
    </section>
  );
}
