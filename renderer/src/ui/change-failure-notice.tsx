import type { Ref } from 'preact';
import type { ChangeFailure } from '../lib/use-change';
import { ErrorNotice } from './error-notice';

interface Props<K> {
  readonly failure: ChangeFailure<K> | null;
  /** The Try again button, for pages that move focus to it. */
  readonly retryRef?: Ref<HTMLButtonElement> | undefined;
}

/**
 * A favourites change that was not saved, where it happened: what did not happen, why, and
 * "Try again" when sending the same change once more can succeed (use-change.ts).
 */
export function ChangeFailureNotice<K>({ failure, retryRef }: Props<K>) {
  if (failure === null) return null;
  return (
    <ErrorNotice
      error={failure.error}
      context={failure.failed}
      onRetry={failure.retry}
      retryLabel={failure.retryLabel}
      retrying={failure.retrying}
      retryRef={retryRef}
      compact
      announce
    />
  );
}
