import { isLocked } from '../../core/managed/apply-managed';
import { createRelayApi } from '../../core/relay/relay-api';
import { relayTokenSchema, type RelayToken } from '../../core/secrets/relay-token-store';
import type { FetchLike } from '../../core/wemeet/transport';
import type { RelayState } from '../../shared/ipc/contract';
import { InputError } from './errors';
import type { Session } from './session';

/**
 * The browser sign-in as the shell runs it: the core's signInToRelayWithBrowser with the
 * system browser (Electron's shell.openExternal) and main's fetch. Injected rather than
 * imported, so the services (and the component tests' DOM typing) never load openid-client
 * unless someone signs in; the tests pass the same core function with a scripted browser.
 */
export type RelayBrowserSignIn = (request: {
  readonly relayUrl: string;
  readonly signal: AbortSignal;
}) => Promise<RelayToken>;

export interface RelaySignInOptions {
  readonly session: Session;
  readonly browserSignIn?: RelayBrowserSignIn | undefined;
  readonly fetch?: FetchLike | undefined;
  readonly appVersion: string;
  /** Something a window shows changed (who the relay says, a sign-in started or ended). */
  readonly onChange: () => void;
}

/** Who the relay said a sign-in belongs to: kept for the sign-in it was asked with. */
interface Known {
  readonly relayUrl: string;
  readonly accessToken: string;
  readonly operatorId: string;
}

/**
 * The windows' sign-in to the relay in use (issue 17): with the browser, with a token the
 * organisation issued (checked with the relay before it is kept, so a wrong one is refused and
 * nothing is saved), and signing out. Tokens stay in main: they go to the keychain (through the
 * session) and to the relay, never back to a window.
 */
export class RelaySignInService {
  readonly #options: RelaySignInOptions;
  #browser: AbortController | null = null;
  #known: Known | null = null;
  /** The sign-in last asked about: asked once per run, so a relay that is down is not pressed. */
  #asked: string | null = null;

  constructor(options: RelaySignInOptions) {
    this.#options = options;
  }

  /** The app state's relay part; null when no relay is set. Never rejects on a missing sign-in. */
  async state(): Promise<RelayState | null> {
    const { session } = this.#options;
    const effective = await session.settings().catch(() => null);
    const url = effective?.settings.relayUrl ?? null;
    if (effective === null || url === null) return null;
    const account = await session.account().catch(() => null);
    const token = account?.status === 'ready' && account.mode === 'relay' ? account.token : null;
    if (token !== null) this.#askWhoInBackground(token);
    const known = this.#known;
    return {
      url,
      locked: effective.locked.includes('relayUrl') || isLocked(session.managed, 'relayUrl'),
      signedIn: token !== null,
      via: token?.kind ?? null,
      operatorId:
        token !== null && known?.accessToken === token.accessToken ? known.operatorId : null,
      expiresAt: token?.expiresAtMs ?? null,
      signingIn: this.#browser !== null,
    };
  }

  async signInWithBrowser(): Promise<void> {
    const relayUrl = await this.#relayUrl();
    const signIn = this.#options.browserSignIn;
    if (signIn === undefined) {
      throw new InputError('This RoomCall cannot open a browser to sign in: use a token instead.');
    }
    // One sign-in at a time: a second press replaces the first (its browser tab is stale).
    this.#browser?.abort();
    const controller = new AbortController();
    this.#browser = controller;
    this.#options.onChange();
    try {
      const token = await signIn({ relayUrl, signal: controller.signal });
      await this.#checkAndSave(token);
    } finally {
      if (this.#browser === controller) this.#browser = null;
      this.#options.onChange();
    }
  }

  cancel(): void {
    this.#browser?.abort();
  }

  async signInWithToken(text: string): Promise<void> {
    const relayUrl = await this.#relayUrl();
    const token: RelayToken = { relayUrl, kind: 'token', accessToken: text, expiresAtMs: null };
    if (!relayTokenSchema.safeParse(token).success) {
      throw new InputError(
        'This is not a relay token: a token is 1-16384 visible characters without spaces.',
      );
    }
    await this.#checkAndSave(token);
  }

  async signOut(): Promise<void> {
    await this.#relayUrl();
    this.#known = null;
    await this.#options.session.logout();
  }

  /** Asks the relay who the sign-in is (a refused one throws RelayAuthError), then keeps it. */
  async #checkAndSave(token: RelayToken): Promise<void> {
    const me = await this.#whoAmI(token);
    await this.#options.session.saveRelayToken(token);
    this.#known = {
      relayUrl: token.relayUrl,
      accessToken: token.accessToken,
      operatorId: me.operator_id,
    };
    this.#options.onChange();
  }

  #whoAmI(token: RelayToken) {
    return createRelayApi({
      relayUrl: token.relayUrl,
      bearer: () => Promise.resolve(token.accessToken),
      fetch: this.#options.fetch,
      appVersion: this.#options.appVersion,
    }).whoAmI();
  }

  /**
   * A sign-in kept from an earlier run: ask the relay who it is once, and tell the windows.
   * Asked through the session's API (which renews an expiring OIDC sign-in and saves it).
   */
  #askWhoInBackground(token: RelayToken): void {
    const { accessToken } = token;
    if (this.#known?.accessToken === accessToken || this.#asked === accessToken) return;
    this.#asked = accessToken;
    void this.#options.session
      .requireAccount()
      .then(async (account) => {
        if (account.mode !== 'relay') return;
        const me = await account.api.whoAmI();
        this.#known = { relayUrl: token.relayUrl, accessToken, operatorId: me.operator_id };
        this.#options.onChange();
      })
      .catch(() => undefined);
  }

  async #relayUrl(): Promise<string> {
    const { settings } = await this.#options.session.settings();
    if (settings.relayUrl === null) {
      throw new InputError('No relay is set: enter the relay URL first.');
    }
    return settings.relayUrl;
  }
}
