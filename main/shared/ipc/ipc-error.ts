/** The IPC contract's error: what every failed call resolves to (contract.ts). */
import { z } from 'zod';
import { API_REQUESTS } from '../rules/api-request';
import { RELAY_PROBLEMS } from '../rules/relay-problem';

/** What the UI needs to tell a person what went wrong, in its own language. */
export const ipcErrorSchema = z.object({
  kind: z.enum([
    'validation', // the request did not match the contract, or the input is not usable
    'forbidden', // the sender is not one of the app's own pages
    'not-configured', // no credentials or no operator yet
    'keychain', // the OS keychain is unavailable or refused
    'no-meeting', // an invite needs a current meeting and there is none
    'meeting', // the meeting could not be found, is over, or is ambiguous
    'api', // the server answered with an error code
    'network',
    'timeout',
    'response', // the server's answer was not understood
    'storage', // a local file could not be written (read-only, disk full)
    'busy', // another RoomCall process (app or CLI) held the file's lock: try again shortly
    'internal',
  ]),
  /**
   * A complete sentence for people: in the UI's language when it describes what the person
   * typed or saved (input and favourites checks; such sentences in Chinese end with '。'), in
   * English otherwise (the UI uses `kind`/`code` for its own copy).
   */
  message: z.string(),
  /** The server's error_code, when the server sent one. */
  code: z.number().int().nullable(),
  /** What to do next after `message`: the windows show it under `message` whenever they show it. */
  hint: z.string().nullable(),
  /**
   * Which Tencent Meeting request failed, when one did (main/shared/rules/api-request.ts): the
   * windows word a code by it (10002 on the room list is not "the call's status"). Absent for
   * errors that are not a request's.
   */
  request: z.enum(API_REQUESTS).optional(),
  /**
   * What the relay (or the sign-in to it) said, when that is the problem (issue 17): the
   * windows word it (a refused token, an expired sign-in, the relay unreachable).
   */
  relay: z.enum(RELAY_PROBLEMS).optional(),
});
export type IpcError = z.output<typeof ipcErrorSchema>;
export type IpcErrorKind = IpcError['kind'];

export type IpcResult<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: IpcError };
