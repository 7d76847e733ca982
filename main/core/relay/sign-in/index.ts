/** Browser sign-in to a relay (OIDC authorisation code + PKCE with a loopback redirect). */
export {
  signInWithBrowser,
  type SignInTokens,
  type SignInWithBrowserOptions,
} from './browser-sign-in';
export { refreshSignIn, type RefreshSignInOptions } from './refresh';
export { SignInError, type SignInFailure } from './errors';
export { LOOPBACK_CALLBACK_PATH } from './loopback';
