import { MAX_LABEL } from '../../../main/shared/rules/favorites';
import { useState } from 'preact/hooks';
import { commonMessages } from '../i18n/common-messages';
import { useLocale, useMessages } from '../i18n/locale';
import { Icon } from '../ui/icons';
import { pickerMessages } from './messages';
import { useDialParser } from './use-dial-parser';
import type { DialProtocol } from '../../../main/shared/rules/targets';

export interface AddressDraft {
  readonly protocol: DialProtocol;
  readonly dialString: string;
  readonly label: string;
}

interface Props {
  readonly idPrefix: string;
  readonly initial?: AddressDraft;
  readonly heading: string;
  readonly submitLabel: string;
  readonly busy: boolean;
  /**
   * Gets the parsed dial string (trimmed; an E.164 number as its digits) and whether that
   * differs from what was typed; resolves true when the draft was saved.
   */
  readonly onSubmit: (draft: AddressDraft, normalised: boolean) => Promise<boolean>;
  readonly onCancel?: () => void;
  /** Any change to what is typed or chosen (a failed save's "Try again" no longer applies). */
  readonly onEdit?: () => void;
}

const EMPTY: AddressDraft = { protocol: 'sip', dialString: '', label: '' };

/** Before the parser has loaded: nothing to say yet, and nothing to submit. */
const PENDING = { ok: false, message: '' } as const;

/**
 * A SIP or H.323 address with a label, checked as it is typed by the very parser main and
 * the CLI use (main/core/input/dial-string.ts), so the form never accepts what the core
 * would refuse, and says why in the core's words, in the UI's language (main/core/input/
 * messages.ts).
 */
export function AddressForm({
  idPrefix,
  initial = EMPTY,
  heading,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
  onEdit,
}: Props) {
  const m = useMessages(pickerMessages);
  const c = useMessages(commonMessages);
  const { locale } = useLocale();
  const [draft, setDraftState] = useState<AddressDraft>(initial);
  const setDraft = (next: AddressDraft) => {
    setDraftState(next);
    onEdit?.();
  };
  const [touched, setTouched] = useState(false);
  const parse = useDialParser();
  const parsed = parse === null ? PENDING : parse(draft.protocol, draft.dialString, locale);
  const protocolName = c.protocol[draft.protocol];
  // What is sent when it is not what was typed ("+86 10 1234 5678" → "+861012345678"): said
  // before saving, so the saved favourite is no surprise.
  const normalised = parsed.ok && parsed.value !== draft.dialString.trim() ? parsed.value : null;
  const showProblem = parse !== null && !parsed.ok && (touched || draft.dialString.trim() !== '');
  const ids = {
    dial: `${idPrefix}-dial`,
    label: `${idPrefix}-label`,
    help: `${idPrefix}-help`,
    check: `${idPrefix}-check`,
  };

  return (
    <form
      id={`${idPrefix}-form`}
      class="address-form"
      aria-label={heading}
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (!parsed.ok) return;
        const sent = { ...draft, dialString: parsed.value, label: draft.label.trim() };
        void onSubmit(sent, normalised !== null).then((saved) => {
          if (saved && onCancel === undefined) {
            setDraftState({ ...EMPTY, protocol: draft.protocol });
            setTouched(false);
          }
        });
      }}
    >
      <h3 class="form-heading">{heading}</h3>
      <fieldset class="segmented">
        <legend class="field-label">{m.address.protocol}</legend>
        {(['sip', 'h323'] as const).map((protocol) => (
          <label key={protocol} class={draft.protocol === protocol ? 'segment is-on' : 'segment'}>
            <input
              type="radio"
              name={`${idPrefix}-protocol`}
              value={protocol}
              checked={draft.protocol === protocol}
              onChange={() => {
                setDraft({ ...draft, protocol });
              }}
            />
            {c.protocol[protocol]}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label class="field-label" for={ids.dial}>
          {m.address.dialString}
        </label>
        <input
          id={ids.dial}
          class="input mono"
          type="text"
          autoComplete="off"
          spellcheck={false}
          placeholder={
            draft.protocol === 'sip' ? m.address.sipPlaceholder : m.address.h323Placeholder
          }
          value={draft.dialString}
          aria-invalid={showProblem}
          aria-describedby={`${ids.check} ${ids.help}`}
          onInput={(event) => {
            setDraft({ ...draft, dialString: event.currentTarget.value });
          }}
          onBlur={() => {
            if (draft.dialString !== '') setTouched(true);
          }}
        />
        <p class="field-help" id={ids.help}>
          {draft.protocol === 'sip' ? m.address.sipHelp : m.address.h323Help}
        </p>
        <p
          class={
            showProblem ? 'field-check is-bad' : parsed.ok ? 'field-check is-ok' : 'field-check'
          }
          id={ids.check}
        >
          {parsed.ok ? (
            <>
              <Icon name="check" />
              {normalised === null
                ? m.address.valid(protocolName)
                : m.forms.willSaveAs(protocolName, normalised)}
            </>
          ) : showProblem ? (
            <>
              <Icon name="alert" />
              {/* The parser's own sentence, in the page's language: it quotes what was
                  typed and names the problem. */}
              <span>{parsed.message}</span>
            </>
          ) : null}
        </p>
      </div>
      <div class="field">
        <label class="field-label" for={ids.label}>
          {m.address.label}
        </label>
        <input
          id={ids.label}
          class="input"
          type="text"
          maxLength={MAX_LABEL}
          autoComplete="off"
          placeholder={m.address.labelPlaceholder}
          value={draft.label}
          onInput={(event) => {
            setDraft({ ...draft, label: event.currentTarget.value });
          }}
        />
      </div>
      <div class="form-actions">
        {onCancel !== undefined && (
          <button type="button" class="button" onClick={onCancel}>
            {m.favorites.cancel}
          </button>
        )}
        <button type="submit" class="button button-primary" disabled={busy || !parsed.ok}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
