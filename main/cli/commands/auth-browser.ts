import { spawn } from 'node:child_process';
import type { CliContext } from '../context';

/**
 * How `roomcall auth login --browser` opens the sign-in page: the URL is always printed (a
 * remote shell has no browser to open, and the person can copy it), then the platform's
 * opener is started, detached, its failure ignored: the printed URL is the fallback.
 */
export function browserOpener(ctx: CliContext): (url: string) => Promise<void> {
  const injected = ctx.deps.openBrowser;
  return async (url) => {
    ctx.output.note(`Sign in in your browser; if it does not open, visit:\n  ${url}`);
    if (injected !== undefined) {
      await injected(url);
      return;
    }
    const [command, args] =
      process.platform === 'darwin'
        ? ['open', [url]]
        : process.platform === 'win32'
          ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
          : ['xdg-open', [url]];
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore' });
      child.on('error', () => undefined);
      child.unref();
    } catch {
      // The printed URL stands.
    }
    return Promise.resolve();
  };
}
