import { isChineseLocale } from '../../../main/shared/rules/language';
import { useMessages } from '../i18n/locale';
import { LockedNote } from './locked-note';
import { settingsMessages } from './messages';
import type { Settings } from '../../../main/shared/model/settings-schema';

type Language = Settings['language'];
const LANGUAGES: readonly Language[] = ['system', 'zh-CN', 'en'];

/** Each language is named in itself, so a person can find theirs whatever is showing. */
const ENDONYMS: Readonly<Record<Exclude<Language, 'system'>, string>> = {
  'zh-CN': '简体中文',
  en: 'English',
};

interface Props {
  readonly settings: Settings;
  readonly locked: ReadonlySet<string>;
  readonly systemLocale: string;
  readonly update: (patch: Partial<Settings>) => Promise<boolean>;
}

export function LanguageSection({ settings, locked, systemLocale, update }: Props) {
  const m = useMessages(settingsMessages);
  const isLocked = locked.has('language');
  const systemName = isChineseLocale(systemLocale) ? ENDONYMS['zh-CN'] : ENDONYMS.en;
  return (
    <section class="card" aria-labelledby="language-heading">
      <h2 class="card-title" id="language-heading">
        {m.language.heading}
      </h2>
      <div class="setting-row">
        <label class="visually-hidden" for="language">
          {m.language.label}
        </label>
        <select
          id="language"
          class="select"
          value={settings.language}
          disabled={isLocked}
          aria-describedby={isLocked ? 'language-locked' : undefined}
          onChange={(event) => {
            const value = LANGUAGES.find((language) => language === event.currentTarget.value);
            if (value !== undefined) void update({ language: value });
          }}
        >
          {LANGUAGES.map((language) => (
            <option
              key={language}
              value={language}
              lang={language === 'system' ? undefined : language}
            >
              {language === 'system' ? m.language.system(systemName) : ENDONYMS[language]}
            </option>
          ))}
        </select>
        {isLocked && <LockedNote id="language-locked" />}
      </div>
    </section>
  );
}
