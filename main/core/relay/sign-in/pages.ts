/**
 * The pages the loopback redirect answers the browser with: a few lines in English and
 * Simplified Chinese (the browser tab is outside the app, so both at once rather than a guess
 * at the person's language), no scripts, no external resources, light and dark.
 */
export type CallbackPage = 'signed-in' | 'failed' | 'denied' | 'wrong-state' | 'used';

const TEXT: Readonly<Record<CallbackPage, { en: [string, string]; zh: [string, string] }>> = {
  'signed-in': {
    en: ['Signed in to RoomCall', 'You can close this tab and go back to RoomCall.'],
    zh: ['已登录 RoomCall', '可以关闭此标签页，返回 RoomCall。'],
  },
  failed: {
    en: [
      'Sign-in did not complete',
      'RoomCall could not finish signing you in. Go back to RoomCall for details and try again.',
    ],
    zh: ['登录未完成', 'RoomCall 未能完成登录。请返回 RoomCall 查看原因并重试。'],
  },
  denied: {
    en: [
      'Sign-in was declined',
      'The identity provider did not allow this sign-in. Go back to RoomCall to try again.',
    ],
    zh: ['登录被拒绝', '身份提供方未允许此次登录。请返回 RoomCall 重试。'],
  },
  'wrong-state': {
    en: [
      'This sign-in link is not RoomCall’s current one',
      'Nothing was signed in. If you started a sign-in in RoomCall, finish it in the tab RoomCall opened.',
    ],
    zh: [
      '此登录链接不是 RoomCall 当前发起的',
      '未进行任何登录。如果你在 RoomCall 中发起了登录，请在 RoomCall 打开的标签页中完成。',
    ],
  },
  used: {
    en: ['This sign-in has already finished', 'You can close this tab.'],
    zh: ['此次登录已经结束', '可以关闭此标签页。'],
  },
};

export function callbackPage(page: CallbackPage): string {
  const { en, zh } = TEXT[page];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta name="color-scheme" content="light dark"><title>RoomCall</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}h1{font-size:1.4rem}</style>
</head><body><main>
<h1>${en[0]}</h1><p>${en[1]}</p>
<h2 lang="zh-CN">${zh[0]}</h2><p lang="zh-CN">${zh[1]}</p>
</main></body></html>`;
}
