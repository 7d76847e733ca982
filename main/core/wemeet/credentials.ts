/**
 * The enterprise self-built app's credentials. The SecretKey lives only in the OS keychain and
 * in the memory of the process that signs; everything that may be shown or logged goes through
 * `describeCredentials`, never through this object.
 */
export interface Credentials {
  readonly appId: string;
  /** Only when Tencent assigned one: the `SdkId` header is omitted entirely otherwise. */
  readonly sdkId?: string | undefined;
  readonly secretId: string;
  readonly secretKey: string;
}

/** What a UI or a log may learn about credentials: never the key, only the SecretId's tail. */
export interface CredentialsSummary {
  readonly appId: string;
  readonly sdkId: string | null;
  readonly secretIdHint: string;
}

export function maskSecretId(secretId: string): string {
  return secretId.length <= 3 ? '…' : `…${secretId.slice(-3)}`;
}

export function describeCredentials(credentials: Credentials): CredentialsSummary {
  return {
    appId: credentials.appId,
    sdkId: credentials.sdkId ?? null,
    secretIdHint: maskSecretId(credentials.secretId),
  };
}
