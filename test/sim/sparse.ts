/**
 * Sparse answers: what a Go service sends when its response fields carry `json:",omitempty"`.
 *
 * Tencent's official Go SDK models every response field that way (wemeet-openapi-sdk-go,
 * wemeet_openapi/service/meeting_room/model.go, e.g. V1MeetingRoomsRoomCallInfoPost200Response
 * `Status *int64 \`json:"status,omitempty"\``; service/meetings/model.go for the meeting list),
 * so a client must read every one of them as possibly absent.
 *
 * What encoding/json's omitempty leaves out (https://pkg.go.dev/encoding/json#Marshal): false,
 * 0, a nil pointer or interface (JSON null), and an empty array, slice, map or string. What it
 * does NOT leave out, and neither does this function:
 * - a nested object: a Go struct value is never "empty", so `{}` (and an object whose own
 *   fields were all left out) stays;
 * - a string that spells zero: "0" or "0.0" is a non-empty string (the SDK types several
 *   numbers as strings: the meeting list's start_time / end_time, meeting_id);
 * - array elements: omitempty applies to struct fields only, so [0, ""] keeps both.
 */

/** A field value encoding/json's omitempty drops. */
export function isOmitEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === false ||
    value === 0 ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A copy of a JSON value with every omitempty-empty object field left out, at every depth. */
export function omitEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(omitEmpty);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (isOmitEmpty(field)) continue;
    out[key] = omitEmpty(field);
  }
  return out;
}
