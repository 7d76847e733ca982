import { describe, expect, it } from 'vitest';
import {
  e164Digits,
  parseCallTarget,
  parseH323DialString,
  parseRoomId,
} from '../../main/core/input/dial-string';

/**
 * Issue 14 item 8: the address form (and the CLI, same parser) takes an E.164 number as people
 * write and paste it, and sends the digits; room IDs are decimal strings like the API's.
 */
describe('E.164 numbers written for people', () => {
  it.each([
    ['+86 10 1234 5678', '+861012345678'],
    ['+86-10-1234-5678', '+861012345678'],
    ['(010) 1234-5678', '01012345678'],
    ['+86 (10) 1234.5678', '+861012345678'],
    ['＋８６－１０－１２３４－５６７８', '+861012345678'],
    ['＋８６\u3000１０\u3000１２３４\u3000５６７８', '+861012345678'],
    ['+86\u201310\u20131234\u20135678', '+861012345678'],
    ['８６１０１２３４５６７８', '861012345678'],
    ['  +86 10 1234 5678\u00a0', '+861012345678'],
    ['＋８６ 10－1234 (5678)', '+861012345678'],
  ])('accepts %j as %j', (typed, sent) => {
    expect(parseH323DialString(typed)).toEqual({ ok: true, value: sent });
    expect(parseCallTarget({ h323: typed })).toEqual({
      ok: true,
      value: { kind: 'mra', protocol: 'h323', dialString: sent },
    });
  });

  it('leaves what needs no change, and IPv4 addresses, alone', () => {
    expect(e164Digits('+861012345678')).toBeNull();
    expect(e164Digits('10.0.0.1')).toBeNull();
    expect(e164Digits('１０.０.０.１')).toBeNull();
    expect(e164Digits('gk 1')).toBeNull();
    expect(e164Digits('+86 +10')).toBeNull();
    expect(parseH323DialString('10.0.0.1')).toEqual({ ok: true, value: '10.0.0.1' });
  });

  it('still counts the digits: at most 15, in both languages', () => {
    expect(parseH323DialString('+86 10 1234 5678 9012')).toEqual({
      ok: false,
      message:
        "'+86 10 1234 5678 9012' is not an H.323 address: an E.164 number has at most 15 digits; this one has 16.",
    });
    expect(parseH323DialString('＋８６ １０ １２３４ ５６７８ ９０１２', 'zh-CN')).toEqual({
      ok: false,
      message:
        '“＋８６ １０ １２３４ ５６７８ ９０１２”不是有效的 H.323 地址：E.164 号码最多 15 位，当前有 16 位。',
    });
  });

  it('refuses a plus sign inside the number and letters among the digits', () => {
    expect(parseH323DialString('86 +10 1234').ok).toBe(false);
    expect(parseH323DialString('+86 10 CALL').ok).toBe(false);
  });
});

describe('room IDs are decimal strings', () => {
  it('accepts digits, trimmed, and keeps all 19 of them', () => {
    expect(parseRoomId(' 1234567890123456789 ')).toEqual({
      ok: true,
      value: '1234567890123456789',
    });
  });

  it.each([
    ['abc', "A meeting room ID has digits only (e.g. 1234567890123456789); 'abc' contains 'a'."],
    [
      '12-34',
      "A meeting room ID has digits only (e.g. 1234567890123456789); '12-34' contains '-'.",
    ],
    ['room 1', "A meeting room ID cannot contain spaces: 'room 1'."],
  ])('refuses %j', (typed, message) => {
    expect(parseRoomId(typed)).toEqual({ ok: false, message });
  });

  it('says so in Chinese', () => {
    expect(parseRoomId('abc', 'zh-CN')).toEqual({
      ok: false,
      message: '会议室 ID 只能包含数字（例如 1234567890123456789），“abc”包含字符“a”。',
    });
  });
});
