import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type AdapterFactory, type Configuration } from 'oidc-provider';
import {
  accountBySub,
  accountClaims,
  TEST_ACCOUNTS,
  TEST_OPERATOR_CLAIM,
  type TestAccount,
} from './accounts';
import { generateSigningKey, type SigningKey } from './keys';
import { handleInteraction, interactionUrl } from './login-page';
import { mintToken, type MintOptions } from './mint';
import { memoryAdapter } from './store';

/**
 * A real OpenID Provider on loopback for the relay's sign-in tests: panva's oidc-provider
 * (OpenID Certified), configured the way a company registers RoomCall's desktop, i.e. a public
 * native client (no secret, token_endpoint_auth_method none, PKCE required) whose redirect URI
 * is the loopback http://127.0.0.1/callback with any port (RFC 8252 section 7.3; oidc-provider
 * ignores the port of loopback redirect URIs of native clients). See test/idp/README.md.
 */

export const TEST_CLIENT_ID = 'roomcall-desktop';
/**
 * A second desktop client registered the way Google registers "Desktop app" clients: with a
 * secret it hands out and does not treat as confidential, required at the token endpoint.
 */
export const TEST_SECRET_CLIENT = {
  client_id: 'roomcall-desktop-with-secret',
  client_secret: 'issued-but-not-confidential',
} as const;
/** The redirect URI registered for the desktop; it may be used with any port. */
export const TEST_REDIRECT_URI = 'http://127.0.0.1/callback';

export interface TestIdpOptions {
  readonly accounts?: readonly TestAccount[];
  readonly clientId?: string;
  /** ID token and access token lifetime. Default 3600. */
  readonly tokenTtlSeconds?: number;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
}

export interface TestIdp {
  /** http://127.0.0.1:<port>: the issuer identifier, exactly as tokens carry it. */
  readonly issuer: string;
  readonly clientId: string;
  readonly operatorClaim: string;
  readonly accounts: readonly TestAccount[];
  /** The provider's published signing keys, the one it signs with first. */
  keys(): readonly SigningKey[];
  /** A token signed with the current key (or `key`), see MintOptions. */
  mint(options: MintOptions & { readonly key?: SigningKey }): Promise<string>;
  /**
   * Makes a new signing key current. With keepOld (default) the old key stays published, as a
   * provider does during a rotation so tokens already issued remain valid.
   */
  rotateKeys(options?: { readonly keepOld?: boolean }): Promise<SigningKey>;
  close(): Promise<void>;
}

function configuration(
  clientId: string,
  accounts: readonly TestAccount[],
  keys: readonly SigningKey[],
  cookieKey: string,
  ttl: number,
  adapter: AdapterFactory,
): Configuration {
  return {
    adapter,
    clients: [
      {
        client_id: clientId,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [TEST_REDIRECT_URI],
      },
      {
        ...TEST_SECRET_CLIENT,
        application_type: 'native',
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [TEST_REDIRECT_URI],
      },
    ],
    jwks: { keys: keys.map((key) => key.privateJwk) },
    cookies: { keys: [cookieKey] },
    claims: {
      openid: ['sub', TEST_OPERATOR_CLAIM],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
    },
    // Scope claims in the ID token itself (the relay reads the operator from it), as Keycloak,
    // Entra and Okta do for the claims an admin maps into the ID token.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => interactionUrl(interaction.uid) },
    pkce: { required: () => true },
    // A refresh token for the desktop without offline_access + prompt=consent, as Keycloak does.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      IdToken: ttl,
      AccessToken: ttl,
      RefreshToken: 86_400,
      Interaction: 600,
      Session: 3_600,
      Grant: 86_400,
    },
    findAccount: (_ctx, sub) => {
      const account = accountBySub(accounts, sub);
      if (account === undefined) return undefined;
      return { accountId: account.sub, claims: () => accountClaims(account) };
    },
  };
}

export async function startTestIdp(options: TestIdpOptions = {}): Promise<TestIdp> {
  const accounts = options.accounts ?? Object.values(TEST_ACCOUNTS);
  const clientId = options.clientId ?? TEST_CLIENT_ID;
  const ttl = options.tokenTtlSeconds ?? 3600;
  const cookieKey = randomBytes(32).toString('base64url');
  let keys: SigningKey[] = [await generateSigningKey()];
  const adapter = memoryAdapter();
  let provider: Provider | null = null;
  let handler: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null = null;

  // The provider is rebuilt on key rotation (its keystore is fixed at construction); the
  // listener, issuer, cookies and the in-memory sessions stay.
  const build = (issuer: string): void => {
    const next = new Provider(
      issuer,
      configuration(clientId, accounts, keys, cookieKey, ttl, adapter),
    );
    provider = next;
    handler = next.callback();
  };

  const server: Server = createServer((req, res) => {
    const current = provider;
    const callback = handler;
    if (current === null || callback === null) {
      res.writeHead(503).end();
      return;
    }
    void handleInteraction(current, accounts, req, res).then((handled) => {
      if (!handled) void callback(req, res);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  build(issuer);

  return {
    issuer,
    clientId,
    operatorClaim: TEST_OPERATOR_CLAIM,
    accounts,
    keys: () => keys,
    mint: ({ key, ...mintOptions }) =>
      mintToken(key ?? (keys[0] as SigningKey), { issuer, clientId }, mintOptions),
    async rotateKeys({ keepOld = true } = {}) {
      const fresh = await generateSigningKey();
      keys = keepOld ? [fresh, ...keys] : [fresh];
      build(issuer);
      return fresh;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
        server.closeAllConnections();
      }),
  };
}
