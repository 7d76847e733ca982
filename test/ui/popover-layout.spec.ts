/**
 * The popover at its real size (360x520, POPOVER_SIZE in main/app/electron/windows.ts) with a
 * meeting in progress and ten favourites whose long Chinese names differ only at the room
 * number: at least six rows show whole, every row shows its room number (the name is
 * shortened before the number, never at it), and the status sits under the name instead of
 * taking its width. In both languages and both themes, with a screenshot and axe-core.
 */
import type { Page } from 'playwright/test';
import type { SimPreview } from '../preview/sim-preview';
import { expect, expectNoSeriousA11yIssues, keepScreenshot, test } from './fixtures';
import { simRoomFavorite } from '../helpers/sim-room-ref';

const POPOVER_SIZE = { width: 360, height: 520 };
const NUMBERS = ['1801', '1802', '1803', '1804', '1805', '1806', '1807', '1808', '1809', '1810'];
/** Longer than a row: shortened, they must keep the number (the old rows cut "…18F 180…"). */
const roomName = (number: string) => `深圳市南山区粤海街道腾讯滨海大厦南塔 18F ${number} 大会议室`;

const WORDS = {
  en: {
    favourites: 'Favourites',
    invite: 'Invite',
    live: 'In progress',
    free: 'Available',
    choose: 'Enter a code or paste a link',
    field: 'Meeting code or link',
    use: 'Use',
    startsIn: /^Starts in (29|30) min$/,
  },
  'zh-CN': {
    favourites: '常用',
    invite: '邀请',
    live: '进行中',
    free: '空闲',
    choose: '输入会议号或粘贴链接',
    field: '会议号或会议链接',
    use: '使用',
    startsIn: /^(29|30) 分钟后开始$/,
  },
} as const;

/** The simulator's meeting that starts in 30 minutes (test/sim/data.ts, SIM_TWENTY_DIGIT_MEETING). */
const UPCOMING_CODE = '513270981';

/** Ten favourites on simulator rooms renamed alike; idle and in-use in turn. */
async function addLookalikeFavourites(preview: SimPreview): Promise<void> {
  const sim = preview.sim;
  if (sim === null) throw new Error('these tests run against the simulator');
  for (const [i, number] of NUMBERS.entries()) {
    // Past the eight fixed sample rooms: ordinary rooms, renamed.
    const room = sim.rooms[8 + i];
    if (room === undefined) throw new Error('the simulator has too few rooms');
    room.meeting_room_name = roomName(number);
    room.meeting_room_location = '深圳市-南山区-腾讯滨海大厦-18';
    room.meeting_room_status = i % 2 === 0 ? 2 : 3;
    room.is_allow_call = true;
    await preview.services.favorites.add(simRoomFavorite(room));
  }
}

interface RowFacts {
  readonly name: string;
  /** The whole row inside the popover's scrolling area. */
  readonly whole: boolean;
  /** The room number drawn, not under an ellipsis or outside a clipping box. */
  readonly numberShown: boolean;
  /** The name reaches the row's end (its content box): nothing beside it takes its width. */
  readonly nameToEnd: boolean;
  /** The status word sits below the name, not beside it. */
  readonly statusBelow: boolean;
}

/**
 * Measures every favourite row in the page, as laid out. In-page JavaScript as text: the
 * Node-side test project has no DOM types.
 */
const MEASURE_ROWS = `(() => {
  const area = document.querySelector('.popover-main').getBoundingClientRect();
  return [...document.querySelectorAll('.fav-list > li')].map((row) => {
    const box = row.getBoundingClientRect();
    const button = row.querySelector('button[data-nav="row"]');
    const name = button.title;
    const number = (/18\\d\\d/.exec(name) || [''])[0];
    // Where the number's characters are drawn…
    let numberShown = false;
    const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const at = node.textContent.indexOf(number);
      if (number === '' || at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + number.length);
      const drawn = range.getBoundingClientRect();
      numberShown = drawn.width > 0;
      // …inside every box between it and the row that clips what overflows it (an ellipsis
      // over the number draws it past its box's edge).
      for (let el = node.parentElement; el !== null && el !== row; el = el.parentElement) {
        if (getComputedStyle(el).overflowX === 'visible') continue;
        const clip = el.getBoundingClientRect();
        if (drawn.left < clip.left - 0.5 || drawn.right > clip.right + 0.5) numberShown = false;
      }
    }
    const style = getComputedStyle(row);
    const end = box.right - Number.parseFloat(style.paddingRight) -
      Number.parseFloat(style.borderRightWidth);
    const status = row.querySelector('.badge, .call');
    const nameBox = button.getBoundingClientRect();
    return {
      name,
      whole: box.top >= area.top - 0.5 && box.bottom <= area.bottom + 0.5,
      numberShown,
      nameToEnd: nameBox.right >= end - 1,
      statusBelow: status !== null && status.getBoundingClientRect().top >= nameBox.bottom - 1,
    };
  });
})()`;

