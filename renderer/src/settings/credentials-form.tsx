import { useEffect, useRef, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { useMessages } from '../i18n/locale';
import { useAction } from '../lib/use-action';
import { ErrorNotice } from '../ui/error-notice';
import { settingsMessages } from './messages';
import type { AppState } from '../../../main/shared/ipc/contract';

type Field = 'appId' | 'sdkId' | 'secretId' | 'secretKey' | 'operatorId';
type Values = Readonly<Record<Field, string>>;

/**
 * What was typed, kept by a page that shows the form again (onboarding's Back): every field
 * but the SecretKey, which stays write-only and is typed again. Held in the page's memory
 * only, never sent anywhere but saveCredentials.
 */
export type CredentialsDraft = Readonly<Record<Exclude<Field, 'secretKey'>, string>>;

export interface DraftStore {
  readonly draft: CredentialsDraft | null;
  readonly keep: (draft: CredentialsDraft) => void;
}

function withoutKey({ secretKey: _key, ...rest }: Values): CredentialsDraft {
  return rest;
}

interface Props {
  readonly appState: AppState;
  /** The operator from settings when an organisation locked it (read-only here). */
  readonly lockedOperator: string | null;
  readonly submitLabel: string;
  readonly onSaved: (state: AppState) => void;
  readonly onCancel?: () => void;
  /** Focus the first field to fill when the form appears (onboarding opens on it). */
  readonly autoFocus?: boolean;
  /** Where what was typed is kept while the form is away (onboarding's Back). */
  readonly draftStore?: DraftStore;
}

const REQUIRED: readonly Field[] = ['appId', 'secretId', 'secretKey', 'operatorId'];

/**
 * The enterprise app's credentials. The SecretKey is write-only: the field always starts
 * empty, its value goes to main once and is never read back; once saved, the page knows
 * only the SecretId's last characters (appState.credentials.secretIdHint).
 */
export function CredentialsForm({
  appState,
  lockedOperator,
  submitLabel,
  onSaved,
  onCancel,
  autoFocus = false,
  draftStore,
}: Props) {
  const m = useMessages(settingsMessages);
  const form = useRef<HTMLFormElement>(null);
  const kept = draftStore?.draft ?? null;
  const [values, setValuesState] = useState<Values>({
    appId: kept?.appId ?? appState.credentials?.appId ?? '',
    sdkId: kept?.sdkId ?? appState.credentials?.sdkId ?? '',
    secretId: kept?.secretId ?? '',
    secretKey: '',
    operatorId: lockedOperator ?? kept?.operatorId ?? appState.operatorId ?? '',
  });
  const setValues = (next: Values) => {
    setValuesState(next);
    draftStore?.keep(withoutKey(next));
  };
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const { busy, error, run } = useAction();
  const replacing = appState.credentials !== null;

  function check(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    for (const field of REQUIRED)
      if (values[field].trim() === '') found[field] = m.credentials.required(m.credentials[field]);
    return found;
  }

  useEffect(() => {
    if (!autoFocus) return;
    // The first required field still empty (after Back: the SecretKey), else the first one.
    const first = REQUIRED.find((name) => values[name].trim() === '') ?? 'appId';
    form.current?.querySelector<HTMLInputElement>(`#cred-${first}`)?.focus();
    // Once, when the form appears.
  }, []);

  const submit = async () => {
    const found = check();
    setProblems(found);
    const first = REQUIRED.find((field) => found[field] !== undefined);
    if (first !== undefined) {
      form.current?.querySelector<HTMLInputElement>(`#cred-${first}`)?.focus();
      return;
    }
    // Pasted credentials often carry a stray space or newline; none is ever part of one.
    const result = await run(() =>
      bridge().saveCredentials({
        appId: values.appId.trim(),
        sdkId: values.sdkId.trim() === '' ? null : values.sdkId.trim(),
        secretId: values.secretId.trim(),
        secretKey: values.secretKey.trim(),
        operatorId: values.operatorId.trim(),
      }),
    );
    if (result.ok) {
      // A page that keeps the draft shows it again on Back (a wrong SecretKey is typed again,
      // the rest stays); otherwise the secrets leave the form once saved.
      if (draftStore === undefined) setValuesState({ ...values, secretId: '', secretKey: '' });
      onSaved(result.data);
    }
  };

  const field = (
    name: Field,
    options: {
      type?: 'text' | 'password';
      help?: string;
      placeholder?: string;
      optional?: boolean;
      readOnly?: boolean;
      autoComplete?: string;
    },
  ) => {
    const id = `cred-${name}`;
    const problem = problems[name];
    const described = [
      problem !== undefined ? `${id}-problem` : null,
      options.help !== undefined ? `${id}-help` : null,
    ]
      .filter((part) => part !== null)
      .join(' ');
    const common = {
      id,
      class: 'input mono',
      autoComplete: options.autoComplete ?? 'off',
      spellcheck: false,
      required: options.optional !== true,
      readOnly: options.readOnly === true,
      placeholder: options.placeholder,
      value: values[name],
      'aria-invalid': problem !== undefined,
      'aria-describedby': described === '' ? undefined : described,
      onInput: (event: { currentTarget: HTMLInputElement }) => {
        setValues({ ...values, [name]: event.currentTarget.value });
        if (problem !== undefined) setProblems({ ...problems, [name]: undefined });
      },
    };
    return (
      <div class="field">
        <label class="field-label" for={id}>
          {m.credentials[name]}
          {options.optional === true && (
            <span class="field-optional"> ({m.credentials.optional})</span>
          )}
        </label>
        {options.type === 'password' ? (
          // Write-only: always starts empty, never filled from anything main sent.
          <input type="password" {...common} />
        ) : (
          <input type="text" {...common} />
        )}
        {problem !== undefined && (
          <p class="field-problem" id={`${id}-problem`}>
            {problem}
          </p>
        )}
        {options.help !== undefined && (
          <p class="field-help" id={`${id}-help`}>
            {options.help}
          </p>
        )}
      </div>
    );
  };

  return (
    <form
      ref={form}
      class="form"
      noValidate
      aria-label={m.credentials.heading}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div class="form-grid">
        {field('appId', {})}
        {field('sdkId', { optional: true, help: m.credentials.sdkIdHelp })}
        {field('secretId', replacing ? { placeholder: m.credentials.secretIdReplace } : {})}
        {field('secretKey', {
          type: 'password',
          autoComplete: 'new-password',
          help: m.credentials.secretKeyHelp,
          ...(replacing ? { placeholder: m.credentials.secretKeyReplace } : {}),
        })}
        {field('operatorId', {
          help: lockedOperator !== null ? m.locked : m.credentials.operatorHelp,
          readOnly: lockedOperator !== null,
        })}
      </div>
      {error !== null && <ErrorNotice error={error} announce offerSettings={false} />}
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? m.credentials.saving : submitLabel}
        </button>
        {onCancel !== undefined && (
          <button type="button" class="button" onClick={onCancel}>
            {m.credentials.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
