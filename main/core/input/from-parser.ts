import { z } from 'zod';
import type { Result } from '../result';

/**
 * A zod schema over a Result-returning parser, so the IPC contract and the CLI get the same
 * rules and the same messages: the parser stays the one source of truth.
 */
export function schemaFromParser<T>(parse: (text: string) => Result<T>) {
  return z.string().transform((text, ctx): T => {
    const parsed = parse(text);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  });
}
