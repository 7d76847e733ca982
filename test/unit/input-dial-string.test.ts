import { isIPv6 } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ipv6Problem } from '../../main/core/input/address';
import {
  parseCallTarget,
  parseH323DialString,
  parseRoomId,
  parseSipDialString,
} from '../../main/core/input/dial-string';

const SIP_FORMS = 'an IP address (e.g. 192.168.1.20) or a SIP URI (e.g. room@vc.example.com)';
const H323_FORMS = 'an IP address (e.g. 192.168.1.20) or an E.164 number (e.g. +861012345678)';

describe('parseSipDialString', () => {
  it.each([
    '192.168.1.20',
    '192.168.1.20:5061',
    '0.0.0.0',
    '255.255.255.255:65535',
    '2001:db8::20',
    '::1',
    '::ffff:192.0.2.1',
    '[2001:db8::20]',
    '[2001:db8::20]:5061',
    'room@vc.example.com',
    'room@vc.example.com:5061',
    'sip:room@vc.example.com',
    'sips:room@vc.example.com',
    'SIP:Room.42@VC.Example.com',
    'sip:192.168.1.20',
    'sip:192.168.1.20:5060',
    '1001@192.168.1.20',
    '+861012345678@sip.example.cn',
    'room@[2001:db8::1]:5060',
    'a%40b@pbx',
    "first.last-1_(x)!~*'&=+$,@host-1.example",
  ])('accepts %j as typed', (input) => {
    expect(parseSipDialString(input)).toEqual({ ok: true, value: input });
  });

  it('trims, and keeps the sip: prefix', () => {
    expect(parseSipDialString('  sip:room@vc.example.com \t')).toEqual({
      ok: true,
      value: 'sip:room@vc.example.com',
    });
  });

  const not = (input: string, problem: string): [string, string] => [
    input,
    `'${input}' is not a SIP address: ${problem}.`,
  ];

  it.each<[string, string]>([
    ['', `Enter a SIP address: ${SIP_FORMS}.`],
    ['   ', `Enter a SIP address: ${SIP_FORMS}.`],
    not('vc.example.com', `it has no user part; use ${SIP_FORMS}`),
    not('vc.example.com:5060', `it has no user part; use ${SIP_FORMS}`),
    not('sip:vc.example.com', `the URI has no user part; use ${SIP_FORMS}`),
    not('1001', 'a number alone is not a SIP address; write it as 1001@your-sip-domain'),
    not('sip:', "nothing follows 'sip:'"),
    not('sip://room@host', "write sip:user@host, without '//'"),
    not('room@host;transport=tls', "URI parameters (';…') are not accepted; remove them"),
    not('room@host?subject=x', "URI headers ('?…') are not accepted; remove them"),
    not('user:pw@host', 'a password (user:password@host) is not accepted'),
    not('@host', "nothing comes before '@'"),
    not('room@', "nothing follows '@'"),
    not('a@b@host', "it contains more than one '@'"),
    not('a%zz@host', "'%' in the user part must start an escape like %40"),
    not('a<b>@host', "the user part cannot contain '<'"),
    not('room@2001:db8::1', 'put an IPv6 address in brackets: [2001:db8::1]'),
    not('room@[2001:db8::1', "'[' has no matching ']'"),
    not('[::1]x', "'x' follows ']'"),
    not('[::1]:0', "the port '0' is not a number from 1 to 65535"),
    not('room@host:99999', "the port '99999' is not a number from 1 to 65535"),
    not('room@host:', "the port '' is not a number from 1 to 65535"),
    not('192.168.1.20:sip', "the port 'sip' is not a number from 1 to 65535"),
    not('192.168.01.5', "'01' in '192.168.01.5' has a leading zero"),
    not('256.1.1.1', "256 in '256.1.1.1' is above 255"),
    not(
      '1.2.3',
      "an IPv4 address has 4 numbers separated by dots (e.g. 192.168.1.20); '1.2.3' has 3",
    ),
    not('1..2.3', "'1..2.3' has an empty part between dots"),
    not('room@a..b', "the host name 'a..b' has an empty part between dots"),
    not('room@-bad.example', "'-bad' in the host name starts or ends with '-'"),
    not('room@bad_host.example', "the host name 'bad_host.example' contains '_'"),
    not('room@1001', "'1001' is neither a host name nor an IP address"),
    not('1:2:3', "'1:2:3' is not a valid IPv6 address"),
    not(
      'fe80::1%eth0',
      "'fe80::1%eth0' is not a valid IPv6 address: zone IDs ('%…') are not accepted",
    ),
    not('1::2::3', "'1::2::3' is not a valid IPv6 address: '::' may appear only once"),
    ['room @host', "A SIP address cannot contain spaces: 'room @host'."],
    ['röom@host', "A SIP address cannot contain 'ö': 'röom@host'."],
    ['room@host\u0000', "A SIP address cannot contain U+0000: 'room@host\u0000'."],
    [`a@${'b'.repeat(260)}`, 'A SIP address has at most 255 characters; this one has 262.'],
  ])('refuses %j', (input, message) => {
    expect(parseSipDialString(input)).toEqual({ ok: false, message });
  });
});

