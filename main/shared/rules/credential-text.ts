import type { UiLanguage } from './language';

/**
 * The one rule for what may be typed as an AppId, SdkId, SecretId, SecretKey or operator
 * userid, checked wherever they come in (the CLI's `auth login`, the app's Settings window,
 * the WEMEET_* environment, a keychain entry read back) so a bad one is a clear bad-input error
 * before any request, never a "network error" from deep inside the HTTP client.
 *
 * Why visible ASCII (U+0021-U+007E) only: AppId, SdkId and the SecretId travel as HTTP header
 * values (X-TC-Registered / AppId / SdkId / X-TC-Key; tencent-meeting-api.md), and an HTTP field
 * value is visible ASCII plus optional "obs-text" that fetch refuses (RFC 9110 section 5.5:
 * field-vchar = VCHAR / obs-text). Non-Latin-1 text made fetch throw a TypeError, which reached
 * people as a network error; a C1 control such as U+0085 passed and was sent. Tencent's own ids,
 * keys and enterprise userids are ASCII, and the operator goes into the signed URI and body, so
 * the same rule holds for it. Spaces are not allowed either: none of these has one, and a pasted
 * one is a copying mistake (the inputs trim the ends already). Pure and zod-free so the
 * renderer may use it.
 */

export type CredentialField = 'appId' | 'sdkId' | 'secretId' | 'secretKey' | 'operatorId';

/** Longest credential value kept (a keychain entry holds far less; this bounds pasted junk). */
export const MAX_CREDENTIAL_LENGTH = 1024;
/** Longest operator userid, as the settings file allows. */
export const MAX_OPERATOR_LENGTH = 128;

const VISIBLE_ASCII = /^[\x21-\x7e]*$/;

export type CredentialTextProblem = 'empty' | 'too-long' | 'not-visible-ascii';

/** What is wrong with `value` as `field`, or null when it is usable. Never echoes the value. */
export function credentialTextProblem(
  field: CredentialField,
  value: string,
): CredentialTextProblem | null {
  if (value.length === 0) return 'empty';
  const max = field === 'operatorId' ? MAX_OPERATOR_LENGTH : MAX_CREDENTIAL_LENGTH;
  if (value.length > max) return 'too-long';
  return VISIBLE_ASCII.test(value) ? null : 'not-visible-ascii';
}

export function isUsableCredentialText(field: CredentialField, value: string): boolean {
  return credentialTextProblem(field, value) === null;
}

const FIELD_WORDS_EN: Readonly<Record<CredentialField, string>> = {
  appId: 'AppId',
  sdkId: 'SdkId',
  secretId: 'SecretId',
  secretKey: 'SecretKey',
  operatorId: 'operator userid',
};
/** Tencent's names of the credentials are the same in both languages; only the operator's differs. */
const FIELD_WORDS: Readonly<Record<UiLanguage, Readonly<Record<CredentialField, string>>>> = {
  en: FIELD_WORDS_EN,
  'zh-CN': { ...FIELD_WORDS_EN, operatorId: '操作者 userid' },
};

/** The rule in words, for messages and hints. */
export function credentialRuleWords(lang: UiLanguage = 'en'): string {
  return lang === 'zh-CN'
    ? '只能包含可见的 ASCII 字符（英文字母、数字和标点，不含空格、换行、中文或其他控制字符）'
    : 'only visible ASCII characters (letters, digits and punctuation; no spaces, line breaks, accented or non-Latin letters, or control characters)';
}

/** The fields' names in `lang` (never their values). */
export function credentialFieldNames(fields: readonly CredentialField[], lang: UiLanguage): string {
  const names = fields.map((field) => FIELD_WORDS[lang][field]);
  return lang === 'zh-CN' ? names.join('、') : names.join(', ');
}

/**
 * One sentence naming the fields that break the rule, in `lang`: what the Settings window shows
 * and, in English, what the CLI prints.
 */
export function invalidCredentialTextMessage(
  fields: readonly CredentialField[],
  lang: UiLanguage = 'en',
): string {
  const names = credentialFieldNames(fields, lang);
  if (lang === 'zh-CN') {
    return `${names} 无效：不能为空，长度有限，并且${credentialRuleWords(lang)}。未保存任何内容。`;
  }
  const verb = fields.length === 1 ? 'is' : 'are';
  return `${names} ${verb} missing or invalid: each must be non-empty, not too long, and use ${credentialRuleWords(lang)}. Nothing was saved.`;
}

/** The fields among `values` that break the rule, in the order given. */
export function invalidCredentialFields(values: {
  readonly [F in CredentialField]?: string | undefined;
}): CredentialField[] {
  const bad: CredentialField[] = [];
  for (const field of ['appId', 'sdkId', 'secretId', 'secretKey', 'operatorId'] as const) {
    const value = values[field];
    if (value !== undefined && !isUsableCredentialText(field, value)) bad.push(field);
  }
  return bad;
}
