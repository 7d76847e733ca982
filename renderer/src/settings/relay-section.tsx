import { useState } from 'preact/hooks';
import { baseUrlProblem } from '../../../main/shared/rules/base-url';
import { normalizeRelayUrl, relayUrlProblem } from '../../../main/shared/rules/relay-url';
import { useMessages } from '../i18n/locale';
import { ErrorNotice } from '../ui/error-notice';
import { LockedNote } from './locked-note';
import { relayMessages, type RelayMessages } from './relay-messages';
import { RelaySignIn } from './relay-sign-in';
import type { AppState, IpcError } from '../../../main/shared/ipc/contract';
import type { Settings } from '../../../main/shared/model/settings-schema';

interface Props {
  readonly appState: AppState;
  readonly settings: Settings;
  readonly update: (patch: Partial<Settings>) => Promise<boolean>;
  readonly error: IpcError | null;
  readonly onState: (state: AppState) => void;
}

/** What is wrong with the typed address, in the window's words (the shared rule decides). */
function urlWords(text: string, m: RelayMessages): string | null {
  if (text === '' || relayUrlProblem(text) === null) return null;
  const base = baseUrlProblem(text);
  return base === 'not-https' ? m.urlInsecure : base !== null ? m.urlInvalid : m.urlExtra;
}

/**
 * The organisation's relay (issue 17): its address (checked as it is typed with the rule main
 * applies; read-only with the locked note when the managed configuration sets it) and the
 * sign-in to it. With a relay set, the Tencent credentials form is not shown (settings-app).
 */
export function RelaySection({ appState, settings, update, error, onState }: Props) {
  const m = useMessages(relayMessages);
  const relay = appState.relay;
  const locked = relay?.locked === true;
  const saved = settings.relayUrl ?? '';
  const [text, setText] = useState(saved);
  const [justSaved, setJustSaved] = useState(false);
  const typed = text.trim();
  const problem = urlWords(typed, m);
  const changed = (typed === '' ? '' : normalizeRelayUrl(typed)) !== saved;

  const save = async (value: string | null) => {
    setJustSaved(false);
    if (await update({ relayUrl: value })) {
      setText(value ?? '');
      setJustSaved(true);
    }
  };

  return (
    <section class="card" aria-labelledby="relay-heading">
      <h2 class="card-title" id="relay-heading">
        {m.heading}
      </h2>
      <p class="card-intro">{m.intro}</p>
      <form
        class="setting-column"
        onSubmit={(event) => {
          event.preventDefault();
          if (problem === null && changed)
            void save(typed === '' ? null : normalizeRelayUrl(typed));
        }}
      >
        <label class="field-label" for="relay-url">
          {m.url}
        </label>
        <div class="input-row">
          <input
            id="relay-url"
            class="input mono"
            type="url"
            spellcheck={false}
            autoComplete="off"
            placeholder="https://roomcall-relay.example.com"
            readOnly={locked}
            value={text}
            aria-invalid={problem !== null}
            aria-describedby={locked ? 'relay-url-locked' : 'relay-url-help relay-url-problem'}
            onInput={(event) => {
              setText(event.currentTarget.value);
              setJustSaved(false);
            }}
          />
          {!locked && (
            <button
              type="submit"
              class="button button-primary"
              disabled={problem !== null || !changed}
            >
              {m.save}
            </button>
          )}
          {!locked && saved !== '' && (
            <button type="button" class="button" onClick={() => void save(null)}>
              {m.clear}
            </button>
          )}
        </div>
        {locked ? (
          <LockedNote id="relay-url-locked" />
        ) : (
          <>
            <p class="field-help" id="relay-url-help">
              {m.urlHelp}
            </p>
            <p class="field-problem" id="relay-url-problem">
              {problem ?? ''}
            </p>
            {justSaved && (
              <p class="note-ok" role="status">
                {m.saved}
              </p>
            )}
          </>
        )}
        {error !== null && <ErrorNotice error={error} compact announce offerSettings={false} />}
      </form>
      {relay !== null && <RelaySignIn relay={relay} onState={onState} />}
    </section>
  );
}
