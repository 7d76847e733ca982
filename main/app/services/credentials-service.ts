import { lockReason, refusedCredentialChanges } from '../../core/managed/effective-settings';
import type { StoredCredentials } from '../../core/secrets/credential-store';
import { operatorIdSchema } from '../../shared/model/settings-schema';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import {
  invalidCredentialFields,
  invalidCredentialTextMessage,
} from '../../shared/rules/credential-text';
import type { UiLanguage } from '../../shared/rules/language';
import { InputError, SettingsLockedError } from './errors';
import type { Session } from './session';

/**
 * Saving, removing and trying the credentials. Saving is write-only: the SecretKey goes into
 * the keychain and nothing about it comes back but "configured" and the SecretId's tail.
 */
export class CredentialsService {
  readonly #session: Session;
  /** The windows' language, for the validation message; English when not given. */
  readonly #language: (() => Promise<UiLanguage>) | undefined;

  constructor(session: Session, language?: () => Promise<UiLanguage>) {
    this.#session = session;
    this.#language = language;
  }

  async save(input: ParsedRequestOf<'saveCredentials'>): Promise<void> {
    const session = this.#session;
    const current = await session.settings();
    const sdkId = input.sdkId === null || input.sdkId === '' ? undefined : input.sdkId;
    const refused = refusedCredentialChanges(current, session.managed, input);
    const operatorChanged = input.operatorId !== current.settings.operatorId;
    if (refused.length > 0) {
      const reasons = refused.map((key) => lockReason(key, current.fromEnvironment));
      throw new SettingsLockedError(`${reasons.join('; ')}: it cannot be changed here.`, refused);
    }
    // The shared rule (visible ASCII), before anything is saved or sent, in the window's language.
    const bad = invalidCredentialFields({ ...input, sdkId });
    if (bad.length > 0 || !operatorIdSchema.safeParse(input.operatorId).success) {
      const lang = (await this.#language?.()) ?? 'en';
      throw new InputError(
        invalidCredentialTextMessage(bad.length > 0 ? bad : ['operatorId'], lang),
      );
    }
    const credentials: StoredCredentials =
      sdkId === undefined
        ? { appId: input.appId, secretId: input.secretId, secretKey: input.secretKey }
        : { appId: input.appId, sdkId, secretId: input.secretId, secretKey: input.secretKey };
    await session.saveCredentials(credentials);
    if (operatorChanged) {
      await session.stores.settings.update({ operatorId: input.operatorId });
      session.invalidate();
    }
  }

  async logout(): Promise<void> {
    await this.#session.logout();
  }

  /** Two signed reads that prove the credentials and the operator: rooms and meetings. */
  async test(): Promise<ResponseOf<'testConnection'>> {
    const { api } = await this.#session.requireAccount();
    const roomCount = await countRooms(api);
    const meetings = await api.listOperatorMeetings();
    const inProgressMeetings = meetings.filter(
      (meeting) => meeting.status === 'MEETING_STATE_STARTED',
    ).length;
    return { roomCount, inProgressMeetings };
  }
}

/**
 * The account's room count from the first page's total_count: the rest of the pages are not
 * needed to prove the connection, so the listing is stopped right after the first one.
 */
async function countRooms(
  api: Awaited<ReturnType<Session['requireAccount']>>['api'],
): Promise<number> {
  const stop = new AbortController();
  const seen: { total: number | null } = { total: null };
  try {
    const rooms = await api.listRooms({
      signal: stop.signal,
      onProgress: (_loaded, all) => {
        seen.total = all;
        stop.abort();
      },
    });
    return seen.total ?? rooms.length;
  } catch (error) {
    if (seen.total !== null && stop.signal.aborted) return seen.total;
    throw error;
  }
}