function measureRows(page: Page): Promise<RowFacts[]> {
  return page.evaluate<RowFacts[]>(MEASURE_ROWS);
}

for (const language of ['en', 'zh-CN'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${language}, ${scheme}`, () => {
      test.use({ colorScheme: scheme });

      test('popover rows at 360x520 keep the room number and leave the name its width', async ({
        page,
        preview,
      }, testInfo) => {
        const words = WORDS[language];
        await preview.services.settings.update({ language });
        await addLookalikeFavourites(preview);
        await page.setViewportSize(POPOVER_SIZE);
        await page.goto(preview.pageUrl('popover'));

        const list = page.getByRole('list', { name: words.favourites });
        await expect(list.getByRole('listitem')).toHaveCount(NUMBERS.length);
        // The operator's meeting in progress is chosen, and the rooms' statuses are in.
        await expect(page.getByText(words.live, { exact: true })).toBeVisible();
        await expect(list.getByText(words.free, { exact: true }).first()).toBeVisible();

        // The full name is every row's accessible name (and its tooltip).
        for (const number of NUMBERS) {
          await expect(
            list.getByRole('button', { name: `${words.invite} ${roomName(number)}`, exact: true }),
          ).toHaveAttribute('title', roomName(number));
        }

        const rows = await measureRows(page);
        expect(rows.filter((row) => row.whole).length).toBeGreaterThanOrEqual(6);
        for (const row of rows.filter((each) => each.whole)) {
          expect(row.numberShown, `${row.name}: its room number shows`).toBe(true);
          expect(row.statusBelow, `${row.name}: the status is under the name`).toBe(true);
          expect(row.nameToEnd, `${row.name}: the name has the row's width`).toBe(true);
        }

        await keepScreenshot(page, testInfo, `popover-layout-${language}-${scheme}`);
        await expectNoSeriousA11yIssues(page, `popover layout, ${language}, ${scheme}`);
      });
    });
  }
}

for (const language of ['en', 'zh-CN'] as const) {
  test(`popover without a meeting, then with an upcoming one (${language})`, async ({
    page,
    preview,
  }, testInfo) => {
    const words = WORDS[language];
    await preview.services.settings.update({ language });
    // The operator's meeting in progress has ended: nothing to follow.
    for (const meeting of preview.sim?.meetings ?? []) {
      if (meeting.status === 'MEETING_STATE_STARTED') meeting.status = 'MEETING_STATE_ENDED';
    }
    await addLookalikeFavourites(preview);
    await page.setViewportSize(POPOVER_SIZE);
    await page.goto(preview.pageUrl('popover'));

    const list = page.getByRole('list', { name: words.favourites });
    const first = list.getByRole('button', {
      name: `${words.invite} ${roomName(NUMBERS[0] ?? '')}`,
      exact: true,
    });
    await expect(first).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByRole('button', { name: words.choose })).toBeVisible();
    await keepScreenshot(page, testInfo, `popover-no-meeting-${language}`);
    await expectNoSeriousA11yIssues(page, `popover without a meeting, ${language}`);

    // A row's click opens the one action's field; a code of the upcoming meeting goes in.
    // (force: Playwright waits for an aria-disabled control to be enabled; a person clicks it.)
    await first.click({ force: true });
    const field = page.getByRole('textbox', { name: words.field });
    await expect(field).toBeFocused();
    await field.fill(UPCOMING_CODE);
    await page.getByRole('button', { name: words.use, exact: true }).click();
    await expect(page.getByText(words.startsIn)).toBeVisible();
    await expect(first).not.toHaveAttribute('aria-disabled', 'true');
    expect((await measureRows(page)).filter((row) => row.whole).length).toBeGreaterThanOrEqual(6);
    await keepScreenshot(page, testInfo, `popover-upcoming-${language}`);
    await expectNoSeriousA11yIssues(page, `popover with an upcoming meeting, ${language}`);
  });
}
