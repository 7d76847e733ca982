/**
 * Every message the input parsers give, in each language of the UI: one catalog per language,
 * the same keys in both (the type says so). The parsers take an optional language, English by
 * default (the CLI); the windows pass the UI's language.
 *
 * Clauses (lower case, no final stop in English) are the parts the parsers combine into a
 * sentence: "'x' is not a SIP address: <clause>." / "“x”不是有效的 SIP 地址：<clause>。".
 * Pure: no Node, so the renderer can import it with the parsers.
 */
import { describeChar, quote, shorten } from './text';
import type { UiLanguage } from '../../shared/rules/language';

/** The languages the messages are written in: the UI's languages. */
export type InputLanguage = UiLanguage;

export type DialProtocolName = 'sip' | 'h323';
export type TargetField = 'room' | 'sip' | 'h323';

const SIP_FORMS = 'an IP address (e.g. 192.168.1.20) or a SIP URI (e.g. room@vc.example.com)';
const H323_FORMS = 'an IP address (e.g. 192.168.1.20) or an E.164 number (e.g. +861012345678)';
const IPV4_EXAMPLE = 'e.g. 192.168.1.20';
const CODE_EXAMPLE = 'e.g. 806-146-667';
const ID_EXAMPLE = 'e.g. 7567173273889276131';
const PASTE_CODE = `paste the 9-digit meeting code instead (${CODE_EXAMPLE}), shown in the meeting's invitation and info panel`;
const PROTOCOL = { sip: 'SIP', h323: 'H.323' } as const;
const A_DIAL = { sip: 'A SIP address', h323: 'An H.323 address' } as const;
const TARGETS_EN = { room: 'a meeting room', sip: 'a SIP address', h323: 'an H.323 address' };

