/** The app state's relay part (issue 17): what a window may know about the relay sign-in. */
import { z } from 'zod';

/** Null in the app state when no relay is set (Tencent Meeting directly). */
export const relayStateSchema = z.object({
  /** The relay in use (settings.relayUrl, normalised). */
  url: z.string(),
  /** Set by the organisation's managed configuration (or the environment): not changed here. */
  locked: z.boolean(),
  signedIn: z.boolean(),
  /** How the sign-in was made: the organisation's sign-in (browser) or an issued token. */
  via: z.enum(['oidc', 'token']).nullable(),
  /** Who the relay says the person is (GET /v1/me), once it has answered; else null. */
  operatorId: z.string().nullable(),
  /** When the sign-in expires, epoch ms; null when it does not say. Never the token itself. */
  expiresAt: z.number().int().nullable(),
  /** A browser sign-in is waiting for the person (another window may show its progress). */
  signingIn: z.boolean(),
});
export type RelayState = z.output<typeof relayStateSchema>;
