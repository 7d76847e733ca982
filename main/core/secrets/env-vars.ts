/**
 * The environment variables RoomCall reads its credentials and settings from (their rules are
 * in env-credentials.ts). On their own, without the credentials' schemas (zod), so that what
 * only names them (the CLI's `auth --help`) loads nothing else.
 */
export const ENV_VARS = {
  baseUrl: 'WEMEET_BASE_URL',
  appId: 'WEMEET_APP_ID',
  sdkId: 'WEMEET_SDK_ID',
  secretId: 'WEMEET_SECRET_ID',
  secretKey: 'WEMEET_SECRET_KEY',
  operatorId: 'WEMEET_OPERATOR_ID',
} as const;

/** The variables that carry the credentials (the operator's is ENV_VARS.operatorId). */
export const ENV_CREDENTIAL_VARS = [
  ENV_VARS.appId,
  ENV_VARS.sdkId,
  ENV_VARS.secretId,
  ENV_VARS.secretKey,
] as const;

/**
 * A relay sign-in for scripts and CI, where there is no keychain (issue 17): a per-person token
 * an admin issued, sent to the relay in use (settings.relayUrl). Set, the keychain's relay
 * sign-in is not read. Never an enterprise secret: those stay on the relay.
 */
export const RELAY_TOKEN_VAR = 'ROOMCALL_RELAY_TOKEN';
