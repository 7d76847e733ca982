import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { InterruptedError } from './exit-codes';

/**
 * Questions to the person at the terminal: `auth login`'s fields and "which meeting?". Only
 * asked when stdin and stderr are terminals (callers check); scripts use flags and --stdin.
 */
export interface Prompter {
  /** One line as typed, without the newline; null when input ended (Ctrl-D). */
  ask(question: string): Promise<string | null>;
  /** The same without echoing what is typed: for the SecretKey. */
  askHidden(question: string): Promise<string | null>;
}

/**
 * readline over the terminal, one interface per question (the questions are few and only asked
 * on a terminal, where nothing is typed ahead). Questions go to `output` (stderr), so stdout
 * stays clean for what a command prints.
 *
 * The hidden question puts a muting stream between readline and the terminal: readline still
 * does the line editing (backspace, arrows), but neither the characters nor its redraws are
 * shown. This uses readline's public API only, unlike the usual `_writeToOutput` patch.
 * Ctrl-C rejects with InterruptedError; the typed text is never kept in a history.
 */
export function createTerminalPrompter(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Prompter {
  function question(text: string, hidden: boolean): Promise<string | null> {
    let muted = false;
    const sink = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        if (!muted) output.write(chunk);
        done();
      },
    });
    const rl = createInterface({
      input,
      output: sink,
      terminal: true,
      historySize: 0,
    });
    return new Promise<string | null>((resolve, reject) => {
      let settled = false;
      const finish = (value: string | null, error?: Error) => {
        if (settled) return;
        settled = true;
        muted = false;
        if (hidden) output.write('\n');
        rl.close();
        if (error === undefined) resolve(value);
        else reject(error);
      };
      rl.on('SIGINT', () => {
        finish(null, new InterruptedError());
      });
      rl.on('close', () => {
        finish(null);
      });
      // Visible: readline shows the question itself, so its redraws keep it on screen.
      // Hidden: the question is written before muting, and readline's prompt stays empty.
      if (hidden) {
        output.write(text);
        muted = true;
      }
      rl.question(hidden ? '' : text, (answer) => {
        finish(answer);
      });
    });
  }

  return {
    ask: (text) => question(text, false),
    askHidden: (text) => question(text, true),
  };
}
