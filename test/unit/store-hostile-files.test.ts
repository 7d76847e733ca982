import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FILE_BYTES } from '../../main/core/store/atomic-file';
import {
  MAX_DIRECTORY_CACHE_BYTES,
  openDirectoryCache,
} from '../../main/core/store/directory-cache';
import { openFavorites } from '../../main/core/store/favorites';
import { openHistory } from '../../main/core/store/history';
import { ReadOnlyDocumentError } from '../../main/core/store/document-errors';
import { type StoreWarning, type StoreWarningReason } from '../../main/core/store/store-warning';
import { STORE_FILES } from '../../main/core/store/paths';
import { openSettings } from '../../main/core/store/settings';
import { collectWarnings, useTempDir } from '../helpers/temp-dir';
import { defaultSettings } from '../../main/shared/model/settings-schema';

/**
 * Every store, every kind of bad file: the file is moved aside as <name>.corrupt-<time>.json
 * with its bytes intact, a warning says so, the store continues from its defaults, and the next
 * save writes a good file. A file from a newer version is never moved or overwritten.
 */

interface StoreUnderTest {
  readonly name: string;
  readonly fileName: string;
  readonly maxBytes: number;
  /** A well-formed file body of the current version. */
  readonly valid: string;
  /** Right version, wrong types. */
  readonly wrongTypes: string;
  readonly defaults: unknown;
  open(
    dir: string,
    onWarning: (warning: StoreWarning) => void,
  ): {
    load(): Promise<{ value: unknown; readOnly: boolean }>;
    /** One ordinary save. */
    change(): Promise<unknown>;
  };
}

const room = {
  meeting_room_id: '1234567890123456789',
  meeting_room_name: 'Everest 5F',
  meeting_room_location: 'Shenzhen',
  meeting_room_status: 2,
  is_allow_call: true,
};

const stores: readonly StoreUnderTest[] = [
  {
    name: 'settings',
    fileName: STORE_FILES.settings,
    maxBytes: DEFAULT_MAX_FILE_BYTES,
    valid: JSON.stringify({ version: 1, operatorId: 'alice', language: 'en' }),
    wrongTypes: JSON.stringify({ version: 1, pollIntervalMs: 'fast', launchAtLogin: 'yes' }),
    defaults: defaultSettings(),
    open: (dir, onWarning) => {
      const store = openSettings({ dir, onWarning });
      return { load: () => store.load(), change: () => store.update({ operatorId: 'bob' }) };
    },
  },
  {
    name: 'favourites',
    fileName: STORE_FILES.favorites,
    maxBytes: DEFAULT_MAX_FILE_BYTES,
    valid: JSON.stringify({
      version: 1,
      items: [{ id: 'a1', kind: 'mra', protocol: 'sip', dialString: 'room@vc.example.com' }],
    }),
    wrongTypes: JSON.stringify({ version: 1, items: { first: 'room@vc.example.com' } }),
    defaults: [],
    open: (dir, onWarning) => {
      const store = openFavorites({ dir, onWarning });
      return {
        load: () => store.load(),
        change: () => store.add({ kind: 'mra', protocol: 'h323', dialString: '10.0.0.7' }),
      };
    },
  },
  {
    name: 'recent invites',
    fileName: STORE_FILES.history,
    maxBytes: DEFAULT_MAX_FILE_BYTES,
    valid: JSON.stringify({
      version: 1,
      entries: [
        {
          id: 'h1',
          at: '2026-01-02T03:04:05.000Z',
          target: { kind: 'room', meetingRoomId: '42', name: 'Everest' },
          meeting: { meetingId: '7567173273889276131', meetingCode: '123456789', subject: 'Sync' },
          outcome: 'accepted',
        },
      ],
    }),
    wrongTypes: JSON.stringify({ version: 1, entries: [{ id: 7, at: 'yesterday' }] }),
    defaults: [],
    open: (dir, onWarning) => {
      const store = openHistory({ dir, onWarning });
      return {
        load: () => store.load(),
        change: () =>
          store.record({
            target: { kind: 'mra', protocol: 'sip', dialString: 'a@b.example' },
            meeting: { meetingId: '1' },
          }),
      };
    },
  },
  {
    name: 'room directory cache',
    fileName: STORE_FILES.directoryCache,
    maxBytes: MAX_DIRECTORY_CACHE_BYTES,
    valid: JSON.stringify({
      version: 1,
      scope: 'app@https://api.meeting.qq.com',
      fetchedAt: '2026-01-02T03:04:05.000Z',
      rooms: [room],
    }),
    wrongTypes: JSON.stringify({ version: 1, rooms: [{ ...room, meeting_room_status: 'idle' }] }),
    defaults: null,
    open: (dir, onWarning) => {
      const store = openDirectoryCache({ dir, onWarning });
      return {
        load: () => store.load('app@https://api.meeting.qq.com'),
        change: () => store.save([room], 'app@https://api.meeting.qq.com'),
      };
    },
  },
];

