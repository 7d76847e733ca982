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
          mra: { protocol: 'h323', dialString: '(010) 1234-5678', label: null },
        }),
      ),
    ).toEqual(
      expect.objectContaining({
        kind: 'validation',
        message:
          '“(010) 1234-5678”不是有效的 H.323 地址：E.164 号码只能包含数字，开头可加“+”（应为 01012345678）。',
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
    const { favorite } = await h.ok<{ favorite: { id: string } }>('addFavorite', {
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
    const report = await h.ok<{ skipped: { index: number; reason: string }[] }>('importFavorites', {
      json: JSON.stringify({
        format: 'roomcall-favorites',
        version: 1,
        favorites: [{ kind: 'room', meetingRoomId: '' }],
      }),
    });
    expect(report.skipped).toEqual([{ index: 0, reason: '请输入会议室 ID。' }]);
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
