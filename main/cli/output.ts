import { redact } from '../core/wemeet/errors';
import type { TextSink } from './deps';
import { clean } from './terminal-text';

/**
 * Everything the CLI prints goes through here:
 * - stdout carries the result: one JSON document with --json, else lines and tables;
 * - stderr carries errors, warnings and notes, and progress only when a person watches it.
 *
 * Text from the server (room names, subjects, messages) reaches the terminal with control
 * characters replaced, so a crafted name cannot send escape sequences. And as a last line of
 * defence, every write is scrubbed of the credentials in use (`protect`): nothing above should
 * ever print one, but a leak would be silent, so it is made impossible here too.
 */
export class Output {
  readonly #stdout: TextSink;
  readonly #stderr: TextSink;
  readonly #secrets: string[] = [];

  constructor(stdout: TextSink, stderr: TextSink) {
    this.#stdout = stdout;
    this.#stderr = stderr;
  }

  /** Never print these, whatever happens (the SecretKey and SecretId in use). */
  protect(...secrets: readonly string[]): void {
    for (const secret of secrets) if (!this.#secrets.includes(secret)) this.#secrets.push(secret);
  }

  /** The one JSON document of a --json run. IDs are strings already: no digit is lost. */
  json(value: unknown): void {
    this.#write(this.#stdout, `${JSON.stringify(value, null, 2)}\n`);
  }

  line(text = ''): void {
    this.#write(this.#stdout, `${clean(text)}\n`);
  }

  /** A remark beside the result (stderr, so scripts reading stdout are not disturbed). */
  note(text: string): void {
    this.#write(this.#stderr, `${clean(text)}\n`);
  }

  warn(text: string): void {
    this.#write(this.#stderr, `roomcall: warning: ${clean(text)}\n`);
  }

  /** Only on a terminal: a log of "ringing…" lines is noise in a script's stderr. */
  progress(text: string): void {
    if (this.#stderr.isTTY) this.#write(this.#stderr, `${clean(text)}\n`);
  }

  /** A failure: what happened, then what to do on its own line. */
  error(message: string, hint: string | null = null): void {
    const hintLine = hint === null || hint === '' ? '' : `  ${clean(hint)}\n`;
    this.#write(this.#stderr, `roomcall: ${clean(message)}\n${hintLine}`);
  }

  /** Text that is already formatted (commander's help and messages, tables: table.ts). */
  raw(sink: 'stdout' | 'stderr', text: string): void {
    this.#write(sink === 'stdout' ? this.#stdout : this.#stderr, text);
  }

  #write(sink: TextSink, text: string): void {
    sink.write(this.#secrets.length === 0 ? text : redact(text, this.#secrets));
  }
}
