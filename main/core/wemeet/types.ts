import type { KeyedTarget } from '../../shared/rules/targets';

/**
 * Domain types shared by the client, the invite use-case, the CLI and (later) the app.
 * API payloads keep the API's snake_case field names (see schemas.ts); these types are the
 * vocabulary the rest of RoomCall speaks.
 */

/** A meeting's unique ID: a decimal string of up to ~20 digits. Never a JS number. */
export type MeetingId = string;

/** The 9-digit number people type to join. */
export type MeetingCode = string;

/** What room-call can call: an enterprise room by ID, or a SIP/H.323 address (an "MRA"). */
export type CallTarget = KeyedTarget;

/**
 * Where a room call stands, from room-call-info's `status`:
 * 0 no answer (timed out after 60 s), 1 not called, 2 accepted/joining, 3 rejected, 4 ringing,
 * 5 UNSETTLED in the sources ("joined" in the doc, "cancelled" in the SDKs), 6 left the meeting.
 */
export type CallState =
  | 'no-answer'
  | 'not-called'
  | 'accepted'
  | 'rejected'
  | 'ringing'
  | 'joined-or-cancelled'
  | 'left'
  | 'unknown';
