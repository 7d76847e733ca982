import { z } from 'zod';
import { fail, ok, type Result } from '../result';
import { checkNewFavorite, type FavoriteFields } from '../store/favorites-check';
import { MAX_FAVORITES } from '../../shared/model/favorites-schema';
import { settingsSchema, type Settings } from '../../shared/model/settings-schema';
import { checkOperatorPattern, expandOperatorPattern } from './operator-pattern';
import { targetKey } from '../../shared/rules/targets';

/**
 * The managed configuration file IT deploys machine-wide (docs/managed-config.md), checked as a
 * whole: the result is either every value in the file or a message saying precisely what is
 * wrong with it, never a part of it. Settings reuse the user settings' own field schemas, so a
 * value IT can set is exactly a value a user could have typed.
 *
 * Secrets are never read from this file: it is readable by every user of the machine, and a
 * SecretKey there would be everyone's. A file that so much as names one is refused.
 */

const MANAGED_VERSION = 1;

/** Settings IT may pre-fill. operatorId is per person: IT gives operatorIdPattern instead. */
const managedSettingsShape = settingsSchema.omit({ operatorId: true }).shape;
type ManagedSettingsShape = typeof managedSettingsShape;

/**
 * The settings fields without their defaults: a field the file does not set must stay unset,
 * not come back as the default (which would then be locked or pre-filled by mistake).
 */
type WithoutDefaults<S> = {
  [K in keyof S]: S[K] extends z.ZodDefault<infer Inner>
    ? z.ZodOptional<Inner>
    : z.ZodOptional<S[K] & z.ZodType>;
};

function withoutDefaults(shape: ManagedSettingsShape): WithoutDefaults<ManagedSettingsShape> {
  const entries = Object.entries(shape).map(([key, schema]: [string, z.ZodType]) => [
    key,
    (schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema).optional(),
  ]);
  return Object.fromEntries(entries) as WithoutDefaults<ManagedSettingsShape>;
}

const managedSettingsSchema = z.strictObject(withoutDefaults(managedSettingsShape));

/** What IT may pre-fill and lock for its users. */
export type ManagedSettings = Partial<Settings>;

/** Every key `locked` accepts. */
const LOCKABLE_KEYS: readonly string[] = [
  ...Object.keys(settingsSchema.shape),
  'appId',
  'sdkId',
  'updateFeedUrl',
];
export type LockableKey = keyof Settings | 'appId' | 'sdkId' | 'updateFeedUrl';

function isLockableKey(key: string): key is LockableKey {
  return LOCKABLE_KEYS.includes(key);
}

/** AppId and SdkId identify the enterprise's app, not a secret; printable ASCII, no spaces. */
const identifierSchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,128}$/, 'expected 1-128 printable characters without spaces');

const managedFileSchema = z.strictObject({
  version: z
    .literal(MANAGED_VERSION, {
      error: `this RoomCall reads version ${MANAGED_VERSION} managed files; the file says another version`,
    })
    .optional(),
  settings: managedSettingsSchema.optional(),
  operatorIdPattern: z
    .string()
    .min(1)
    .max(128)
    .superRefine((pattern, context) => {
      const problem = checkOperatorPattern(pattern);
      if (problem !== null) context.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  appId: identifierSchema.optional(),
  sdkId: identifierSchema.optional(),
  favorites: z.array(z.unknown()).max(MAX_FAVORITES).optional(),
  updateFeedUrl: z
    .url({
      protocol: /^https$/,
      error: 'expected an https URL (updates are never fetched over http)',
    })
    .optional(),
  locked: z.array(z.string()).max(LOCKABLE_KEYS.length).optional(),
});

type ManagedFile = z.output<typeof managedFileSchema>;

export interface ManagedConfig {
  /** Settings to start from, and to force where locked; operatorId is already expanded. */
  readonly settings: ManagedSettings;
  readonly operatorIdPattern: string | null;
  readonly appId: string | null;
  readonly sdkId: string | null;
  /** Rooms and addresses IT wants in everyone's favourites, checked like the user's own. */
  readonly favorites: readonly FavoriteFields[];
  readonly updateFeedUrl: string | null;
  readonly locked: ReadonlySet<LockableKey>;
  /**
   * Problems for this user only, with a file that is otherwise fine: the pattern could not
   * give this user a valid userid. Shown to the user; the rest of the file still applies.
   */
  readonly userProblems: readonly string[];
}

/** Key names that mean a secret, compared without case, dashes or underscores. */
const SECRET_KEY = /secret|password|privatekey/;

/** Paths of every key in `value` that names a secret, e.g. "settings.SecretKey". */
export function findSecretKeys(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => findSecretKeys(item, `${at}[${index}]`));
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = at === '' ? key : `${at}.${key}`;
    const own = SECRET_KEY.test(key.toLowerCase().replace(/[-_\s]/g, '')) ? [path] : [];
    return [...own, ...findSecretKeys(inner, path)];
  });
}

