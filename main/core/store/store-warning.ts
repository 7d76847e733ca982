/**
 * What a JSON document tells the UI or the CLI about a file it could not use as it was
 * (json-document.ts): the reasons, the warning and the words for each reason.
 */

/** Why a file cannot be used, in words: the end of "…could not be used because <words>". */
export const REASON_WORDS = {
  'not-json': 'it is not valid JSON (damaged or cut short)',
  'not-utf8': 'it is not text (binary content)',
  'too-deep': 'it is nested too deeply to be a RoomCall file',
  'too-large': 'it is far larger than a RoomCall file can be',
  'not-a-file': 'something other than a file (such as a folder) is in its place',
  unreadable: 'RoomCall is not allowed to read it',
  'not-an-object': 'it does not hold a JSON object',
  'bad-version': 'its version number is missing or invalid',
  'invalid-data': 'some of its values have the wrong type or are out of range',
  'migration-failed': 'it could not be upgraded from its older format',
  'partly-invalid': 'some of its entries have the wrong type or are out of range',
  'newer-version': 'it was written by a newer version of RoomCall',
} as const satisfies Record<string, string>;

export type StoreWarningReason = keyof typeof REASON_WORDS;

export interface StoreWarning {
  /** The document's name for people: "settings", "favourites"… */
  readonly document: string;
  readonly file: string;
  readonly reason: StoreWarningReason;
  /** Where the unusable file now is; null when it was left in place. */
  readonly movedTo: string | null;
  /** True when changes to this document will not be saved until the file is dealt with. */
  readonly readOnly: boolean;
  /** A sentence for the user: what happened, where the old file is, what happens now. */
  readonly message: string;
}

export type StoreWarningListener = (warning: StoreWarning) => void;

/** A reason that makes the whole file unusable (it is moved aside or left read-only). */
export type Problem = Exclude<StoreWarningReason, 'newer-version' | 'partly-invalid'>;

/** The sentence of a warning about the `name` document's `file` (StoreWarning.message). */
export function warningMessage(
  name: string,
  file: string,
  reason: StoreWarningReason,
  movedTo: string | null,
): string {
  const why = REASON_WORDS[reason];
  if (reason === 'partly-invalid') {
    return `Some of your ${name} could not be used because ${why}. They were kept in ${movedTo ?? '?'}; the others are unchanged. RoomCall says this until you have seen your ${name} list.`;
  }
  if (reason === 'newer-version') {
    return `Your ${name} file (${file}) ${why}: RoomCall uses what it understands of it and will not change it. Update RoomCall to save changes.`;
  }
  if (movedTo !== null) {
    return `Your ${name} file could not be used because ${why}. It was kept as ${movedTo}, and RoomCall continues with default ${name}.`;
  }
  return `Your ${name} file (${file}) could not be used because ${why}, and it could not be moved aside: RoomCall uses default ${name} and will not save changes until the file is fixed or removed.`;
}
