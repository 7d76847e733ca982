/**
 * Every message of the favourites (the store, favorites.ts, and the app's favourites service)
 * in each language of the UI: one catalog per language, the same entries in both (the type
 * says so). Like the input parsers' messages (../input/messages.ts), English is the default:
 * the CLI and the managed configuration's report pass nothing; the app passes the UI's
 * language for whatever goes to a window.
 *
 * English keeps its exact words, some of them clauses the CLI builds into its own sentences
 * ("--label: a label must be text."; "entry 2 (room '1'): already in your favourites").
 * Only windows show the Chinese ones, so each is a whole sentence ending with '。' (the
 * renderer's `sentenceLocale` tells a Chinese sentence by it), except the three `entry…`
 * names. Pure: no Node.
 */
import type { InputLanguage } from '../input/messages';
import { quote, shorten } from '../input/text';

export type FavoriteProtocol = 'sip' | 'h323';
export type RoomTextField = 'name' | 'location';
/** What an organisation's favourite cannot be. */
export type ManagedChange = 'removed' | 'moved' | 'renamed' | 'edited';
/** Why a file to import is not JSON (safe-json.ts's problems). */
export type FileProblem = 'not-json' | 'not-utf8' | 'too-deep';

/** A size limit in MB for a message ("2"), to one decimal at most. */
const megabytes = (bytes: number): string => String(Math.round((bytes / 1024 / 1024) * 10) / 10);

const PROTOCOL = { sip: 'SIP', h323: 'H.323' } as const;
const ROOM_TEXT_EN = { name: 'name', location: 'location' } as const;
const FILE_PROBLEM_EN = {
  'not-json': 'it is not valid JSON',
  'not-utf8': 'it is not UTF-8 text',
  'too-deep': 'it is nested too deeply',
} as const;

/** "SIP 'room@host'": how an address is named in an English message. */
const addressEn = (protocol: FavoriteProtocol, dialString: string): string =>
  `${PROTOCOL[protocol]} ${quote(dialString)}`;

const en = {
  // ── one favourite's fields ──
  labelNotText: 'a label must be text',
  labelControl: 'a label cannot contain control characters',
  labelBidi: 'a label cannot contain text-direction control characters (U+202E and the like)',
  labelTooLong: (max: number) => `a label has at most ${max} characters`,
  roomTextNotText: (field: RoomTextField) => `the room's ${ROOM_TEXT_EN[field]} must be text`,
  roomTextTooLong: (field: RoomTextField, max: number) =>
    `the room's ${ROOM_TEXT_EN[field]} has at most ${max} characters`,
  notObject: 'not an object',
  kindInvalid: "kind must be 'room' or 'mra'",
  protocolInvalid: "protocol must be 'sip' or 'h323'",

  // ── how a report names an entry (the CLI's import report): names, not sentences ──
  entryRoom: (id: string) => `room ${quote(id)}`,
  entryAddress: addressEn,
  entryUnknown: 'an entry',

  // ── an import file as a whole ──
  fileTooLarge: (maxBytes: number) =>
    `This file is larger than ${megabytes(maxBytes)} MB: not a favourites file (500 favourites take about 1 MB).`,
  fileNotReadable: (problem: FileProblem) =>
    `This is not a RoomCall favourites file: ${FILE_PROBLEM_EN[problem]}.`,
  importNotObject: 'This is not a RoomCall favourites file (not a JSON object).',
  importWrongFormat: (format: string) =>
    `This is not a RoomCall favourites file (its "format" is not "${format}").`,
  importNewerVersion: (version: number, supported: number) =>
    `This favourites file is version ${version}; this RoomCall reads version ${supported}. Update RoomCall to import it.`,
  importNoVersion: 'This favourites file has no valid "version".',
  importNoList: 'This favourites file has no "favorites" list.',
  importTooManyEntries: (count: number, max: number) =>
    `This favourites file lists ${count} entries; RoomCall imports at most ${max} from one file. Nothing was imported.`,

  // ── why an import skipped an entry ──
  skipExisting: 'already in your favourites',
  skipRepeated: (position: number) => `the same as entry ${position} of this file`,
  skipFull: (max: number) => `favourites are full (at most ${max})`,

  // ── changes to the list ──
  full: (max: number) => `Favourites are full (at most ${max}).`,
  notFound: (id: string) => `There is no favourite with id ${quote(id)}.`,
  outOfRange: (position: number, count: number) =>
    `Position ${position} is not between 1 and ${count}.`,
  roomNotAddress: (name: string) =>
    `${quote(name)} is a room, not an address: only its label can be changed.`,
  addressTaken: (protocol: FavoriteProtocol, dialString: string, name: string) =>
    `${addressEn(protocol, dialString)} is already in your favourites as ${quote(name)}.`,

  // ── the app's favourites service ──
  noLongerExists: 'That favourite no longer exists.',
  managedRefused: (change: ManagedChange) =>
    `This favourite is set by your organisation and cannot be ${change}.`,
};