function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

const MAX_REPORTED = 8;

function describeIssues(issues: readonly Issue[]): string {
  const lines = issues
    .slice(0, MAX_REPORTED)
    .map((issue) =>
      issue.path.length === 0 ? issue.message : `${issuePath(issue.path)}: ${issue.message}`,
    );
  if (issues.length > MAX_REPORTED) lines.push(`and ${issues.length - MAX_REPORTED} more`);
  return lines.join('; ');
}

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** zod's words where they can be plainer for the person editing the file. */
function readableIssue(issue: z.core.$ZodIssue): Issue {
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((key) => `"${key.slice(0, 40)}"`).join(', ');
    const hint =
      issue.path.length === 1 && issue.path[0] === 'settings' && issue.keys.includes('operatorId')
        ? ' (give operatorIdPattern at the top level instead)'
        : ' (check the spelling against docs/managed-config.md)';
    return { path: issue.path, message: `unknown field ${names}${hint}` };
  }
  if (issue.path.length === 0 && issue.code === 'invalid_type') {
    return { path: [], message: 'the file must hold one JSON object' };
  }
  return issue;
}

/** The checks that span fields: favourites one by one, and every lock against a value. */
function crossChecks(file: ManagedFile): { issues: Issue[]; favorites: FavoriteFields[] } {
  const issues: Issue[] = [];
  const favorites: FavoriteFields[] = [];
  const seen = new Map<string, number>();
  (file.favorites ?? []).forEach((entry, index) => {
    const checked = checkNewFavorite(entry);
    if (!checked.ok) {
      issues.push({ path: ['favorites', index], message: checked.message });
      return;
    }
    const key = targetKey(checked.value);
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({ path: ['favorites', index], message: `calls the same as favorites[${first}]` });
      return;
    }
    seen.set(key, index);
    favorites.push(checked.value);
  });

  const settings: Record<string, unknown> = file.settings ?? {};
  (file.locked ?? []).forEach((key, index) => {
    if (!isLockableKey(key)) {
      issues.push({
        path: ['locked', index],
        message: `'${key.slice(0, 40)}' is not a setting that can be locked; one of: ${LOCKABLE_KEYS.join(', ')}`,
      });
      return;
    }
    const hasValue =
      key === 'operatorId'
        ? file.operatorIdPattern !== undefined
        : key === 'appId' || key === 'sdkId' || key === 'updateFeedUrl'
          ? file[key] !== undefined
          : settings[key] !== undefined;
    if (!hasValue) {
      const where =
        key === 'operatorId'
          ? 'operatorIdPattern'
          : key === 'appId' || key === 'sdkId' || key === 'updateFeedUrl'
            ? key
            : `settings.${key}`;
      issues.push({
        path: ['locked', index],
        message: `'${key}' is locked but the file gives it no value (set ${where})`,
      });
    }
  });
  return { issues, favorites };
}

/** Drops the keys a parse left undefined, so that "not in the file" stays "not set". */
function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

export interface ParseContext {
  /** The OS login name, for operatorIdPattern. */
  readonly username: string;
}

/**
 * Checks a parsed managed.json. Never throws; the message names the field and the rule, never
 * a value that might be sensitive.
 */
export function parseManagedConfig(raw: unknown, context: ParseContext): Result<ManagedConfig> {
  const secrets = findSecretKeys(raw);
  if (secrets.length > 0) {
    return fail(
      `it names a secret (${secrets.slice(0, 3).join(', ')}). Secrets belong in each user's ` +
        'keychain (entered in RoomCall or with the roomcall command), never in a file every ' +
        'user can read; remove the field and rotate that secret.',
    );
  }
  const parsed = managedFileSchema.safeParse(raw);
  if (!parsed.success) return fail(describeIssues(parsed.error.issues.map(readableIssue)));
  const file = parsed.data;
  const { issues, favorites } = crossChecks(file);
  if (issues.length > 0) return fail(describeIssues(issues));

  const settings: ManagedSettings = definedOnly(file.settings ?? {});
  const userProblems: string[] = [];
  let withOperator: ManagedSettings = settings;
  if (file.operatorIdPattern !== undefined) {
    const operator = expandOperatorPattern(file.operatorIdPattern, context.username);
    if (operator.ok) withOperator = { ...settings, operatorId: operator.value };
    else userProblems.push(operator.message);
  }
  return ok({
    settings: withOperator,
    operatorIdPattern: file.operatorIdPattern ?? null,
    appId: file.appId ?? null,
    sdkId: file.sdkId ?? null,
    favorites,
    updateFeedUrl: file.updateFeedUrl ?? null,
    locked: new Set((file.locked ?? []).filter(isLockableKey)),
    userProblems,
  });
}
