import { z } from 'zod';
import { profileNameSchema } from '../../shared/model/settings-schema';
import type { Credentials } from '../wemeet/credentials';
import {
  credentialRuleWords,
  isUsableCredentialText,
  type CredentialField,
} from '../../shared/rules/credential-text';

/**
 * Where credentials live between runs. The keytar implementation is the product's; the
 * in-memory one is for tests. Keeping callers on this interface makes a later swap of keytar a
 * one-file change.
 *
 * Contract for every implementation: values are validated on the way in and on the way out,
 * and no error message ever contains a credential value (only field and profile names).
 */
export interface CredentialStore {
  /** The profile's credentials, or null when none are stored. */
  get(profile: string): Promise<StoredCredentials | null>;
  set(profile: string, value: StoredCredentials): Promise<void>;
  /** True when an entry existed and was removed. */
  delete(profile: string): Promise<boolean>;
}

/** One keychain entry per profile holds exactly what signing needs. */
export type StoredCredentials = Credentials;

/**
 * These values end up in HTTP headers (AppId, SdkId, X-TC-Key) and in an HMAC: anything but
 * visible ASCII (a pasted newline, a C1 control such as U+0085, non-Latin text) would break
 * signing, split a header or make fetch throw. The rule is shared (shared/rules/credential-text).
 */
const credentialText = (field: CredentialField) =>
  z.string().refine((value) => isUsableCredentialText(field, value), credentialRuleWords());

export const storedCredentialsSchema = z.object({
  appId: credentialText('appId'),
  sdkId: credentialText('sdkId').optional(),
  secretId: credentialText('secretId'),
  secretKey: credentialText('secretKey'),
});

/** The field names of StoredCredentials, for messages that must not show values. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  appId: 'AppId',
  sdkId: 'SdkId',
  secretId: 'SecretId',
  secretKey: 'SecretKey',
};

export class InvalidProfileNameError extends Error {
  readonly kind = 'invalid-profile';
  constructor(profile: string) {
    // A profile name is not a secret; it is shown so a typo can be spotted.
    super(`'${profile.slice(0, 80)}' is not a valid profile name: ${profileRule()}.`);
    this.name = 'InvalidProfileNameError';
  }
}

/** Credentials given to `set` that could never sign a request. */
export class InvalidCredentialsError extends Error {
  readonly kind = 'invalid-credentials';
  readonly fields: readonly string[];
  constructor(fields: readonly string[]) {
    super(
      `These credentials cannot be stored: ${fields.join(', ')} ${fields.length === 1 ? 'is' : 'are'} missing or invalid: each must be non-empty, at most 1024 characters, and use ${credentialRuleWords()}.`,
    );
    this.name = 'InvalidCredentialsError';
    this.fields = fields;
  }
}

/** An entry that exists but is not what RoomCall wrote: unreadable, so never used half-way. */
export class MalformedCredentialsError extends Error {
  readonly kind = 'credentials-malformed';
  readonly profile: string;
  constructor(profile: string, problem: string) {
    super(
      `The stored credentials of profile '${profile}' are malformed (${problem}). Store them again with \`roomcall auth login --profile ${profile}\`, or remove them with \`roomcall auth logout --profile ${profile}\`.`,
    );
    this.name = 'MalformedCredentialsError';
    this.profile = profile;
  }
}

function profileRule(): string {
  return 'use 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit';
}

export function assertProfileName(profile: string): void {
  if (!profileNameSchema.safeParse(profile).success) throw new InvalidProfileNameError(profile);
}

/** Field labels of the issues, never their values (zod messages can quote what they saw). */
function failingFields(error: z.ZodError): string[] {
  const fields = new Set<string>();
  for (const issue of error.issues) {
    const key = issue.path[0];
    const label = typeof key === 'string' ? FIELD_LABELS[key] : undefined;
    fields.add(label ?? 'the entry');
  }
  return [...fields];
}

/** Validates, then writes a fixed key order; `sdkId` is left out when there is none. */
export function serializeCredentials(value: StoredCredentials): string {
  const parsed = storedCredentialsSchema.safeParse(value);
  if (!parsed.success) throw new InvalidCredentialsError(failingFields(parsed.error));
  const { appId, sdkId, secretId, secretKey } = parsed.data;
  return JSON.stringify(
    sdkId === undefined ? { appId, secretId, secretKey } : { appId, sdkId, secretId, secretKey },
  );
}

/** Reads back what serializeCredentials wrote; anything else is a MalformedCredentialsError. */
export function parseStoredCredentials(profile: string, raw: string): StoredCredentials {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    // The SyntaxError's message quotes the text it choked on: it is dropped on purpose.
    throw new MalformedCredentialsError(profile, 'not a JSON document');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new MalformedCredentialsError(profile, 'not a JSON object');
  }
  const parsed = storedCredentialsSchema.safeParse(json);
  if (!parsed.success) {
    const fields = failingFields(parsed.error);
    throw new MalformedCredentialsError(
      profile,
      `${fields.join(', ')} ${fields.length === 1 ? 'is' : 'are'} missing or invalid`,
    );
  }
  const { appId, sdkId, secretId, secretKey } = parsed.data;
  return sdkId === undefined
    ? { appId, secretId, secretKey }
    : { appId, sdkId, secretId, secretKey };
}
