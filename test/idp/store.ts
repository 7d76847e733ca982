import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

/**
 * The test identity provider's storage (sessions, interactions, codes, tokens, grants): one
 * Map per provider instance, kept across key rotations, and gone with the process. Written here
 * rather than using oidc-provider's built-in memory adapter only because that one is shared by
 * every provider in the process and warns on each start; the contract is oidc-provider's
 * Adapter interface (find/upsert/consume/destroy, lookups by uid, user code and grant).
 */
interface Entry {
  payload: AdapterPayload;
  expiresAtMs: number | null;
}

export function memoryAdapter(): AdapterFactory {
  const entries = new Map<string, Entry>();
  const live = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAtMs !== null && entry.expiresAtMs <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  return (name: string): Adapter => {
    const keyFor = (id: string): string => `${name}:${id}`;
    return {
      upsert(id, payload, expiresIn) {
        const key = keyFor(id);
        const expiresAtMs = expiresIn === undefined ? null : Date.now() + expiresIn * 1000;
        entries.set(key, { payload, expiresAtMs });
        if (payload.uid !== undefined)
          entries.set(`uid:${payload.uid}`, { payload: { id: key }, expiresAtMs });
        if (payload.userCode !== undefined)
          entries.set(`userCode:${payload.userCode}`, { payload: { id: key }, expiresAtMs });
        if (payload.grantId !== undefined) {
          const grantKey = `grant:${payload.grantId}`;
          const held = (live(grantKey)?.['keys'] as string[] | undefined) ?? [];
          entries.set(grantKey, { payload: { keys: [...held, key] }, expiresAtMs: null });
        }
        return Promise.resolve();
      },
      find: (id) => Promise.resolve(live(keyFor(id))),
      findByUid(uid) {
        const pointer = live(`uid:${uid}`)?.['id'];
        return Promise.resolve(typeof pointer === 'string' ? live(pointer) : undefined);
      },
      findByUserCode(userCode) {
        const pointer = live(`userCode:${userCode}`)?.['id'];
        return Promise.resolve(typeof pointer === 'string' ? live(pointer) : undefined);
      },
      consume(id) {
        const payload = live(keyFor(id));
        if (payload !== undefined) payload.consumed = Math.floor(Date.now() / 1000);
        return Promise.resolve();
      },
      destroy(id) {
        entries.delete(keyFor(id));
        return Promise.resolve();
      },
      revokeByGrantId(grantId) {
        const keys = (live(`grant:${grantId}`)?.['keys'] as string[] | undefined) ?? [];
        for (const key of keys) entries.delete(key);
        entries.delete(`grant:${grantId}`);
        return Promise.resolve();
      },
    };
  };
}
