import { IdentityRejectedError, type Identity, type IdentityVerifier } from '../ports';

/**
 * Who is calling: the first configured verifier that recognises the bearer credential's form
 * decides (a per-person token is no JWT and the other way round). No credential, or one no
 * verifier recognises, is 'unauthenticated'.
 */
export async function identify(
  bearer: string | null,
  verifiers: readonly IdentityVerifier[],
  nowMs: number,
): Promise<Identity> {
  if (bearer === null) {
    throw new IdentityRejectedError(
      'unauthenticated',
      'Sign in first: the request carries no Authorization: Bearer credential.',
    );
  }
  for (const verifier of verifiers) {
    const identity = await verifier.verify(bearer, nowMs);
    if (identity !== null) return identity;
  }
  throw new IdentityRejectedError(
    'unauthenticated',
    'The credential is of no kind this relay accepts (see /v1/sign-in-config).',
  );
}
