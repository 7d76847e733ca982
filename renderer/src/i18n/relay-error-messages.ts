import type { Catalog } from './locale';
import type { RelayProblem } from '../../../main/shared/rules/relay-problem';

/**
 * The words for what the relay, or the sign-in to it, said (IpcError.relay; issue 17), read
 * by lib/error-copy.ts before the error's kind. Both languages with the same keys.
 */
interface Words {
  readonly title: string;
  readonly hint: string;
}

type RelayErrorMessages = Readonly<Record<RelayProblem, Words>>;

const SIGN_IN_AGAIN = 'Sign in to the relay again in Settings.';
const SIGN_IN_AGAIN_ZH = '请在“设置”中重新登录中继。';

const en: RelayErrorMessages = {
  unauthenticated: {
    title: 'The relay does not recognise this sign-in',
    hint: 'Check the token (or sign in with the browser), then try again.',
  },
  'token-expired': { title: 'Your sign-in to the relay has expired', hint: SIGN_IN_AGAIN },
  'token-revoked': {
    title: 'Your sign-in to the relay was revoked by an administrator',
    hint: SIGN_IN_AGAIN,
  },
  forbidden: {
    title: 'Your account may not use the relay',
    hint: 'Ask your IT department to give your account access to RoomCall.',
  },
  'rate-limited': {
    title: 'The relay asked RoomCall to slow down',
    hint: 'Too many requests were sent. Wait a minute, then try again.',
  },
  unreachable: {
    title: 'Could not reach the relay',
    hint: 'Check the network (and the relay URL), then try again.',
  },
  timeout: { title: 'The relay did not answer in time', hint: 'Try again in a moment.' },
  'idp-unavailable': {
    title: 'The relay could not check your sign-in',
    hint: 'Your organisation’s sign-in service did not answer. Try again in a moment; your sign-in is still valid.',
  },
  'not-signed-in': {
    title: 'You are not signed in to your organisation’s relay',
    hint: 'Open Settings and sign in with the browser, or with a token your IT department issued.',
  },
  'sign-in-not-offered': {
    title: 'This relay does not offer browser sign-in',
    hint: 'Use a token your IT department issued instead.',
  },
  'sign-in-bad-config': {
    title: 'The relay’s sign-in settings cannot be used',
    hint: 'Tell your IT department; meanwhile use a token if you have one.',
  },
  'sign-in-idp-unreachable': {
    title: 'Could not reach your organisation’s sign-in service',
    hint: 'Check the network, then try again.',
  },
  'sign-in-browser-failed': {
    title: 'Could not open the browser',
    hint: 'Open your default browser once, then try again, or use a token instead.',
  },
  'sign-in-timeout': {
    title: 'Sign-in was not finished in time',
    hint: 'Start it again and finish signing in in the browser.',
  },
  'sign-in-cancelled': {
    title: 'Sign-in was cancelled',
    hint: 'Start it again when you are ready.',
  },
  'sign-in-denied': {
    title: 'Sign-in was declined',
    hint: 'Sign in again and allow RoomCall, or ask your IT department.',
  },
  'sign-in-idp-refused': {
    title: 'Your organisation’s sign-in service refused the sign-in',
    hint: 'Start it again; if it keeps failing, tell your IT department.',
  },
  'sign-in-again': { title: 'Your sign-in can no longer be renewed', hint: SIGN_IN_AGAIN },
};

const zh: RelayErrorMessages = {
  unauthenticated: {
    title: '中继无法识别此登录凭证',
    hint: '请检查令牌（或使用浏览器登录）后重试。',
  },
  'token-expired': { title: '你的中继登录已过期', hint: SIGN_IN_AGAIN_ZH },
  'token-revoked': { title: '你的中继登录已被管理员撤销', hint: SIGN_IN_AGAIN_ZH },
  forbidden: { title: '你的账号无权使用中继', hint: '请联系 IT 部门为你的账号开通 RoomCall。' },
  'rate-limited': { title: '中继要求 RoomCall 放慢请求', hint: '请求过多。请稍等一分钟后重试。' },
  unreachable: { title: '无法连接中继', hint: '请检查网络（以及中继地址）后重试。' },
  timeout: { title: '中继未及时响应', hint: '请稍后重试。' },
  'idp-unavailable': {
    title: '中继无法验证你的登录',
    hint: '组织的统一登录服务未响应。请稍后重试；你的登录仍然有效。',
  },
  'not-signed-in': {
    title: '你尚未登录组织的中继',
    hint: '请打开“设置”，使用浏览器或 IT 部门发放的令牌登录。',
  },
  'sign-in-not-offered': { title: '此中继不支持浏览器登录', hint: '请改用 IT 部门发放的令牌。' },
  'sign-in-bad-config': {
    title: '中继的登录设置无法使用',
    hint: '请告知 IT 部门；如有令牌，可先使用令牌登录。',
  },
  'sign-in-idp-unreachable': { title: '无法连接组织的统一登录服务', hint: '请检查网络后重试。' },
  'sign-in-browser-failed': {
    title: '无法打开浏览器',
    hint: '请先打开一次默认浏览器后重试，或改用令牌。',
  },
  'sign-in-timeout': {
    title: '登录未在规定时间内完成',
    hint: '请重新开始，并在浏览器中完成登录。',
  },
  'sign-in-cancelled': { title: '登录已取消', hint: '准备好后可重新开始。' },
  'sign-in-denied': { title: '登录被拒绝', hint: '请重新登录并允许 RoomCall，或联系 IT 部门。' },
  'sign-in-idp-refused': {
    title: '组织的统一登录服务拒绝了此次登录',
    hint: '请重新开始；如果仍然失败，请告知 IT 部门。',
  },
  'sign-in-again': { title: '你的登录已无法续期', hint: SIGN_IN_AGAIN_ZH },
};

export const relayErrorMessages: Catalog<RelayErrorMessages> = { en, 'zh-CN': zh };
