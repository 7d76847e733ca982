/**
 * The languages RoomCall speaks, and how the 'system' language setting picks one. Main (tray,
 * notifications, the messages it sends the windows) and the windows resolve the setting with
 * this one function, so they never disagree. Pure, so the renderer imports it too.
 */

export type UiLanguage = 'en' | 'zh-CN';

/** The language setting as stored (settings.language). */
export type LanguageSetting = 'system' | UiLanguage;

/**
 * A Chinese OS locale, in BCP 47 or POSIX spelling: "zh", "zh-CN", "zh-Hans-CN", "zh_TW",
 * "zh_CN.UTF-8"… ("zh" followed by anything but a letter).
 */
export function isChineseLocale(tag: string): boolean {
  return /^zh(?![a-z])/i.test(tag);
}

/**
 * The language the UI speaks: the setting, or for 'system' the OS language (its
 * `systemLocale`): any Chinese becomes zh-CN (Traditional Chinese gets Simplified for now),
 * anything else English.
 */
export function uiLanguage(setting: LanguageSetting, systemLocale: string): UiLanguage {
  if (setting !== 'system') return setting;
  return isChineseLocale(systemLocale) ? 'zh-CN' : 'en';
}
