/**
 * Every screen in both languages and both themes: a screenshot kept under
 * test-results/screens/, and axe-core finding no serious or critical violation.
 */
import type { Page, TestInfo } from 'playwright/test';
import {
  addRoomFavorites,
  expect,
  expectNoSeriousA11yIssues,
  keepScreenshot,
  open,
  SIM_ROOMS,
  test,
} from './fixtures';

const LANGUAGES = ['en', 'zh-CN'] as const;
const SCHEMES = ['light', 'dark'] as const;

type Language = (typeof LANGUAGES)[number];

/** The words a screen is recognised by, per language. */
const WORDS = {
  en: {
    favourites: 'Favourites',
    rooms: 'Rooms',
    searchRooms: 'Search rooms',
    favouritesTab: /Favourites/,
    address: 'Address',
    addAddress: 'Add a SIP or H.323 address',
    /** What the address form says about 'vc.example.com' (the core's parser, in the page). */
    noUserPart: "'vc.example.com' is not a SIP address: it has no user part;",
    settings: 'RoomCall Settings',
    test: 'Test connection',
    connected: 'Connected',
    setup: 'Set up RoomCall',
    invite: (name: string) => `Invite ${name}`,
  },
  'zh-CN': {
    favourites: '常用',
    rooms: '会议室',
    searchRooms: '搜索会议室',
    favouritesTab: /常用/,
    address: '地址',
    addAddress: '添加 SIP 或 H.323 地址',
    noUserPart: '“vc.example.com”不是有效的 SIP 地址：缺少用户部分，',
    settings: 'RoomCall 设置',
    test: '测试连接',
    connected: '连接成功',
    setup: '设置 RoomCall',
    invite: (name: string) => `邀请 ${name}`,
  },
} as const;

async function check(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await keepScreenshot(page, testInfo, name);
  await expectNoSeriousA11yIssues(page, name);
}

for (const language of LANGUAGES) {
  for (const scheme of SCHEMES) {
    const tag = `${language}-${scheme}`;

    test.describe(`${language}, ${scheme}`, () => {
      test.use({
        colorScheme: scheme,
        previewOptions: { sim: { callTiming: { ringMs: 30_000 } } },
      });

      test('popover, picker and settings', async ({ page, preview }, testInfo) => {
        // Four windows, each screenshot and axe-checked: ~20 s on an idle 2-core machine, so
        // the default 30 s leaves too little room when the machine is shared.
        test.slow();
        const words = WORDS[language];
        await preview.services.settings.update({ language });
        await addRoomFavorites(preview, [
          SIM_ROOMS.accepted.index,
          SIM_ROOMS.rejected.index,
          SIM_ROOMS.notCallable.index,
          SIM_ROOMS.boardroom.index,
        ]);
        await preview.services.favorites.add({
          kind: 'mra',
          protocol: 'sip',
          dialString: 'boardroom@vc.example.com',
          label: 'Boardroom codec',
        });

        await open(page, preview, 'popover');
        const list = page.getByRole('list', { name: words.favourites });
        const ringing = list.getByRole('button', {
          name: words.invite(SIM_ROOMS.accepted.name),
          exact: true,
        });
        await ringing.click();
        await expect(page.locator('.call-active')).toBeVisible();
        await check(page, testInfo, `popover-${tag}`);

        await open(page, preview, 'picker');
        await expect(
          page.getByRole('list', { name: words.rooms }).getByRole('listitem').first(),
        ).toBeVisible();
        await check(page, testInfo, `picker-rooms-${tag}`);
        await page.getByRole('tab', { name: words.favouritesTab }).click();
        const form = page.getByRole('form', { name: words.addAddress });
        await form.getByRole('textbox', { name: words.address }).fill('vc.example.com');
        await expect(form.getByText(words.noUserPart)).toBeVisible();
        await check(page, testInfo, `picker-favourites-${tag}`);

        await open(page, preview, 'settings');
        await expect(page.getByRole('heading', { name: words.settings })).toBeVisible();
        await page.getByRole('button', { name: words.test }).click();
        await expect(page.getByText(words.connected, { exact: true })).toBeVisible();
        await check(page, testInfo, `settings-${tag}`);
      });
    });

    test.describe(`${language}, ${scheme}, first run`, () => {
      test.use({
        colorScheme: scheme,
        previewOptions: { configured: false, locale: language === 'zh-CN' ? 'zh-CN' : 'en-US' },
      });

      test('onboarding and the unconfigured popover', async ({ page, preview }, testInfo) => {
        const words = WORDS[language satisfies Language];
        await open(page, preview, 'settings');
        await expect(page.getByRole('heading', { name: words.setup })).toBeVisible();
        await check(page, testInfo, `onboarding-${tag}`);
        await open(page, preview, 'popover');
        await expect(page.getByRole('heading', { name: words.setup })).toBeVisible();
        await check(page, testInfo, `popover-setup-${tag}`);
      });
    });
  }
}
