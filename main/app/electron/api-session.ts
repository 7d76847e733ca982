import type { Session } from 'electron';
import type { FetchLike } from '../../core/wemeet/transport';

/**
 * The Tencent Meeting API's own network session, apart from the windows' default session.
 *
 * `net.fetch` always uses the default session (docs/api/net.md: "This method will issue
 * requests from the default session. To send a fetch request from another session, use
 * ses.fetch()"), so the API calls go through `ses.fetch` on this partition instead. A
 * partition without the `persist:` prefix lives in memory only, and `cache: false` turns its
 * HTTP cache off (docs/api/session.md, `session.fromPartition`). Each request also says
 * `credentials: 'omit'` (no cookie is sent or stored: docs/api/client-request.md,
 * `credentials`) and `cache: 'no-store'`; net-fetch.ts hands both to Chromium's loader.
 * Like every session, it follows the system proxy and the OS certificate store, as a
 * corporate network expects.
 */
export const API_PARTITION = 'roomcall-api';

export interface SessionModule {
  fromPartition(partition: string, options?: { cache: boolean }): Pick<Session, 'fetch'>;
}

/** Call once the app is ready: fromPartition throws before (electron_api_session.cc). */
export function createApiFetch(sessions: SessionModule): FetchLike {
  const api = sessions.fromPartition(API_PARTITION, { cache: false });
  return (input, init) =>
    api.fetch(input instanceof URL ? input.href : input, {
      ...init,
      credentials: 'omit',
      cache: 'no-store',
    });
}
