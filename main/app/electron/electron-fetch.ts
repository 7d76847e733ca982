import { net } from 'electron';
import type { FetchLike } from '../../core/wemeet/client';

/**
 * The core client's fetch in the app: Electron's net.fetch, which goes through Chromium's
 * network stack, so the system proxy (and PAC files) and the OS certificate store apply, as a
 * corporate network expects.
 */
export const electronFetch: FetchLike = (input, init) =>
  net.fetch(input instanceof URL ? input.href : input, init);