type Planted =
  { kind: 'file'; bytes: Buffer } | { kind: 'folder'; inner: string } | { kind: 'fifo' };

interface HostileCase {
  readonly name: string;
  readonly reason: StoreWarningReason;
  readonly plant: (file: string, store: StoreUnderTest) => Promise<Planted>;
  readonly skip?: string | false;
}

async function plantBytes(file: string, bytes: Buffer): Promise<Planted> {
  await writeFile(file, bytes);
  return { kind: 'file', bytes };
}

const isRoot = process.getuid?.() === 0;
const hasMkfifo = spawnSync('sh', ['-c', 'command -v mkfifo'], { stdio: 'ignore' }).status === 0;

const cases: readonly HostileCase[] = [
  {
    name: 'corrupt JSON',
    reason: 'not-json',
    plant: (file) => plantBytes(file, Buffer.from('{"version": 1, "items": [ oops }\n')),
  },
  {
    name: 'truncated (cut mid-write by something that is not RoomCall)',
    reason: 'not-json',
    plant: (file, store) =>
      plantBytes(file, Buffer.from(store.valid.slice(0, Math.floor(store.valid.length / 2)))),
  },
  {
    name: 'empty',
    reason: 'not-json',
    plant: (file) => plantBytes(file, Buffer.alloc(0)),
  },
  {
    name: 'wrong version (a string)',
    reason: 'bad-version',
    plant: (file, store) =>
      plantBytes(file, Buffer.from(store.valid.replace('"version":1', '"version":"one"'))),
  },
  {
    name: 'wrong version (zero)',
    reason: 'bad-version',
    plant: (file, store) =>
      plantBytes(file, Buffer.from(store.valid.replace('"version":1', '"version":0'))),
  },
  {
    name: 'no version',
    reason: 'bad-version',
    plant: (file, store) => plantBytes(file, Buffer.from(store.valid.replace('"version":1,', ''))),
  },
  {
    name: 'wrong types',
    reason: 'invalid-data',
    plant: (file, store) => plantBytes(file, Buffer.from(store.wrongTypes)),
  },
  {
    name: 'not an object (an array)',
    reason: 'not-an-object',
    plant: (file) => plantBytes(file, Buffer.from('[1, 2, 3]')),
  },
  {
    name: 'huge (over the size limit)',
    reason: 'too-large',
    plant: (file, store) =>
      plantBytes(
        file,
        Buffer.from(`{"version":1,"padding":"${'x'.repeat(store.maxBytes + 1024)}"}`),
      ),
  },
  {
    name: 'deeply nested (100k levels)',
    reason: 'too-deep',
    plant: (file) =>
      plantBytes(
        file,
        Buffer.from(`{"version":1,"items":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
      ),
  },
  {
    name: 'binary garbage',
    reason: 'not-utf8',
    plant: (file) =>
      plantBytes(file, Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0xc3]), randomBytes(4096)])),
  },
  {
    name: 'a folder where the file should be',
    reason: 'not-a-file',
    plant: async (file) => {
      await mkdir(file);
      await writeFile(path.join(file, 'inside.txt'), 'keep me');
      return { kind: 'folder', inner: 'inside.txt' };
    },
  },
  {
    name: 'unreadable (mode 000)',
    reason: 'unreadable',
    skip: isRoot && 'running as root, which reads any file whatever its mode',
    plant: async (file, store) => {
      const planted = await plantBytes(file, Buffer.from(store.valid));
      await chmod(file, 0o000);
      return planted;
    },
  },
  {
    name: 'a FIFO where the file should be (must not hang)',
    reason: 'not-a-file',
    skip: (!hasMkfifo || process.platform === 'win32') && 'no mkfifo on this system',
    plant: (file) => {
      spawnSync('mkfifo', [file]);
      return Promise.resolve({ kind: 'fifo' });
    },
  },
];

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe.each(stores)('$name file', (store) => {
  const dir = useTempDir();

  it.for(cases)('$name: moved aside, warning, defaults, nothing lost', async (hostile, ctx) => {
    if (hostile.skip) ctx.skip(hostile.skip);
    const file = path.join(dir(), store.fileName);
    const planted = await hostile.plant(file, store);
    const { warnings, onWarning } = collectWarnings<StoreWarning>();
    const opened = store.open(dir(), onWarning);

    const loaded = await opened.load();
    expect(loaded).toEqual({ value: store.defaults, readOnly: false });
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(warning).toMatchObject({ reason: hostile.reason, readOnly: false, file });
    const movedTo = warning?.movedTo ?? '';
    expect(path.dirname(movedTo)).toBe(dir());
    const stem = store.fileName.replace(/\.json$/, '');
    expect(path.basename(movedTo)).toMatch(
      new RegExp(`^${stem}\\.corrupt-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d-\\d{3}Z\\.json$`),
    );
    expect(warning?.message).toContain(movedTo);

    // Nothing lost: the bytes (or the folder and its content) are all there, under the new name.
    if (planted.kind === 'file') {
      await chmod(movedTo, 0o600);
      expect(sha256(await readFile(movedTo))).toBe(sha256(planted.bytes));
    } else if (planted.kind === 'folder') {
      expect(await readFile(path.join(movedTo, planted.inner), 'utf8')).toBe('keep me');
    } else {
      expect((await stat(movedTo)).isFIFO()).toBe(true);
    }

    // The store carries on: a save writes a good file, and it reads back without warnings.
    await opened.change();
    const again = collectWarnings<StoreWarning>();
    const reread = await store.open(dir(), again.onWarning).load();
    expect(again.warnings).toEqual([]);
    expect(reread.readOnly).toBe(false);
    const names = await readdir(dir());
    expect(names.sort()).toEqual([path.basename(movedTo), store.fileName].sort());
  });

  it('a file from a newer version is read but never moved or overwritten', async () => {
    const file = path.join(dir(), store.fileName);
    const newer = store.valid.replace('"version":1', '"version":99');
    await writeFile(file, newer);
    const { warnings, onWarning } = collectWarnings<StoreWarning>();
    const opened = store.open(dir(), onWarning);

    const loaded = await opened.load();
    expect(loaded.readOnly).toBe(true);
    expect(loaded.value).not.toEqual(store.defaults);
    expect(warnings).toEqual([
      expect.objectContaining({ reason: 'newer-version', movedTo: null, readOnly: true }),
    ]);
    await expect(opened.change()).rejects.toBeInstanceOf(ReadOnlyDocumentError);
    expect(await readFile(file, 'utf8')).toBe(newer);
    expect(await readdir(dir())).toEqual([store.fileName]);
    // Told once per run, not on every read.
    await opened.load();
    expect(warnings).toHaveLength(1);
  });
});
