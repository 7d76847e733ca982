/**
 * The words for relay problems (IpcError.relay, issue 17): every problem main can name has
 * a headline and a next step in both languages, and they win over the kind's generic words,
 * with main's own English sentence kept under Details.
 */
import { describe, expect, it } from 'vitest';
import { RELAY_PROBLEMS } from '../../../main/shared/rules/relay-problem';
import { commonMessages } from '../../../renderer/src/i18n/common-messages';
import { relayErrorMessages } from '../../../renderer/src/i18n/relay-error-messages';
import { describeError } from '../../../renderer/src/lib/error-copy';
import { relayMessages } from '../../../renderer/src/settings/relay-messages';

const refused = {
  kind: 'api' as const,
  message:
    'The RoomCall relay refused GET /v1/me: it does not recognise your sign-in (HTTP 401, request r-1).',
  code: null,
  hint: 'Sign in to the relay again: in RoomCall, or with `roomcall auth login --relay <url>`.',
  relay: 'unauthenticated' as const,
};

describe('relay problems in the windows', () => {
  it('has words for every problem in both languages, Chinese sentences in Chinese', () => {
    for (const problem of RELAY_PROBLEMS) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const words = relayErrorMessages[locale][problem];
        expect(words.title.length).toBeGreaterThan(0);
        expect(words.hint.length).toBeGreaterThan(0);
      }
      expect(relayErrorMessages['zh-CN'][problem].title).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(Object.keys(relayMessages['zh-CN']).sort()).toEqual(
      Object.keys(relayMessages.en).sort(),
    );
  });

  it('says a refused token in the page language, main’s sentence under Details', () => {
    const en = describeError(refused, commonMessages.en);
    expect(en.title).toBe('The relay does not recognise this sign-in');
    expect(en.detail).toBe(refused.message);
    const zh = describeError(refused, commonMessages['zh-CN']);
    expect(zh.title).toBe('中继无法识别此登录凭证');
    expect(zh.hint).toContain('令牌');
  });

  it('sends an expired sign-in to Settings, and a slow relay nowhere', () => {
    expect(describeError({ ...refused, relay: 'token-expired' }, commonMessages.en).settings).toBe(
      true,
    );
    expect(describeError({ ...refused, relay: 'rate-limited' }, commonMessages.en).settings).toBe(
      false,
    );
  });
});
