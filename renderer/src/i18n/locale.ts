import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import {
  isChineseLocale,
  uiLanguage,
  type LanguageSetting,
  type UiLanguage,
} from '../../../main/shared/rules/language';

/** The languages RoomCall speaks (main's resolver decides which, for both sides). */
export type Locale = UiLanguage;
export type { LanguageSetting };

/** A message table per language; each page passes its own so bundles carry only their words. */
export type Catalog<M> = Readonly<Record<Locale, M>>;

export interface LocaleInfo {
  readonly locale: Locale;
  /** The BCP 47 tag for Intl: the system's own region when it speaks the chosen language. */
  readonly intl: string;
}

export function resolveLocale(language: LanguageSetting, systemLocale: string): LocaleInfo {
  const locale = uiLanguage(language, systemLocale);
  const systemMatches =
    locale === 'zh-CN' ? isChineseLocale(systemLocale) : /^en(?![a-z])/i.test(systemLocale);
  // POSIX spellings ("zh_CN.UTF-8") become BCP 47 ("zh-CN") for Intl.
  const systemTag = (systemLocale.split(/[.@]/)[0] ?? '').replaceAll('_', '-');
  return { locale, intl: systemMatches ? systemTag : locale };
}

/** Before the app state arrives, the browser's language is the best guess. */
export function provisionalLocale(): LocaleInfo {
  return resolveLocale('system', typeof navigator === 'undefined' ? 'en' : navigator.language);
}

export const LocaleContext = createContext<LocaleInfo>({ locale: 'en', intl: 'en' });

export function useLocale(): LocaleInfo {
  return useContext(LocaleContext);
}

export function useMessages<M>(catalog: Catalog<M>): M {
  return catalog[useContext(LocaleContext).locale];
}

/**
 * The language of a sentence main sent, for `lang` on it: the input parsers' and the favourites'
 * messages come in the UI's language (main/core/input/messages.ts,
 * main/core/store/favorite-messages.ts; every Chinese sentence there ends with '。', which their
 * tests check), the rest of main's sentences in English.
 */
export function sentenceLocale(text: string): Locale {
  return /。\s*$/.test(text) ? 'zh-CN' : 'en';
}

/** `lang` for a sentence from main on a page in `page`: none when they are the same. */
export function langOf(text: string, page: Locale): Locale | undefined {
  const locale = sentenceLocale(text);
  return locale === page ? undefined : locale;
}

/** Keeps <html lang> in step so screen readers and CJK font selection follow the language. */
export function applyDocumentLocale(info: LocaleInfo): void {
  document.documentElement.lang = info.locale;
}
