/**
 * The IPC contract's relay sign-in verbs (issue 17; assembled in contract.ts). All are the
 * settings window's (window-scope.ts). A token goes one way only: a pasted one is sent to main
 * once, and no verb ever answers one (the answers are the app state, whose relay part says
 * who and until when, never the token).
 */
import { z } from 'zod';
import { appStateSchema } from './app-verbs';
import { none } from './shapes';

export const relayVerbs = {
  /**
   * Signs in to the relay in use through the system browser (OIDC, PKCE, loopback redirect);
   * resolves once the person finished there (or failed, or cancelled), with the new state.
   */
  relaySignInWithBrowser: { request: none, response: appStateSchema },
  /** Stops a browser sign-in that is waiting; nothing happens when none is. */
  relaySignInCancel: { request: none, response: z.null() },
  /** A token the organisation issued: checked with the relay (GET /v1/me) before it is kept. */
  relaySignInWithToken: {
    request: z.strictObject({ token: z.string().min(1).max(16384) }),
    response: appStateSchema,
  },
  /** Removes the relay sign-in from the keychain. */
  relaySignOut: { request: none, response: appStateSchema },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
