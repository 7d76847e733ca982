import { afterEach, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../main/shared/ipc/contract';
import { startAppHarness, type AppHarness, type HarnessOptions } from './app-harness';

/**
 * What the person typed, refused by the input parsers in main: the window gets the message
 * in its own language (settings.language, 'system' following the OS language).
 */

let h: AppHarness;
afterEach(async () => {
  await h.close();
});

function systemLocale(locale: string): HarnessOptions {
  return {
    services: { identity: { version: '1.2.3-test', platform: 'linux', systemLocale: locale } },
  };
}

function refusal(result: IpcResult<unknown>): { kind: string; message: string } {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('input messages in the UI language', () => {
  it('a Chinese UI gets Chinese messages for a typed meeting code and an address', async () => {
    h = await startAppHarness();
    await h.ok('updateSettings', { language: 'zh-CN' });
    const before = h.sim.requests.length;

    expect(refusal(await h.call('setMeeting', { text: '806-146-66' }))).toEqual(
      expect.objectContaining({
        kind: 'validation',
        message: '会议号为 9 位数字，“806-146-66”有 8 位。',
      }),
    );
    expect(
      refusal(
        await h.call('startCall', {
          mra: { protocol: 'h323', dialString: '(010) 1234-5678 9012 3', label: null },
        }),
      ),
    ).toEqual(
      expect.objectContaining({
        kind: 'validation',
        message:
          '“(010) 1234-5678 9012 3”不是有效的 H.323 地址：E.164 号码最多 15 位，当前有 16 位。',
      }),
    );
    expect(
      refusal(
        await h.call('startCall', { room: { meetingRoomId: 'room 1', name: '', location: '' } }),
      ).message,
    ).toBe('会议室 ID 不能包含空格：“room 1”。');
    // Refused before anything was sent.
    expect(h.sim.requests.length).toBe(before);
  });

  it('favourites: adding, editing and importing say what is wrong in Chinese', async () => {
    h = await startAppHarness();
    await h.ok('updateSettings', { language: 'zh-CN' });
    expect(
      refusal(
        await h.call('addFavorite', {
          kind: 'mra',
          protocol: 'sip',
          dialString: 'room@bad_host.example',
          label: null,
        }),
      ),
    ).toEqual(
      expect.objectContaining({
        kind: 'validation',
        message:
          '“room@bad_host.example”不是有效的 SIP 地址：主机名“bad_host.example”中不能有“_”。',
      }),
    );
    const { favorite } = await h.ok('addFavorite', {
      kind: 'mra',
      protocol: 'sip',
      dialString: 'codec@vc.example.com',
      label: null,
    });
    expect(
      refusal(
        await h.call('updateAddressFavorite', {
          id: favorite.id,
          protocol: 'h323',
          dialString: '[2001:db8::1]',
          label: null,
        }),
      ).message,
    ).toBe('“[2001:db8::1]”不是有效的 H.323 地址：IPv6 地址不要加方括号（也不要带端口）。');
    const report = await h.ok('importFavorites', {
      json: JSON.stringify({
        format: 'roomcall-favorites',
        version: 1,
        favorites: [{ kind: 'room', meetingRoomId: '' }],
      }),
    });
    expect(report.skipped).toEqual([{ index: 0, reason: '请输入会议室 ID。' }]);
  });

  it("favourites: the store's and the service's own refusals and import reasons in Chinese", async () => {
    const lobby = {
      kind: 'mra',
      protocol: 'sip',
      dialString: 'lobby@sip.example.com',
      label: 'Lobby',
    } as const;
    h = await startAppHarness({
      managed: {
        status: 'ok',
        file: '/etc/roomcall/managed.json',
        config: {
          settings: {},
          operatorIdPattern: null,
          appId: null,
          sdkId: null,
          updateFeedUrl: null,
          locked: new Set(),
          userProblems: [],
          favorites: [lobby],
        },
      },
    });
    await h.ok('updateSettings', { language: 'zh-CN' });
    // Adding and editing: a label with a control character, an address another one calls.
    expect(
      refusal(
        await h.call('addFavorite', {
          kind: 'mra',
          protocol: 'sip',
          dialString: 'desk@vc.example.com',
          label: 'Desk\u0007',
        }),
      ),
    ).toEqual(expect.objectContaining({ kind: 'validation', message: '名称不能包含控制字符。' }));
    const { favorite: desk } = await h.ok('addFavorite', {
      kind: 'mra',
      protocol: 'sip',
      dialString: 'desk@vc.example.com',
      label: 'Desk',
    });
    const { favorite: codec } = await h.ok('addFavorite', {
      kind: 'mra',
      protocol: 'h323',
      dialString: '10.0.0.7',
      label: null,
    });
    expect(
      refusal(
        await h.call('updateAddressFavorite', {
          id: codec.id,
          protocol: 'sip',
          dialString: 'sip:DESK@vc.example.com',
          label: null,
        }),
      ).message,
    ).toBe('SIP 地址“sip:DESK@vc.example.com”已在常用中，名称为“Desk”。');
    expect(
      refusal(await h.call('renameFavorite', { id: desk.id, label: 'a\u0000b' })).message,
    ).toBe('名称不能包含控制字符。');
    expect(refusal(await h.call('renameFavorite', { id: 'gone', label: 'X' })).message).toBe(
      '没有 ID 为“gone”的常用项。',
    );
    expect(refusal(await h.call('startCall', { favoriteId: 'gone' })).message).toBe(
      '该常用项已不存在。',
    );
    expect(
      refusal(
        await h.call('startCall', {
          mra: { protocol: 'sip', dialString: 'desk@vc.example.com', label: 'Desk\u0007' },
        }),
      ).message,
    ).toBe('名称不能包含控制字符。');
    // The organisation's favourite.
    for (const [verb, payload, message] of [
      ['removeFavorite', { id: 'org-1' }, '此常用项由你的组织设置，不能移除。'],
      ['moveFavorite', { id: 'org-1', toIndex: 0 }, '此常用项由你的组织设置，不能移动。'],
      ['renameFavorite', { id: 'org-1', label: 'Mine' }, '此常用项由你的组织设置，不能重命名。'],
      [
        'updateAddressFavorite',
        { id: 'org-1', protocol: 'sip', dialString: 'x@vc.example.com', label: null },
        '此常用项由你的组织设置，不能编辑。',
      ],
    ] as const) {
      expect(refusal(await h.call(verb, payload)).message).toBe(message);
    }
    // Importing: every reason of the report, and a file refused as a whole.
    const report = await h.ok('importFavorites', {
      json: JSON.stringify({
        format: 'roomcall-favorites',
        version: 1,
        favorites: [
          { kind: 'room', meetingRoomId: '7001', name: 'Everest' },
          { kind: 'mra', protocol: 'sip', dialString: 'DESK@vc.example.com' },
          { kind: 'room', meetingRoomId: '7001' },
          { kind: 'room', meetingRoomId: '7002', label: 'x'.repeat(101) },
          { kind: 'fax' },
          42,
        ],
      }),
    });
    expect(report).toEqual({
      added: 1,
      skipped: [
        { index: 1, reason: '已在常用中。' },
        { index: 2, reason: '与此文件的第 1 项重复。' },
        { index: 3, reason: '名称最多 100 个字符。' },
        { index: 4, reason: 'kind 只能是“room”或“mra”。' },
        { index: 5, reason: '这一项不是 JSON 对象。' },
      ],
      skippedCount: 5,
    });
    expect(refusal(await h.call('importFavorites', { json: '{"favorites": []' }))).toEqual(
      expect.objectContaining({
        kind: 'validation',
        message: '这不是 RoomCall 常用项文件：内容不是有效的 JSON。',
      }),
    );
    expect(
      refusal(
        await h.call('importFavorites', {
          json: '{"format":"roomcall-favorites","version":2,"favorites":[]}',
        }),
      ).message,
    ).toBe('此常用项文件为第 2 版，当前 RoomCall 只能读取第 1 版。请更新 RoomCall 后再导入。');

    // The same in English when the UI is English: the words the CLI uses too.
    await h.ok('updateSettings', { language: 'en' });
    expect(refusal(await h.call('removeFavorite', { id: 'org-1' })).message).toBe(
      'This favourite is set by your organisation and cannot be removed.',
    );
    const again = await h.ok('importFavorites', {
      json: JSON.stringify({
        format: 'roomcall-favorites',
        version: 1,
        favorites: [{ kind: 'room', meetingRoomId: '7001' }],
      }),
    });
    expect(again.skipped.map((skip) => skip.reason)).toEqual(['already in your favourites']);
  });

  it("'system' follows the OS language", async () => {
    h = await startAppHarness(systemLocale('zh-Hans-CN'));
    await h.ok('updateSettings', { language: 'system' });
    expect(refusal(await h.call('setMeeting', { text: 'weekly sync' })).message).toBe(
      '“weekly sync”不是会议号、会议 ID 或入会链接。会议号为 9 位数字（例如 806-146-667）。',
    );
  });

  it('English when the UI is English, whatever the OS language', async () => {
    h = await startAppHarness(systemLocale('zh-CN'));
    await h.ok('updateSettings', { language: 'en' });
    expect(refusal(await h.call('setMeeting', { text: '806-146-66' })).message).toBe(
      "A meeting code has 9 digits; '806-146-66' has 8.",
    );
    expect(
      refusal(
        await h.call('startCall', {
          mra: { protocol: 'sip', dialString: 'vc.example.com', label: null },
        }),
      ).message,
    ).toBe(
      "'vc.example.com' is not a SIP address: it has no user part; use an IP address (e.g. 192.168.1.20) or a SIP URI (e.g. room@vc.example.com).",
    );
  });
});

describe('credentials typed in the Settings window (issue 15 item 4)', () => {
  it.each([
    ['zh-CN', 'SecretId 无效', '可见的 ASCII'],
    ['en', 'SecretId is missing or invalid', 'only visible ASCII characters'],
  ] as const)(
    '%s: a SecretId beyond visible ASCII is a validation error in that language, nothing saved or sent',
    async (language, field, rule) => {
      h = await startAppHarness({ configured: false });
      await h.ok('updateSettings', { language });
      const before = h.sim.requests.length;
      const { credentials } = h.sim;
      for (const secretId of [`${credentials.secretId}ключ`, `${credentials.secretId}\u0085`]) {
        const error = refusal(
          await h.call('saveCredentials', {
            appId: credentials.appId,
            sdkId: null,
            secretId,
            secretKey: credentials.secretKey,
            operatorId: 'tester1',
          }),
        );
        expect(error.kind).toBe('validation');
        expect(error.message).toContain(field);
        expect(error.message).toContain(rule);
        expect(error.message).not.toContain(credentials.secretKey);
      }
      const operator = refusal(
        await h.call('saveCredentials', {
          ...credentials,
          sdkId: null,
          operatorId: '\u202etester1',
        }),
      );
      expect(operator.kind).toBe('validation');
      expect(h.store.profiles()).toEqual([]);
      expect(h.sim.requests.length).toBe(before);
    },
  );
});
