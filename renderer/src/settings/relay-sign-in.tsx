import { useEffect, useRef, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { useLocale, useMessages } from '../i18n/locale';
import { invoke } from '../lib/call';
import { ErrorNotice } from '../ui/error-notice';
import { Icon } from '../ui/icons';
import { relayMessages } from './relay-messages';
import type { AppState, IpcError, RelayState } from '../../../main/shared/ipc/contract';

interface Props {
  readonly relay: RelayState;
  readonly onState: (state: AppState) => void;
  /** Focus the first control when it appears (the onboarding's step). */
  readonly autoFocus?: boolean;
}

type Busy = 'browser' | 'token' | 'sign-out' | null;
/** What takes the focus once the button pressed has gone (the rest of settings does the same). */
type FocusTarget = 'sign-out' | 'sign-in' | 'token' | null;

/**
 * The sign-in to the relay in use: who the relay says the person is and until when, "Sign in
 * with browser" (waiting, with Cancel), a token instead (a password field: sent to main once,
 * never shown again), and "Sign out". Main checks a token with the relay before keeping it.
 */
export function RelaySignIn({ relay, onState, autoFocus = false }: Props) {
  const m = useMessages(relayMessages);
  const { intl } = useLocale();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [done, setDone] = useState<'signed-in' | 'signed-out' | null>(null);
  const [tokenForm, setTokenForm] = useState(false);
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // A ref, not state: an effect still pending from an earlier render must not undo a newer wish.
  const focusNext = useRef<FocusTarget>(autoFocus ? 'sign-in' : null);
  const [, setTick] = useState(0);
  const setFocus = (target: FocusTarget) => {
    focusNext.current = target;
    setTick((tick) => tick + 1);
  };
  const cancelled = useRef(false);
  const signOutButton = useRef<HTMLButtonElement>(null);
  const signInButton = useRef<HTMLButtonElement>(null);
  const tokenField = useRef<HTMLInputElement>(null);
  const waiting = busy === 'browser' || relay.signingIn;

  useEffect(() => {
    const focus = focusNext.current;
    if (focus === null) return;
    const target =
      focus === 'sign-out'
        ? signOutButton.current
        : focus === 'token'
          ? tokenField.current
          : signInButton.current;
    if (target === null) return;
    focusNext.current = null;
    target.focus();
  });

  const finish = (result: { ok: true; data: AppState } | { ok: false; error: IpcError }) => {
    setBusy(null);
    if (result.ok) {
      setError(null);
      setTokenForm(false);
      setToken('');
      setDone(result.data.relay?.signedIn === true ? 'signed-in' : 'signed-out');
      setFocus(result.data.relay?.signedIn === true ? 'sign-out' : 'sign-in');
      onState(result.data);
      return;
    }
    // The person pressed Cancel: that is no failure to report.
    const quiet = cancelled.current && result.error.relay === 'sign-in-cancelled';
    setError(quiet ? null : result.error);
    if (quiet) setFocus('sign-in');
  };

  const signInWithBrowser = async () => {
    cancelled.current = false;
    setError(null);
    setDone(null);
    setBusy('browser');
    finish(await invoke(() => bridge().relaySignInWithBrowser()));
  };

  const signInWithToken = async () => {
    const text = token.trim();
    const found = text === '' ? m.tokenRequired : /\s/.test(text) ? m.tokenSpaces : null;
    setProblem(found);
    if (found !== null) {
      tokenField.current?.focus();
      return;
    }
    setError(null);
    setDone(null);
    setBusy('token');
    finish(await invoke(() => bridge().relaySignInWithToken({ token: text })));
  };

  const signOut = async () => {
    setDone(null);
    setBusy('sign-out');
    finish(await invoke(() => bridge().relaySignOut()));
  };

  const expiry =
    relay.expiresAt === null
      ? null
      : new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeStyle: 'short' }).format(
          relay.expiresAt,
        );

  return (
    <div class="setting-column relay-sign-in">
      {relay.signedIn && relay.via !== null ? (
        <>
          <p class="saved-hint" id="relay-who">
            <Icon name="check" />
            {relay.operatorId === null
              ? m.signedInVia(relay.via)
              : m.signedInAs(relay.operatorId, relay.via)}
          </p>
          {expiry !== null && <p class="muted">{m.expires(expiry)}</p>}
          <div class="form-actions">
            <button
              type="button"
              class="button button-danger-outline"
              ref={signOutButton}
              disabled={busy === 'sign-out'}
              onClick={() => void signOut()}
            >
              {m.signOut}
            </button>
          </div>
        </>
      ) : (
        <>
          <p class="muted">{m.notSignedIn}</p>
          <div class="form-actions">
            <button
              type="button"
              class="button button-primary"
              ref={signInButton}
              aria-disabled={waiting || busy !== null}
              onClick={() => {
                if (!waiting && busy === null) void signInWithBrowser();
              }}
            >
              <Icon name="key" />
              {m.signInBrowser}
            </button>
            {!tokenForm && !waiting && (
              <button
                type="button"
                class="button button-link"
                onClick={() => {
                  setTokenForm(true);
                  setFocus('token');
                }}
              >
                {m.useToken}
              </button>
            )}
          </div>
          {waiting && (
            <div class="notice">
              <p role="status">{m.waiting}</p>
              <p class="muted">{m.waitingHelp}</p>
              <button
                type="button"
                class="button"
                onClick={() => {
                  cancelled.current = true;
                  void invoke(() => bridge().relaySignInCancel());
                }}
              >
                {m.cancel}
              </button>
            </div>
          )}
          {tokenForm && !waiting && (
            <form
              class="form"
              noValidate
              aria-label={m.useToken}
              onSubmit={(event) => {
                event.preventDefault();
                void signInWithToken();
              }}
            >
              <div class="field">
                <label class="field-label" for="relay-token">
                  {m.token}
                </label>
                {/* Write-only: starts empty, never filled from anything main sent. */}
                <input
                  id="relay-token"
                  ref={tokenField}
                  type="password"
                  class="input mono"
                  autoComplete="off"
                  spellcheck={false}
                  value={token}
                  aria-invalid={problem !== null}
                  aria-describedby={problem !== null ? 'relay-token-problem' : 'relay-token-help'}
                  onInput={(event) => {
                    setToken(event.currentTarget.value);
                    setProblem(null);
                  }}
                />
                {problem !== null && (
                  <p class="field-problem" id="relay-token-problem">
                    {problem}
                  </p>
                )}
                <p class="field-help" id="relay-token-help">
                  {m.tokenHelp}
                </p>
              </div>
              <div class="form-actions">
                <button type="submit" class="button button-primary" disabled={busy === 'token'}>
                  {busy === 'token' ? m.checking : m.signInToken}
                </button>
                <button
                  type="button"
                  class="button"
                  onClick={() => {
                    setTokenForm(false);
                    setToken('');
                    setProblem(null);
                    setFocus('sign-in');
                  }}
                >
                  {m.cancel}
                </button>
              </div>
            </form>
          )}
        </>
      )}
      {done !== null && (
        <p class="note-ok" role="status">
          {done === 'signed-in' ? m.signedIn : m.signedOut}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} compact announce offerSettings={false} />}
    </div>
  );
}
