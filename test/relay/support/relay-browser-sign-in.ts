/**
 * The shell's browser sign-in for the relay tests, apart from relay-for-app.ts: it loads
 * openid-client, whose fetch typing meets the DOM's in the component tests' typecheck.
 */
import type { RelayBrowserSignIn } from '../../../main/app/services/relay-sign-in';
import { signInToRelayWithBrowser } from '../../../main/core/relay/relay-sign-in';
import { browse, type Credentials } from '../../idp/scripted-browser';

/**
 * The shell's browser sign-in (boot.ts) with the scripted browser standing in for
 * shell.openExternal: the URL is recorded, and a person signs in there as `account` (or,
 * with `account` null, never comes back: the test cancels).
 */
export function scriptedBrowserSignIn(
  account: Credentials | null,
  opened: string[],
): RelayBrowserSignIn {
  return ({ relayUrl, signal }) =>
    signInToRelayWithBrowser({
      relayUrl,
      signal,
      openBrowser: (url) => {
        opened.push(url);
        if (account !== null) void browse(url, account);
        return Promise.resolve();
      },
    });
}
