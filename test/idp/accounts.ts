/**
 * The test identity provider's people. The claim carrying the enterprise userid is named the
 * way a company would map it (Keycloak user attribute mapper, Okta profile attribute, Entra
 * optional claim): a custom claim, here `wemeet_userid`, added to every ID token.
 */
export const TEST_OPERATOR_CLAIM = 'wemeet_userid';

export interface TestAccount {
  /** What the person types in the login form. */
  readonly login: string;
  readonly password: string;
  /** The OIDC `sub` (stable, opaque, not the userid: real providers differ here too). */
  readonly sub: string;
  /** The enterprise userid (Tencent operator_id), or undefined for an account without one. */
  readonly userid: string | undefined;
  readonly name: string;
  readonly email: string;
}

export const TEST_ACCOUNTS = {
  /** An employee with a usable enterprise userid. */
  alice: {
    login: 'alice',
    password: 'alice-password',
    sub: 'sub-0001-alice',
    userid: 'alice.wang',
    name: 'Alice Wang',
    email: 'alice@example.com',
  },
  /** An account the administrator never mapped to an enterprise userid. */
  bob: {
    login: 'bob',
    password: 'bob-password',
    sub: 'sub-0002-bob',
    userid: undefined,
    name: 'Bob Li',
    email: 'bob@example.com',
  },
  /** A userid that breaks the operator-id rule (a space): must never reach Tencent. */
  carol: {
    login: 'carol',
    password: 'carol-password',
    sub: 'sub-0003-carol',
    userid: 'carol zhang',
    name: 'Carol Zhang',
    email: 'carol@example.com',
  },
} as const satisfies Readonly<Record<string, TestAccount>>;

export function accountByLogin(
  accounts: readonly TestAccount[],
  login: string,
): TestAccount | undefined {
  return accounts.find((account) => account.login === login);
}

export function accountBySub(
  accounts: readonly TestAccount[],
  sub: string,
): TestAccount | undefined {
  return accounts.find((account) => account.sub === sub);
}

/** The claims an account has, keyed by name; the operator claim only when it has a userid. */
export function accountClaims(account: TestAccount): {
  sub: string;
  [claim: string]: string | boolean;
} {
  return {
    sub: account.sub,
    name: account.name,
    preferred_username: account.email,
    email: account.email,
    email_verified: true,
    ...(account.userid === undefined ? {} : { [TEST_OPERATOR_CLAIM]: account.userid }),
  };
}