const en = {
  // ── address.ts: clauses ──
  ipv4PartCount: (text: string, parts: number) =>
    `an IPv4 address has 4 numbers separated by dots (${IPV4_EXAMPLE}); '${text}' has ${parts}`,
  ipv4EmptyPart: (text: string) => `'${text}' has an empty part between dots`,
  ipv4NotNumber: (part: string, text: string) =>
    `'${part}' in '${text}' is not a number from 0 to 255`,
  ipv4Above255: (part: string, text: string) => `${part} in '${text}' is above 255`,
  ipv4LeadingZero: (part: string, text: string) => `'${part}' in '${text}' has a leading zero`,
  ipv6Invalid: (text: string) => `'${text}' is not a valid IPv6 address`,
  ipv6ZoneId: (text: string) =>
    `'${text}' is not a valid IPv6 address: zone IDs ('%…') are not accepted`,
  ipv6DoubleColon: (text: string) =>
    `'${text}' is not a valid IPv6 address: '::' may appear only once`,
  hostTooLong: 'the host name is longer than 253 characters',
  hostNotHostOrIp: (text: string) => `'${text}' is neither a host name nor an IP address`,
  hostEmptyPart: (text: string) => `the host name '${text}' has an empty part between dots`,
  hostLabelTooLong: (start: string) => `'${start}…' in the host name is longer than 63 characters`,
  hostContains: (text: string, char: string) => `the host name '${text}' contains '${char}'`,
  hostLabelHyphen: (label: string) => `'${label}' in the host name starts or ends with '-'`,
  portInvalid: (text: string) => `the port '${text}' is not a number from 1 to 65535`,

  // ── dial-string.ts ──
  enterDialString: (protocol: DialProtocolName): string =>
    protocol === 'sip'
      ? `Enter a SIP address: ${SIP_FORMS}.`
      : `Enter an H.323 address: ${H323_FORMS}.`,
  notDialString: (protocol: DialProtocolName, text: string, clause: string) =>
    `${quote(text)} is not ${protocol === 'sip' ? 'a SIP' : 'an H.323'} address: ${clause}.`,
  dialTooLong: (protocol: DialProtocolName, max: number, length: number) =>
    `${A_DIAL[protocol]} has at most ${max} characters; this one has ${length}.`,
  dialSpaces: (protocol: DialProtocolName, text: string) =>
    `${A_DIAL[protocol]} cannot contain spaces: ${quote(text)}.`,
  dialChar: (protocol: DialProtocolName, char: string, text: string) =>
    `${A_DIAL[protocol]} cannot contain ${describeChar(char)}: ${quote(text)}.`,
  // SIP clauses
  nothingAfterScheme: (scheme: string) => `nothing follows '${scheme}'`,
  noSlashes: `write sip:user@host, without '//'`,
  noUriParameters: `URI parameters (';…') are not accepted; remove them`,
  noUriHeaders: `URI headers ('?…') are not accepted; remove them`,
  numberAlone: (number: string) =>
    `a number alone is not a SIP address; write it as ${number}@your-sip-domain`,
  noUserPart: (hasScheme: boolean) =>
    `${hasScheme ? 'the URI' : 'it'} has no user part; use ${SIP_FORMS}`,
  severalAts: `it contains more than one '@'`,
  nothingAfterAt: `nothing follows '@'`,
  nothingBeforeAt: `nothing comes before '@'`,
  noPassword: 'a password (user:password@host) is not accepted',
  badEscape: `'%' in the user part must start an escape like %40`,
  userChar: (char: string) => `the user part cannot contain ${describeChar(char)}`,
  unmatchedBracket: `'[' has no matching ']'`,
  afterBracket: (after: string) => `'${after}' follows ']'`,
  bracketIpv6: (text: string) => `put an IPv6 address in brackets: [${text}]`,
  noHostBeforeColon: `there is no host before ':'`,
  useSipForms: `use ${SIP_FORMS}`,
  // H.323 clauses
  e164TooLong: (max: number, digits: number) =>
    `an E.164 number has at most ${max} digits; this one has ${digits}`,
  h323NoNameAtHost: `use ${H323_FORMS}, not name@host; to reach a device behind a gateway, call it over SIP`,
  h323NoBrackets: 'write an IPv6 address without brackets (and without a port)',
  h323NoPort: (host: string) => `H.323 takes no port; use ${host}`,
  useH323Forms: `use ${H323_FORMS}`,
  // room IDs and call targets
  enterRoomId: 'Enter a meeting room ID.',
  roomIdTooLong: (max: number, length: number) =>
    `A meeting room ID has at most ${max} characters; this one has ${length}.`,
  roomIdSpaces: (text: string) => `A meeting room ID cannot contain spaces: ${quote(text)}.`,
  roomIdChar: (char: string, text: string) =>
    `A meeting room ID has digits only (e.g. 1234567890123456789); ${quote(text)} contains ${describeChar(char)}.`,
  chooseTarget: 'Choose what to call: a meeting room, a SIP address or an H.323 address.',
  chooseOneTarget: (given: readonly TargetField[]) =>
    `Choose one thing to call, not ${given.map((field) => TARGETS_EN[field]).join(' and ')}.`,

  // ── meeting-ref.ts ──
  enterMeeting: `Enter a meeting code (9 digits, ${CODE_EXAMPLE}), a meeting ID or a join link.`,
  meetingNotDigit: (text: string, char: string) =>
    `${quote(text)} is not a meeting code or meeting ID: ${describeChar(char)} is not a digit.`,
  meetingNotRecognised: (text: string) =>
    `${quote(text)} is not a meeting code, a meeting ID or a join link. A meeting code has 9 digits (${CODE_EXAMPLE}).`,
  codeDigitCount: (text: string, digits: number) =>
    `A meeting code has 9 digits; ${quote(text)} has ${digits}.`,
  codeOrIdDigitCount: (text: string, digits: number) =>
    `${quote(text)} has ${digits} digits: a meeting code has 9 (${CODE_EXAMPLE}) and a meeting ID 19 or 20 (${ID_EXAMPLE}).`,
  invalidLink: (text: string) => `${quote(text)} is not a valid link.`,
  notJoinLink: (text: string) =>
    `${quote(text)} is not a Tencent Meeting join link: links start with https:// or wemeet://.`,
  /** `param` is the query key with '=' ("code="), or null for a path segment. */
  linkValueNotCode: (param: string | null, value: string) =>
    `The link's ${param ?? 'path'} value ${quote(value)} is not a 9-digit meeting code; ${PASTE_CODE}.`,
  twoCodes: (first: string, second: string) =>
    `The link carries two different meeting codes (${first} and ${second}); paste the one you mean.`,
  shortLinkWithoutToken: (text: string) =>
    `${quote(text)} is not a whole join link (…/dm/ then one token, e.g. https://meeting.tencent.com/dm/AbCd1234); copy the whole link, or ${PASTE_CODE}.`,
  /** Not a parser's: a join link none of the operator's meetings has (join-link.ts). */
  joinLinkNotFound: (link: string) =>
    `The join link ${quote(link)} is not the link of any in-progress or upcoming meeting of the account's user (only those can be looked up); ${PASTE_CODE}, or the invitation's link that carries the code (…?meeting_code=…).`,
  personalLink: `Personal meeting links (…/p/…) carry a personal meeting number, not the meeting code; ${PASTE_CODE}.`,
  linkWithoutCode: (text: string) =>
    `The link ${quote(text)} carries no meeting code; ${PASTE_CODE}.`,
};

