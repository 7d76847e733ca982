import type { Catalog } from '../i18n/locale';

/**
 * The settings window's relay section and the relay's onboarding step (issue 17). Its own
 * catalog beside messages.ts, both languages with the same keys (the type says so).
 */
const en = {
  heading: 'Organisation relay',
  intro:
    'Your organisation’s RoomCall relay holds the Tencent Meeting app’s credentials: this computer only keeps your sign-in to it.',
  url: 'Relay URL',
  urlHelp: 'Leave empty to use Tencent Meeting directly with your own app credentials.',
  urlInvalid: 'Enter an https URL such as https://roomcall-relay.example.com.',
  urlInsecure:
    'Use an https:// address. Plain http is allowed only for this computer (127.0.0.1, ::1, localhost): anywhere else your sign-in would travel in clear text.',
  urlExtra: 'Enter the scheme, host and path only: no query, fragment or user name.',
  save: 'Save relay URL',
  clear: 'Stop using the relay',
  saved: 'Saved',
  lockedNote: 'Set by your organisation',
  signedInAs: (who: string, via: 'oidc' | 'token'): string =>
    via === 'oidc'
      ? `Signed in as ${who} via your organisation’s sign-in`
      : `Signed in as ${who} with a token`,
  signedInVia: (via: 'oidc' | 'token'): string =>
    via === 'oidc' ? 'Signed in via your organisation’s sign-in' : 'Signed in with a token',
  expires: (when: string): string => `Sign-in valid until ${when}`,
  notSignedIn: 'Not signed in. Sign in to invite rooms through the relay.',
  signInBrowser: 'Sign in with browser',
  waiting: 'Waiting for the browser…',
  waitingHelp: 'Finish signing in in the browser window that opened, then come back here.',
  cancel: 'Cancel',
  useToken: 'Use a token instead',
  token: 'Token',
  tokenHelp:
    'A token your IT department issued. It is kept in the system keychain and never shown again.',
  tokenRequired: 'Paste the token.',
  tokenSpaces: 'A token has no spaces or line breaks: copy it again.',
  signInToken: 'Sign in',
  checking: 'Checking…',
  signedIn: 'Signed in.',
  signOut: 'Sign out',
  signedOut: 'Signed out. Your sign-in was removed from the keychain.',
  onboardingStep: 'Sign in',
  onboardingIntro:
    'Your organisation runs RoomCall through its relay. Sign in with your work account to start inviting rooms.',
};

export type RelayMessages = typeof en;

const zh: RelayMessages = {
  heading: '组织中继',
  intro: '你所在组织的 RoomCall 中继保管腾讯会议应用的凭据：本机只保存你登录中继的凭证。',
  url: '中继地址',
  urlHelp: '留空则使用你自己的应用凭据直接连接腾讯会议。',
  urlInvalid: '请输入 https 地址，例如 https://roomcall-relay.example.com。',
  urlInsecure:
    '请使用 https:// 地址。只有本机地址（127.0.0.1、::1、localhost）可以使用 http：其他地址会让你的登录凭证以明文传输。',
  urlExtra: '只需填写协议、主机和路径：不能包含查询参数、片段或用户名。',
  save: '保存中继地址',
  clear: '停止使用中继',
  saved: '已保存',
  lockedNote: '由你的组织设置',
  signedInAs: (who, via) =>
    via === 'oidc' ? `已通过组织统一登录以 ${who} 身份登录` : `已使用令牌以 ${who} 身份登录`,
  signedInVia: (via) => (via === 'oidc' ? '已通过组织统一登录登录' : '已使用令牌登录'),
  expires: (when) => `登录有效期至 ${when}`,
  notSignedIn: '尚未登录。登录后即可通过中继邀请会议室。',
  signInBrowser: '使用浏览器登录',
  waiting: '正在等待浏览器…',
  waitingHelp: '请在打开的浏览器窗口中完成登录，然后回到这里。',
  cancel: '取消',
  useToken: '改用令牌',
  token: '令牌',
  tokenHelp: 'IT 部门发给你的令牌。它保存在系统钥匙串中，之后不会再显示。',
  tokenRequired: '请粘贴令牌。',
  tokenSpaces: '令牌中没有空格或换行：请重新复制。',
  signInToken: '登录',
  checking: '正在验证…',
  signedIn: '已登录。',
  signOut: '退出登录',
  signedOut: '已退出登录，登录凭证已从钥匙串中删除。',
  onboardingStep: '登录',
  onboardingIntro: '你所在的组织通过中继使用 RoomCall。请使用工作账号登录，然后即可邀请会议室。',
};

export const relayMessages: Catalog<RelayMessages> = { en, 'zh-CN': zh };
