import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { parseRoomId } from '../../../main/core/input/dial-string';
import { favoriteMessages } from '../../../main/core/store/favorite-messages';
import { PickerApp } from '../../../renderer/src/picker/picker-app';
import type { FakeBridge, FakeWorld } from '../fake-bridge';
import { settle, waitFor, withBridge, withRealBridge } from '../setup';

/** The picker's address form, with the picker in the language `edit` sets. */
async function addressForm(
  edit: (world: FakeWorld) => void,
  answer: (fake: FakeBridge) => void = () => undefined,
) {
  answer(withBridge(edit));
  render(<PickerApp />);
  await settle();
  await settle();
  fireEvent.click(screen.getByRole('tab', { name: /常用/ }));
  const panel = screen.getByRole('tabpanel', { name: /常用/ });
  await settle();
  const form = within(panel).getByRole('form', { name: '添加 SIP 或 H.323 地址' });
  const type = (text: string) => {
    fireEvent.input(within(form).getByRole('textbox', { name: '地址' }), {
      target: { value: text },
    });
  };
  return { panel, form, type };
}

/** The same form over the real app over the simulator, its language saved as Chinese. */
async function realChineseAddressForm() {
  const real = await withRealBridge({ rooms: 8 });
  await real.harness.ok('updateSettings', { language: 'zh-CN' });
  render(<PickerApp />);
  fireEvent.click(await screen.findByRole('tab', { name: /常用/ }));
  const panel = screen.getByRole('tabpanel', { name: /常用/ });
  const form = await within(panel).findByRole('form', { name: '添加 SIP 或 H.323 地址' });
  const type = (text: string) => {
    fireEvent.input(within(form).getByRole('textbox', { name: '地址' }), {
      target: { value: text },
    });
  };
  return { panel, form, type };
}

/** The check line under the address field (the help line is the other description). */
function checkLine(form: HTMLElement): HTMLElement {
  const check = form.querySelector<HTMLElement>('.field-check');
  if (check === null) throw new Error('no check line');
  return check;
}

describe('address form in Chinese', () => {
  it("says what is wrong with an address in Chinese, in the page's language", async () => {
    const { form, type } = await realChineseAddressForm();
    type('vc.example.com');
    await waitFor(() => {
      expect(checkLine(form).textContent).toBe(
        '“vc.example.com”不是有效的 SIP 地址：缺少用户部分，请使用 IP 地址（例如 192.168.1.20）或 SIP URI（例如 room@vc.example.com）。',
      );
    });
    // Chinese text in a Chinese page: nothing marks it as another language.
    expect(checkLine(form).querySelector('[lang]')).toBeNull();
    expect(document.documentElement.lang).toBe('zh-CN');

    type('room@host:99999');
    expect(checkLine(form).textContent).toBe(
      '“room@host:99999”不是有效的 SIP 地址：端口“99999”不是 1 到 65535 之间的数字。',
    );
  });

  it('says the digits it will save for an H.323 number written with spaces', async () => {
    const { form, type } = await realChineseAddressForm();
    fireEvent.click(within(form).getByRole('radio', { name: 'H.323' }));
    type('+86 10 1234 5678');
    await waitFor(() => {
      expect(checkLine(form).textContent).toBe('H.323 地址有效：将保存为 +861012345678');
    });
    type('+861012345678');
    expect(checkLine(form).textContent).toBe('H.323 地址有效');
  });

  // The harness's app reports a fixed system locale (en-US).
  it("follows the system's language when the setting is 'system'", async () => {
    const { form, type } = await addressForm((world) => {
      world.settings.settings.language = 'system';
      world.appState.systemLocale = 'zh-Hans-CN';
    });
    type('1001');
    await waitFor(() => {
      expect(checkLine(form).textContent).toBe(
        '“1001”不是有效的 SIP 地址：单独的号码不是 SIP 地址，请写成“1001@SIP 域名”的形式。',
      );
    });
  });

  // Reasons in both languages in one answer: main words a whole import in one language.
  it('marks only the import reasons that are not Chinese as English', async () => {
    const parsed = parseRoomId(' ', 'zh-CN');
    if (parsed.ok) throw new Error('expected a refusal');
    const { panel } = await addressForm(
      (world) => {
        world.settings.settings.language = 'zh-CN';
      },
      (fake) => {
        fake.respond('importFavorites', () => ({
          ok: true,
          data: {
            added: 0,
            skipped: [
              { index: 0, reason: parsed.message },
              // The favourites' own reasons, as main sends them to a Chinese or an English UI.
              { index: 1, reason: favoriteMessages['zh-CN'].skipRepeated(1) },
              { index: 2, reason: favoriteMessages.en.skipExisting },
            ],
          },
        }));
      },
    );
    const input = panel.querySelector('input[type="file"]');
    if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
    const file = new File(['{}'], 'favorites.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    await waitFor(() => {
      expect(within(panel).getByText('请输入会议室 ID。')).toBeTruthy();
    });
    expect(within(panel).getByText('请输入会议室 ID。').getAttribute('lang')).toBeNull();
    // The entry and its reason joined with the full-width colon of a Chinese page.
    expect(within(panel).getByText('请输入会议室 ID。').closest('li')?.textContent).toBe(
      '第 1 项：请输入会议室 ID。',
    );
    expect(within(panel).getByText('与此文件的第 1 项重复。').getAttribute('lang')).toBeNull();
    expect(within(panel).getByText('already in your favourites').getAttribute('lang')).toBe('en');
  });
});
