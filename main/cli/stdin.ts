import type { InputSource } from './deps';
import { UsageError } from './exit-codes';

/**
 * All of stdin (`auth login --stdin`, `favorites import -`), refused with `tooLarge` as soon as
 * it passes `maxBytes`: a runaway pipe is cut off instead of filling memory.
 */
export async function readStdinLimited(
  input: InputSource,
  maxBytes: number,
  tooLarge: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input.chunks) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    size += buffer.byteLength;
    if (size > maxBytes) throw new UsageError(tooLarge);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
