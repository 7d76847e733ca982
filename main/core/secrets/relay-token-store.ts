import { z } from 'zod';
import { relayUrlProblem } from '../../shared/rules/relay-url';

/**
 * The person's sign-in to a RoomCall relay, kept in the OS keychain beside (never inside) the
 * Tencent credentials: one entry per profile, under the account name `relay:<profile>` (a
 * profile name cannot hold a colon, so the two never meet). Never in a file.
 *
 * A token is bound to the relay it was issued by: RoomCall never sends it to another address,
 * so a changed relayUrl means signing in again, not handing one relay's token to another.
 */
export interface RelayToken {
  /** The relay it was issued by (normalised: no trailing slash). */
  readonly relayUrl: string;
  /** 'token': a per-person token an admin issued; 'oidc': the company's identity provider's. */
  readonly kind: 'token' | 'oidc';
  /** What goes in `Authorization: Bearer`. */
  readonly accessToken: string;
  /** OIDC only: to get a new access token without the browser, when the provider gave one. */
  readonly refreshToken?: string | undefined;
  /** OIDC only: the ID token, when the relay is to be sent that instead (kept for sign-out). */
  readonly idToken?: string | undefined;
  /** Epoch ms when accessToken expires; null when it does not say. */
  readonly expiresAtMs: number | null;
}

export interface RelayTokenStore {
  get(profile: string): Promise<RelayToken | null>;
  set(profile: string, token: RelayToken): Promise<void>;
  /** True when an entry existed and was removed. */
  delete(profile: string): Promise<boolean>;
}

/** The keychain account name of a profile's relay sign-in. */
export function relayTokenAccount(profile: string): string {
  return `relay:${profile}`;
}

/** A bearer credential goes in a header: visible ASCII without spaces, at most 16 KiB. */
const bearerText = z.string().regex(/^[\x21-\x7e]{1,16384}$/);

export const relayTokenSchema = z.strictObject({
  relayUrl: z.string().refine((url) => relayUrlProblem(url) === null),
  kind: z.enum(['token', 'oidc']),
  accessToken: bearerText,
  refreshToken: bearerText.optional(),
  idToken: bearerText.optional(),
  expiresAtMs: z.int().nonnegative().nullable(),
});

/** A relay sign-in given to `set` that could never be sent. Names fields, never values. */
export class InvalidRelayTokenError extends Error {
  readonly kind = 'invalid-relay-token';
  constructor(fields: readonly string[]) {
    super(
      `This relay sign-in cannot be stored: ${fields.join(', ')} ${fields.length === 1 ? 'is' : 'are'} missing or invalid (a token is 1-16384 visible ASCII characters without spaces).`,
    );
    this.name = 'InvalidRelayTokenError';
  }
}

/** An entry that is not what RoomCall wrote: never used half-way, signing in again fixes it. */
export class MalformedRelayTokenError extends Error {
  readonly kind = 'relay-token-malformed';
  readonly profile: string;
  constructor(profile: string) {
    super(
      `The stored relay sign-in of profile '${profile}' is malformed. Sign in again with \`roomcall auth login --relay <url>\`, or remove it with \`roomcall auth logout --profile ${profile}\`.`,
    );
    this.name = 'MalformedRelayTokenError';
    this.profile = profile;
  }
}

function fieldsOf(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((issue) => String(issue.path[0] ?? 'the entry')))];
}

export function serializeRelayToken(token: RelayToken): string {
  const parsed = relayTokenSchema.safeParse(token);
  if (!parsed.success) throw new InvalidRelayTokenError(fieldsOf(parsed.error));
  const { relayUrl, kind, accessToken, refreshToken, idToken, expiresAtMs } = parsed.data;
  return JSON.stringify({ relayUrl, kind, accessToken, refreshToken, idToken, expiresAtMs });
}

export function parseRelayToken(profile: string, raw: string): RelayToken {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    // The SyntaxError quotes the text, which holds the token: dropped on purpose.
    throw new MalformedRelayTokenError(profile);
  }
  const parsed = relayTokenSchema.safeParse(json);
  if (!parsed.success) throw new MalformedRelayTokenError(profile);
  return parsed.data;
}

/** The token's values, for scrubbing messages (the keychain's, the relay's). */
export function relayTokenSecrets(token: RelayToken): string[] {
  return [token.accessToken, token.refreshToken ?? '', token.idToken ?? ''].filter(
    (value) => value !== '',
  );
}