describe('parseH323DialString', () => {
  it.each([
    '192.168.1.20',
    '2001:db8::1',
    '::ffff:10.0.0.1',
    '1001',
    '+861012345678',
    '1',
    '123456789012345',
  ])('accepts %j as typed', (input) => {
    expect(parseH323DialString(input)).toEqual({ ok: true, value: input });
  });

  const not = (input: string, problem: string): [string, string] => [
    input,
    `'${input}' is not an H.323 address: ${problem}.`,
  ];

  it.each<[string, string]>([
    ['', `Enter an H.323 address: ${H323_FORMS}.`],
    not('1234567890123456', 'an E.164 number has at most 15 digits; this one has 16'),
    not('+1234567890123456', 'an E.164 number has at most 15 digits; this one has 16'),
    not('+86 10 1234 5678 9012', 'an E.164 number has at most 15 digits; this one has 16'),
    not(
      '1001@192.168.1.1',
      `use ${H323_FORMS}, not name@host; to reach a device behind a gateway, call it over SIP`,
    ),
    not('192.168.1.20:1720', 'H.323 takes no port; use 192.168.1.20'),
    not('[2001:db8::1]', 'write an IPv6 address without brackets (and without a port)'),
    not('999.1.1.1', "999 in '999.1.1.1' is above 255"),
    not('gk.example.com', `use ${H323_FORMS}`),
    not('+', `use ${H323_FORMS}`),
    ['１０.０.０.１', "An H.323 address cannot contain '１': '１０.０.０.１'."],
  ])('refuses %j', (input, message) => {
    expect(parseH323DialString(input)).toEqual({ ok: false, message });
  });
});

describe('ipv6Problem agrees with node:net', () => {
  it('on generated addresses and one-character mutations of them', () => {
    // mulberry32: small, seeded, good enough in its low bits (unlike a plain LCG).
    let state = 42;
    const next = (below: number) => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * below);
    };
    const hex = '0123456789abcdefABCDEF';
    const group = () => Array.from({ length: 1 + next(4) }, () => hex[next(hex.length)]).join('');
    const address = () => {
      const groups = Array.from({ length: 8 }, group);
      if (next(3) === 0) groups.splice(6, 2, `${next(256)}.${next(256)}.${next(256)}.${next(256)}`);
      if (next(2) === 0) {
        // Compress a run of groups into '::'.
        const from = next(groups.length);
        const count = 1 + next(groups.length - from);
        const head = groups.slice(0, from).join(':');
        const tail = groups.slice(from + count).join(':');
        return `${head}::${tail}`;
      }
      return groups.join(':');
    };
    const mutate = (text: string) => {
      const at = next(text.length + 1);
      const char = ':.0aFg'[next(6)] ?? '';
      const cut = next(3);
      return text.slice(0, at) + (cut === 0 ? '' : char) + text.slice(at + (cut === 2 ? 0 : 1));
    };
    let valid = 0;
    let invalid = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const text = next(2) === 0 ? address() : mutate(address());
      const ours = ipv6Problem(text) === null;
      if (ours) valid += 1;
      else invalid += 1;
      expect([text, ours]).toEqual([text, isIPv6(text)]);
    }
    // Both sides must be reached, or the comparison proves little.
    expect(valid).toBeGreaterThan(5000);
    expect(invalid).toBeGreaterThan(5000);
  });
});

describe('parseCallTarget', () => {
  it('builds each kind', () => {
    expect(parseCallTarget({ room: ' 1234567890123456789 ' })).toEqual({
      ok: true,
      value: { kind: 'room', meetingRoomId: '1234567890123456789' },
    });
    expect(parseCallTarget({ sip: 'sip:room@vc.example.com' })).toEqual({
      ok: true,
      value: { kind: 'mra', protocol: 'sip', dialString: 'sip:room@vc.example.com' },
    });
    expect(parseCallTarget({ h323: '+861012345678', room: undefined })).toEqual({
      ok: true,
      value: { kind: 'mra', protocol: 'h323', dialString: '+861012345678' },
    });
  });

  it.each([
    [{}, 'Choose what to call: a meeting room, a SIP address or an H.323 address.'],
    [
      { room: '1', sip: '1.2.3.4' },
      'Choose one thing to call, not a meeting room and a SIP address.',
    ],
    [
      { room: '1', sip: '1.2.3.4', h323: '1' },
      'Choose one thing to call, not a meeting room and a SIP address and an H.323 address.',
    ],
    [{ sip: '' }, `Enter a SIP address: ${SIP_FORMS}.`],
    [{ room: '' }, 'Enter a meeting room ID.'],
    [{ room: 'room 1' }, "A meeting room ID cannot contain spaces: 'room 1'."],
    [{ room: 42 }, 'Enter a meeting room ID.'],
    [
      { h323: '1001@gw' },
      `'1001@gw' is not an H.323 address: use ${H323_FORMS}, not name@host; to reach a device behind a gateway, call it over SIP.`,
    ],
  ])('refuses %j', (input, message) => {
    expect(parseCallTarget(input)).toEqual({ ok: false, message });
  });

  it('room IDs: decimal digits, up to 128 of them', () => {
    expect(parseRoomId('1'.repeat(128)).ok).toBe(true);
    expect(parseRoomId('1'.repeat(129))).toEqual({
      ok: false,
      message: 'A meeting room ID has at most 128 characters; this one has 129.',
    });
  });

  it('never throws on odd input', () => {
    const odd: unknown[] = [null, 0, {}, [], Symbol('x'), '\ud800', '[', ']', ':', '@', '%'];
    for (const value of odd) {
      for (const key of ['room', 'sip', 'h323'] as const) {
        expect(() => parseCallTarget({ [key]: value })).not.toThrow();
      }
    }
  });
});