export type FavoriteMessages = Readonly<typeof en>;

// ── 简体中文 ──
// The picker's words: a favourite is a 常用项 (“常用” for the list), its label the 名称
// shown in the tray. Full-width punctuation; a space between Chinese and Latin letters or
// digits; names and input in “”; technical tokens (SIP, H.323, ID, JSON, UTF-8, the file's
// field names) as written.

/** Text in Chinese quotes, shortened like the English `quote`. */
const q = (text: string): string => `“${shorten(text)}”`;

const ROOM_TEXT_ZH = { name: '名称', location: '位置' } as const;
const FILE_PROBLEM_ZH = {
  'not-json': '内容不是有效的 JSON',
  'not-utf8': '内容不是 UTF-8 文本',
  'too-deep': '内容嵌套层级过深',
} as const;
const CHANGE_ZH = { removed: '移除', moved: '移动', renamed: '重命名', edited: '编辑' } as const;

const addressZh = (protocol: FavoriteProtocol, dialString: string): string =>
  `${PROTOCOL[protocol]} 地址${q(dialString)}`;

const zhCN: FavoriteMessages = {
  labelNotText: '名称必须是文本。',
  labelControl: '名称不能包含控制字符。',
  labelBidi: '名称不能包含文字方向控制字符（如 U+202E）。',
  labelTooLong: (max) => `名称最多 ${max} 个字符。`,
  roomTextNotText: (field) => `会议室${ROOM_TEXT_ZH[field]}必须是文本。`,
  roomTextTooLong: (field, max) => `会议室${ROOM_TEXT_ZH[field]}最多 ${max} 个字符。`,
  notObject: '这一项不是 JSON 对象。',
  kindInvalid: 'kind 只能是“room”或“mra”。',
  protocolInvalid: 'protocol 只能是“sip”或“h323”。',

  entryRoom: (id: string) => `会议室${q(id)}`,
  entryAddress: addressZh,
  entryUnknown: '一项',

  fileTooLarge: (maxBytes) =>
    `此文件超过 ${megabytes(maxBytes)} MB，不是常用项文件（500 个常用项约 1 MB）。`,
  fileNotReadable: (problem) => `这不是 RoomCall 常用项文件：${FILE_PROBLEM_ZH[problem]}。`,
  importNotObject: '这不是 RoomCall 常用项文件（内容不是 JSON 对象）。',
  importWrongFormat: (format) => `这不是 RoomCall 常用项文件（“format”不是“${format}”）。`,
  importNewerVersion: (version, supported) =>
    `此常用项文件为第 ${version} 版，当前 RoomCall 只能读取第 ${supported} 版。请更新 RoomCall 后再导入。`,
  importNoVersion: '此常用项文件缺少有效的“version”。',
  importNoList: '此常用项文件缺少“favorites”列表。',
  importTooManyEntries: (count, max) =>
    `此常用项文件列出了 ${count} 项，一个文件最多导入 ${max} 项。未导入任何内容。`,

  skipExisting: '已在常用中。',
  skipRepeated: (position) => `与此文件的第 ${position} 项重复。`,
  skipFull: (max) => `常用项已满（最多 ${max} 个）。`,

  full: (max) => `常用项已满（最多 ${max} 个）。`,
  notFound: (id) => `没有 ID 为${q(id)}的常用项。`,
  outOfRange: (position, count) => `位置 ${position} 不在 1 到 ${count} 之间。`,
  roomNotAddress: (name) => `${q(name)}是会议室，不是地址，只能修改名称。`,
  addressTaken: (protocol, dialString, name) =>
    `${addressZh(protocol, dialString)}已在常用中，名称为${q(name)}。`,

  noLongerExists: '该常用项已不存在。',
  managedRefused: (change) => `此常用项由你的组织设置，不能${CHANGE_ZH[change]}。`,
};

export const favoriteMessages: Readonly<Record<InputLanguage, FavoriteMessages>> = {
  en,
  'zh-CN': zhCN,
};
