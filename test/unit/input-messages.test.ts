import { describe, expect, it } from 'vitest';
import { domainProblem } from '../../main/core/input/address';
import {
  parseCallTarget,
  parseH323DialString,
  parseRoomId,
  parseSipDialString,
  type CallTargetInput,
} from '../../main/core/input/dial-string';
import { parseMeetingRef } from '../../main/core/input/meeting-ref';
import {
  inputMessages,
  type InputLanguage,
  type InputMessages,
} from '../../main/core/input/messages';
import type { Result } from '../../main/core/result';

/**
 * Every failure the input parsers can give, in both languages: the Chinese one exists, is
 * not the English one, and is Chinese throughout (the typed input and technical tokens
 * aside). Every entry of the Chinese catalog must be reached by one of these cases.
 */

// Which catalog entries the Chinese messages below used: each entry becomes a getter that
// notes the read (this file has its own copy of the module).
const used = new Set<string>();
const zhCatalog = inputMessages['zh-CN'];
for (const key of Object.keys(zhCatalog) as (keyof InputMessages)[]) {
  const value = zhCatalog[key];
  Object.defineProperty(zhCatalog, key, {
    get: () => {
      used.add(key);
      return value;
    },
  });
}

const message = (result: Result<unknown>): string => {
  if (result.ok) throw new Error('expected a failure');
  return result.message;
};

type Case = readonly [name: string, produce: (lang: InputLanguage) => string | null];

const sip = (input: string): Case => [
  `SIP ${JSON.stringify(input)}`,
  (lang) => message(parseSipDialString(input, lang)),
];
const h323 = (input: string): Case => [
  `H.323 ${JSON.stringify(input)}`,
  (lang) => message(parseH323DialString(input, lang)),
];
const room = (input: string): Case => [
  `room ${JSON.stringify(input)}`,
  (lang) => message(parseRoomId(input, lang)),
];
const target = (input: CallTargetInput): Case => [
  `target ${JSON.stringify(input)}`,
  (lang) => message(parseCallTarget(input, lang)),
];
const meeting = (input: string): Case => [
  `meeting ${JSON.stringify(input)}`,
  (lang) => message(parseMeetingRef(input, lang)),
];

/** Full sentences, as a window shows them. */
const sentences: readonly Case[] = [
  sip(''),
  sip('vc.example.com'),
  sip('sip:vc.example.com'),
  sip('1001'),
  sip('sip:'),
  sip('sip://room@host'),
  sip('room@host;transport=tls'),
  sip('room@host?subject=x'),
  sip('user:pw@host'),
  sip('@host'),
  sip('room@'),
  sip('a@b@host'),
  sip('a%zz@host'),
  sip('a<b>@host'),
  sip('room@2001:db8::1'),
  sip('room@[2001:db8::1'),
  sip('[::1]x'),
  sip('[::1]:0'),
  sip('room@host:99999'),
  sip(':5060'),
  sip('a_b'),
  sip('192.168.01.5'),
  sip('256.1.1.1'),
  sip('1.2.3'),
  sip('1..2.3'),
  sip('1.2.3.4444'),
  sip('room@a..b'),
  sip('room@-bad.example'),
  sip('room@bad_host.example'),
  sip('room@1001'),
  sip(`room@${'a'.repeat(64)}.example`),
  sip('1:2:3'),
  sip('fe80::1%eth0'),
  sip('1::2::3'),
  sip('room @host'),
  sip('röom@host'),
  sip('room@host\u0000'),
  sip(`a@${'b'.repeat(260)}`),
  h323(''),
  h323('1234567890123456'),
  h323('+86 10 1234 5678 9012'),
  h323('1001@192.168.1.1'),
  h323('192.168.1.20:1720'),
  h323('[2001:db8::1]'),
  h323('gk.example.com'),
  h323('999.1.1.1'),
  h323('１０.０.０.１'),
  h323('gk 1'),
  h323('1'.repeat(256)),
  room(''),
  room('r'.repeat(129)),
  room('room 1'),
  room('salle-é'),
  room('r\u0001'),
  target({}),
  target({ room: '1', sip: '1.2.3.4' }),
  target({ room: '1', sip: '1.2.3.4', h323: '1' }),
  target({ sip: 'room@' }),
  meeting(''),
  meeting('80614666'),
  meeting('806-146-6670'),
  meeting('123456789012345678901'),
  meeting('80614x667'),
  meeting('806\u0001146667'),
  meeting('weekly sync'),
  meeting('1234567890'),
  meeting('123456789012345678'),
  meeting('https://meeting.tencent.com/dm/'),
  [
    'a join link none of the operator meetings has',
    (lang) => inputMessages[lang].joinLinkNotFound('https://meeting.tencent.com/dm/AbCdEf12'),
  ],
  meeting('https://meeting.tencent.com/p/8061466670'),
  meeting('https://meeting.tencent.com/s/80614666'),
  meeting('https://meeting.tencent.com/l/abc?code=12345'),
  meeting('https://meeting.tencent.com/s/806146667?code=123456789'),
  meeting('ftp://example.com/806146667'),
  meeting('https://'),
];