export type InputMessages = Readonly<typeof en>;

// ── 简体中文 ──
// Full-width punctuation; a space between Chinese and Latin letters or digits; typed input
// in “”; technical tokens (SIP, H.323, E.164, IPv4, examples) as they are written.

/** What the person typed, in Chinese quotes, shortened like the English `quote`. */
const q = (text: string): string => `“${shorten(text)}”`;

/** A character after 字符/包含: “x” when printable, else its code point (after a space). */
const zhChar = (char: string): string => {
  const described = describeChar(char);
  return described.startsWith("'") ? `“${char}”` : ` ${described}`;
};

const SIP_FORMS_ZH = 'IP 地址（例如 192.168.1.20）或 SIP URI（例如 room@vc.example.com）';
const H323_FORMS_ZH = 'IP 地址（例如 192.168.1.20）或 E.164 号码（例如 +861012345678）';
const PASTE_CODE_ZH = '请改为粘贴 9 位会议号（例如 806-146-667），可在会议邀请或会议详情中找到';
const TARGETS_ZH = { room: '会议室', sip: 'SIP 地址', h323: 'H.323 地址' };

const zhCN: InputMessages = {
  ipv4PartCount: (text, parts) =>
    `IPv4 地址由 4 个数字以点分隔组成（例如 192.168.1.20），“${text}”有 ${parts} 个`,
  ipv4EmptyPart: (text) => `“${text}”的两个点之间缺少数字`,
  ipv4NotNumber: (part, text) => `“${text}”中的“${part}”不是 0 到 255 之间的数字`,
  ipv4Above255: (part, text) => `“${text}”中的 ${part} 大于 255`,
  ipv4LeadingZero: (part, text) => `“${text}”中的“${part}”不能以 0 开头`,
  ipv6Invalid: (text) => `“${text}”不是有效的 IPv6 地址`,
  ipv6ZoneId: (text) => `“${text}”不是有效的 IPv6 地址，不支持区域 ID（“%…”）`,
  ipv6DoubleColon: (text) => `“${text}”不是有效的 IPv6 地址，“::”只能出现一次`,
  hostTooLong: '主机名超过 253 个字符',
  hostNotHostOrIp: (text) => `“${text}”既不是主机名，也不是 IP 地址`,
  hostEmptyPart: (text) => `主机名“${text}”的两个点之间缺少内容`,
  hostLabelTooLong: (start: string) => `主机名中的“${start}…”超过 63 个字符`,
  hostContains: (text, char) => `主机名“${text}”中不能有“${char}”`,
  hostLabelHyphen: (label) => `主机名中的“${label}”不能以“-”开头或结尾`,
  portInvalid: (text) => `端口“${text}”不是 1 到 65535 之间的数字`,

  enterDialString: (protocol) =>
    `请输入 ${PROTOCOL[protocol]} 地址：${protocol === 'sip' ? SIP_FORMS_ZH : H323_FORMS_ZH}。`,
  notDialString: (protocol, text, clause) =>
    `${q(text)}不是有效的 ${PROTOCOL[protocol]} 地址：${clause}。`,
  dialTooLong: (protocol, max, length) =>
    `${PROTOCOL[protocol]} 地址最多 ${max} 个字符，当前有 ${length} 个。`,
  dialSpaces: (protocol, text) => `${PROTOCOL[protocol]} 地址不能包含空格：${q(text)}。`,
  dialChar: (protocol, char, text) =>
    `${PROTOCOL[protocol]} 地址不能包含字符${zhChar(char)}：${q(text)}。`,
  nothingAfterScheme: (scheme) => `“${scheme}”后面缺少内容`,
  noSlashes: '请写成 sip:user@host，不要加“//”',
  noUriParameters: '不支持 URI 参数（“;…”），请删除',
  noUriHeaders: '不支持 URI 头部（“?…”），请删除',
  numberAlone: (number) => `单独的号码不是 SIP 地址，请写成“${number}@SIP 域名”的形式`,
  noUserPart: (hasScheme) => `${hasScheme ? 'URI ' : ''}缺少用户部分，请使用 ${SIP_FORMS_ZH}`,
  severalAts: '包含多个“@”',
  nothingAfterAt: '“@”后面缺少内容',
  nothingBeforeAt: '“@”前面缺少内容',
  noPassword: '不支持带密码的写法（user:password@host）',
  badEscape: '用户部分中的“%”只能用于转义，例如 %40',
  userChar: (char) => `用户部分不能包含字符${zhChar(char)}`,
  unmatchedBracket: '“[”缺少对应的“]”',
  afterBracket: (after) => `“]”后面多了“${after}”`,
  bracketIpv6: (text) => `IPv6 地址要放在方括号里，写成 [${text}]`,
  noHostBeforeColon: '“:”前面缺少主机',
  useSipForms: `请使用 ${SIP_FORMS_ZH}`,
  e164TooLong: (max, digits) => `E.164 号码最多 ${max} 位，当前有 ${digits} 位`,
  h323NoNameAtHost: `请使用 ${H323_FORMS_ZH}，不支持 name@host；要呼叫网关后的设备，请改用 SIP`,
  h323NoBrackets: 'IPv6 地址不要加方括号（也不要带端口）',
  h323NoPort: (host) => `H.323 不支持端口，请使用 ${host}`,
  useH323Forms: `请使用 ${H323_FORMS_ZH}`,
  enterRoomId: '请输入会议室 ID。',
  roomIdTooLong: (max, length) => `会议室 ID 最多 ${max} 个字符，当前有 ${length} 个。`,
  roomIdSpaces: (text) => `会议室 ID 不能包含空格：${q(text)}。`,
  roomIdChar: (char, text) =>
    `会议室 ID 只能包含数字（例如 1234567890123456789），${q(text)}包含字符${zhChar(char)}。`,
  chooseTarget: '请选择要呼叫的对象：会议室、SIP 地址或 H.323 地址。',
  chooseOneTarget: (given) => {
    const names = given.map((field) => TARGETS_ZH[field]);
    const last = names.pop() ?? '';
    // A space between Chinese and Latin letters: “会议室和 SIP 地址”.
    return `一次只能呼叫一个对象，不能同时指定${names.join('、')}和${/^[a-z]/i.test(last) ? ' ' : ''}${last}。`;
  },

  enterMeeting: '请输入会议号（9 位数字，例如 806-146-667）、会议 ID 或入会链接。',
  meetingNotDigit: (text, char) => `${q(text)}不是会议号或会议 ID：包含非数字字符${zhChar(char)}。`,
  meetingNotRecognised: (text) =>
    `${q(text)}不是会议号、会议 ID 或入会链接。会议号为 9 位数字（例如 806-146-667）。`,
  codeDigitCount: (text, digits) => `会议号为 9 位数字，${q(text)}有 ${digits} 位。`,
  codeOrIdDigitCount: (text, digits) =>
    `${q(text)}有 ${digits} 位数字：会议号为 9 位（例如 806-146-667），会议 ID 为 19 或 20 位（例如 7567173273889276131）。`,
  invalidLink: (text) => `${q(text)}不是有效的链接。`,
  notJoinLink: (text) => `${q(text)}不是腾讯会议入会链接：入会链接以 https:// 或 wemeet:// 开头。`,
  linkValueNotCode: (param, value) =>
    `${param === null ? '链接路径中的' : `链接中 ${param} 的值`}${q(value)}不是 9 位会议号；${PASTE_CODE_ZH}。`,
  twoCodes: (first, second) =>
    `链接中有两个不同的会议号（${first} 和 ${second}），请粘贴你要用的那个。`,
  shortLinkWithoutToken: (text) =>
    `${q(text)}不是完整的入会链接（/dm/ 之后应为一段标识，例如“https://meeting.tencent.com/dm/AbCd1234”）；请复制完整的链接，或${PASTE_CODE_ZH.replace(/^请/, '')}。`,
  joinLinkNotFound: (link) =>
    `入会链接${q(link)}不属于当前账号用户任何进行中或即将开始的会议（只能查询这些会议）；${PASTE_CODE_ZH}，或粘贴邀请中带有会议号（meeting_code=）的链接。`,
  personalLink: `个人会议室链接（…/p/…）包含的是个人会议号，不是会议号；${PASTE_CODE_ZH}。`,
  linkWithoutCode: (text) => `链接${q(text)}中没有会议号；${PASTE_CODE_ZH}。`,
};

export const inputMessages: Readonly<Record<InputLanguage, InputMessages>> = {
  en,
  'zh-CN': zhCN,
};
