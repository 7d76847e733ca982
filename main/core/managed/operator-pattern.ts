import { fail, ok, type Result } from '../result';
import { operatorIdSchema } from '../../shared/model/settings-schema';

/**
 * The operator userid pattern: IT writes it once for the whole company and each person's
 * RoomCall turns it into their own enterprise userid, e.g. "{username}" or
 * "{username:lower}@corp". Placeholders:
 *   {username}        the OS login name as it is (os.userInfo().username)
 *   {username:lower}  the same in lower case (Windows names are often "JSmith", userids not)
 */

const PLACEHOLDERS = ['username', 'username:lower'] as const;
const TOKEN = /\{([^{}]*)\}/g;

/** Null when the pattern is well formed; otherwise what is wrong with it. */
export function checkOperatorPattern(pattern: string): string | null {
  for (const match of pattern.matchAll(TOKEN)) {
    const name = match[1] ?? '';
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      return `unknown placeholder {${name}}; use ${PLACEHOLDERS.map((it) => `{${it}}`).join(' or ')}`;
    }
  }
  const rest = pattern.replace(TOKEN, '');
  if (rest.includes('{') || rest.includes('}')) return 'a { or } without its pair';
  return null;
}

/** The operator userid for this OS user, checked like a typed-in one. */
export function expandOperatorPattern(pattern: string, username: string): Result<string> {
  const problem = checkOperatorPattern(pattern);
  if (problem !== null) return fail(`the operator userid pattern is not valid: ${problem}.`);
  if (username === '' && pattern.includes('{username')) {
    return fail('the operator userid pattern needs the OS user name, which is not available.');
  }
  const expanded = pattern.replace(TOKEN, (_token, name: string) =>
    name === 'username:lower' ? username.toLowerCase() : username,
  );
  const checked = operatorIdSchema.safeParse(expanded);
  return checked.success
    ? ok(checked.data)
    : fail(
        `the operator userid pattern gives '${expanded.slice(0, 80)}' for this user, which is not a valid userid.`,
      );
}