/** What no parser input reaches, from the catalog or the address checks themselves. */
const clauses: readonly Case[] = [
  // A SIP host after "user@" has at most 253 characters within the 255 allowed.
  ['host name over 253 characters', (lang) => domainProblem('a'.repeat(254), lang)],
  // A 9-digit path segment is always a code; the path wording is there should that change.
  [
    'a path segment that is not a code',
    (lang) => inputMessages[lang].linkValueNotCode(null, '8061466'),
  ],
];

/** English words that only an untranslated sentence would hold. */
const ENGLISH =
  /\b(a|an|the|is|are|not|and|or|of|in|to|from|with|without|has|have|at|most|only|use|write|enter|choose|paste|remove|cannot|contain|follows|before|nothing|valid|accepted|address|number|digits?|characters?|meeting|code|link|part|this|one|e\.g)\b/i;

/**
 * The Chinese text with what is rightly left as written taken out: the input in “”, and
 * technical tokens (anything with '@' or '://', bracketed IPv6, a query key with '=').
 */
function prose(text: string): string {
  return text
    .replace(/“[^”]*”/g, ' ')
    .replace(/\S*@\S*/g, ' ')
    .replace(/[a-z]+:\/\//gi, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[a-z_]+=/gi, ' ');
}

function expectChinese(zh: string, en: string): void {
  expect(zh.length).toBeGreaterThan(0);
  expect(zh).not.toBe(en);
  expect(zh).toMatch(/\p{Script=Han}/u);
  const rest = prose(zh);
  expect(rest, zh).not.toMatch(ENGLISH);
  // Full-width punctuation in Chinese sentences: no ASCII comma, semicolon or stop in prose.
  expect(rest, zh).not.toMatch(/[,;]|\.(\s|$)|:\s/);
  // The English message's numbers (counts, limits, the compact E.164 form) are all there.
  for (const figure of en.match(/\+?\d+/g) ?? []) expect(zh).toContain(figure);
}

describe('input messages in Chinese', () => {
  it('both catalogs have the same entries', () => {
    expect(Object.keys(inputMessages['zh-CN']).sort()).toEqual(
      Object.keys(inputMessages.en).sort(),
    );
  });

  it.each(sentences)('%s: a Chinese sentence, as precise as the English one', (_name, produce) => {
    const en = produce('en');
    const zh = produce('zh-CN');
    if (en === null || zh === null) throw new Error('expected a failure');
    expectChinese(zh, en);
    expect(zh).toMatch(/。$/);
    // English stays the default, for the CLI and the schemas.
    expect(en).toMatch(/\.$/);
  });

  it.each(clauses)('%s: a Chinese clause', (_name, produce) => {
    const en = produce('en');
    const zh = produce('zh-CN');
    if (en === null || zh === null) throw new Error('expected a failure');
    expectChinese(zh, en);
  });

  it('quotes the input, names the character, gives the digits to dial', () => {
    expect(message(parseSipDialString('röom@host', 'zh-CN'))).toBe(
      'SIP 地址不能包含字符“ö”：“röom@host”。',
    );
    expect(message(parseSipDialString('room@host\u0000', 'zh-CN'))).toBe(
      'SIP 地址不能包含字符 U+0000：“room@host\u0000”。',
    );
    expect(message(parseH323DialString('(010) 1234-5678 9012 3', 'zh-CN'))).toBe(
      '“(010) 1234-5678 9012 3”不是有效的 H.323 地址：E.164 号码最多 15 位，当前有 16 位。',
    );
    expect(message(parseSipDialString('room@host:99999', 'zh-CN'))).toBe(
      '“room@host:99999”不是有效的 SIP 地址：端口“99999”不是 1 到 65535 之间的数字。',
    );
    expect(message(parseMeetingRef('806-146-6670', 'zh-CN'))).toBe(
      '会议号为 9 位数字，“806-146-6670”有 10 位。',
    );
    expect(message(parseCallTarget({ room: '1', sip: '1.2.3.4', h323: '1' }, 'zh-CN'))).toBe(
      '一次只能呼叫一个对象，不能同时指定会议室、SIP 地址和 H.323 地址。',
    );
    // A long paste is shortened the same way in both languages.
    expect(message(parseMeetingRef('x'.repeat(200), 'zh-CN'))).toContain(`“${'x'.repeat(47)}…”`);
  });

  it('every entry of the Chinese catalog was reached above', () => {
    expect(Object.keys(zhCatalog).filter((key) => !used.has(key))).toEqual([]);
  });
});
