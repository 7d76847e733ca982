import { parse as losslessParse } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import {
  JsonInteger,
  encodeMeetingId,
  parseJsonLossless,
  parseNumberToken,
  stringifyBody,
} from '../../main/core/wemeet/json';

const ID19 = '9007199254740993123'; // > 2^53: JSON.parse would round it
const ID20 = '18446744073709551615';

describe('parseJsonLossless', () => {
  it('keeps every digit of 19- and 20-digit bare integers', () => {
    const text = `{"meeting_info_list":[{"meeting_id":${ID19}},{"meeting_id":${ID20}}]}`;
    expect(JSON.parse(text)).not.toEqual({
      meeting_info_list: [{ meeting_id: ID19 }, { meeting_id: ID20 }],
    });
    expect(parseJsonLossless(text)).toEqual({
      meeting_info_list: [{ meeting_id: ID19 }, { meeting_id: ID20 }],
    });
  });

  it('keeps quoted IDs as they are', () => {
    expect(parseJsonLossless(`{"meeting_id":"${ID20}","n":1}`)).toEqual({
      meeting_id: ID20,
      n: 1,
    });
  });

  it('gives safe integers and non-integers as numbers', () => {
    expect(
      parseJsonLossless(
        '{"a":9007199254740991,"b":-9007199254740991,"c":1.5,"d":1e3,"e":0,"x":12345678901234567}',
      ),
    ).toEqual({
      a: 9007199254740991,
      b: -9007199254740991,
      c: 1.5,
      d: 1000,
      e: 0,
      x: '12345678901234567',
    });
  });

  it('finds big integers anywhere a number can start', () => {
    expect(parseJsonLossless(ID20)).toBe(ID20);
    expect(parseJsonLossless(` \n ${ID19}`)).toBe(ID19);
    expect(parseJsonLossless(`[1, ${ID19},\n-${ID20}]`)).toEqual([1, ID19, `-${ID20}`]);
    expect(parseJsonLossless(`{"a" :\t${ID19}}`)).toEqual({ a: ID19 });
  });

  it('agrees with JSON.parse when nothing is big, repeated keys included', () => {
    const text = '{"a":1,"a":2,"s":"x:1234567890123456789","l":[true,null,"é"]}';
    expect(parseJsonLossless(text)).toEqual(JSON.parse(text));
    const big = `{"a":1,"a":${ID19}}`;
    expect(parseJsonLossless(big)).toEqual({ a: ID19 });
  });

  it('keeps numbers up to 2^53 - 1 and digit strings beyond, at the boundary', () => {
    expect(parseJsonLossless('[9007199254740991,-9007199254740991,1234567890123456]')).toEqual([
      9007199254740991, -9007199254740991, 1234567890123456,
    ]);
    expect(parseJsonLossless('{"n":9007199254740992}')).toEqual({ n: '9007199254740992' });
    expect(parseJsonLossless('{"n":-9007199254740992}')).toEqual({ n: '-9007199254740992' });
    // Non-integers and exponents keep JSON.parse's reading, even when long or large.
    const floats = '[1.5,0.12345678901234567890,1e300]';
    expect(parseJsonLossless(floats)).toEqual(JSON.parse(floats));
  });

  it('agrees with a lossless parse of the whole text, over generated bodies', () => {
    // Seeded, so a failure repeats: integers of every length around 2^53, nested anywhere.
    let seed = 20261202;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const digits = (length: number): string =>
      String(1 + Math.floor(random() * 9)) +
      Array.from({ length: length - 1 }, () => String(Math.floor(random() * 10))).join('');
    const value = (depth: number): string => {
      const pick = random();
      if (depth > 2 || pick < 0.4)
        return (random() < 0.2 ? '-' : '') + digits(1 + Math.floor(random() * 20));
      if (pick < 0.5) return JSON.stringify(digits(19));
      if (pick < 0.6) return random() < 0.5 ? 'null' : '1.25';
      if (pick < 0.8) return `[${Array.from({ length: 3 }, () => value(depth + 1)).join(',')}]`;
      return `{${Array.from({ length: 3 }, (_, i) => `"k${String(i)}":${value(depth + 1)}`).join(',')}}`;
    };
    for (let i = 0; i < 500; i++) {
      const text = value(0);
      const reference = losslessParse(text, null, (token: string) => parseNumberToken(token));
      expect(parseJsonLossless(text), text).toEqual(reference);
    }
  });

  it('throws on malformed JSON, on both paths', () => {
    expect(() => parseJsonLossless('{"a":')).toThrow(SyntaxError);
    expect(() => parseJsonLossless(`{"a":${ID19}`)).toThrow(SyntaxError);
    expect(() => parseJsonLossless('<html>')).toThrow(SyntaxError);
  });
});

describe('parseNumberToken', () => {
  it.each([
    ['9007199254740991', 9007199254740991],
    ['9007199254740992', '9007199254740992'],
    [ID19, ID19],
    ['-' + ID20, '-' + ID20],
    ['12345678901234567890.5', Number('12345678901234567890.5')],
    ['1e25', 1e25],
  ])('%s → %o', (token, expected) => {
    expect(parseNumberToken(token)).toBe(expected);
  });
});

describe('stringifyBody', () => {
  it('writes strings, numbers, booleans, null, arrays and nested objects in order', () => {
    expect(
      stringifyBody({
        z: 'a"b\\c\n',
        a: 1,
        t: true,
        n: null,
        l: [1, 'x', { k: false }],
        skip: undefined,
      }),
    ).toBe('{"z":"a\\"b\\\\c\\n","a":1,"t":true,"n":null,"l":[1,"x",{"k":false}]}');
  });

  it('matches JSON.stringify for ordinary values', () => {
    const value = { operator_id: 'tester1', operator_id_type: 1, name: '会议室 "A"', f: 0.25 };
    expect(stringifyBody(value)).toBe(JSON.stringify(value));
  });

  it('refuses numbers that would lose digits or not be JSON', () => {
    expect(() => stringifyBody({ id: 2 ** 53 })).toThrow(RangeError);
    expect(() => stringifyBody({ x: Number.NaN })).toThrow(RangeError);
    expect(() => stringifyBody({ x: Infinity })).toThrow(RangeError);
  });

  it('writes a JsonInteger as its bare digits', () => {
    expect(stringifyBody({ meeting_id: new JsonInteger(ID20) })).toBe(`{"meeting_id":${ID20}}`);
  });
});

describe('JsonInteger', () => {
  it.each(['', '01', '1.5', '1e3', '12a', ' 1', '1,2', '"1"', '--1'])('refuses %o', (digits) => {
    expect(() => new JsonInteger(digits)).toThrow(RangeError);
  });

  it('accepts 0 and negatives', () => {
    expect(new JsonInteger('0').digits).toBe('0');
    expect(new JsonInteger('-5').digits).toBe('-5');
  });
});

describe('encodeMeetingId', () => {
  it.each([ID19, ID20])('round-trips %s in both encodings', (id) => {
    const asString = stringifyBody({ meeting_id: encodeMeetingId(id, 'string') });
    const asNumber = stringifyBody({ meeting_id: encodeMeetingId(id, 'number') });
    expect(asString).toBe(`{"meeting_id":"${id}"}`);
    expect(asNumber).toBe(`{"meeting_id":${id}}`);
    expect(parseJsonLossless(asString)).toEqual({ meeting_id: id });
    expect(parseJsonLossless(asNumber)).toEqual({ meeting_id: id });
  });

  it('refuses a non-integer as a bare number', () => {
    expect(() => encodeMeetingId('12,3', 'number')).toThrow(RangeError);
  });
});
