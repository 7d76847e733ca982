import { describe, expect, it } from 'vitest';
import { isChineseLocale, uiLanguage } from '../../main/shared/rules/language';

describe('uiLanguage', () => {
  it('keeps an explicit choice whatever the OS speaks', () => {
    expect(uiLanguage('en', 'zh-CN')).toBe('en');
    expect(uiLanguage('zh-CN', 'en-US')).toBe('zh-CN');
  });

  it('follows the OS for "system": any Chinese is zh-CN, anything else English', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans-CN', 'zh-TW', 'zh_HK', 'ZH-cn', 'zh_CN.UTF-8']) {
      expect(uiLanguage('system', tag), tag).toBe('zh-CN');
    }
    for (const tag of ['en-US', 'en', 'fr-FR', 'ja-JP', '', 'zha', 'C']) {
      expect(uiLanguage('system', tag), tag).toBe('en');
    }
  });
});

describe('isChineseLocale', () => {
  it('reads "zh" as a whole subtag, in BCP 47 and POSIX spellings', () => {
    expect(isChineseLocale('zh@pinyin')).toBe(true);
    expect(isChineseLocale('zhx')).toBe(false);
    expect(isChineseLocale('en-zh')).toBe(false);
  });
});
