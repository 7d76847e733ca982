/**
 * A typed test double of window.roomcall: every verb of the contract, answering from an
 * in-memory world, with every request recorded. Tests change the world, override single verbs,
 * fail one answer, or push events by hand.
 *
 * Only for what the real app cannot be made to do on demand (a busy lock or a lost reply on a
 * chosen verb, error codes, other platforms and locales, the shell's own events): everything
 * else runs on the real handler table over the simulator (real-bridge.ts), since a double that
 * re-implements main can pass while main is wrong. So the verbs answer simply, without main's
 * rules (validation, managed favourites, duplicates of an edit): a test that needs a rule's
 * answer gives it with `respond`, or uses the real bridge.
 *
 * Test-only: never shipped, and importing no Node module, so it can run in a browser too.
 */
import type { RoomcallBridge } from '../../main/shared/ipc/bridge';
import { bridgeFrom } from './bridge-from';
import type {
  AppState,
  CallView,
  CurrentMeeting,
  Directory,
  EventName,
  EventPayloadOf,
  InvokeVerb,
  IpcError,
  IpcResult,
  MeetingSummary,
  RequestOf,
  ResponseOf,
  SettingsView,
} from '../../main/shared/ipc/contract';

export type Favorite = ResponseOf<'listFavorites'>[number];
export type HistoryEntry = ResponseOf<'listHistory'>[number];
type RoomView = Directory['rooms'][number];

export interface FakeWorld {
  appState: AppState;
  settings: SettingsView;
  meeting: CurrentMeeting;
  favorites: Favorite[];
  directory: Directory;
  calls: CallView[];
  history: HistoryEntry[];
}

export const MEETING: MeetingSummary = {
  meetingId: '7567173273889276131',
  meetingCode: '806146667',
  subject: 'Weekly product sync',
  startTime: String(Math.floor(Date.now() / 1000) - 15 * 60),
  endTime: String(Math.floor(Date.now() / 1000) + 45 * 60),
  status: 'MEETING_STATE_STARTED',
  inProgress: true,
};

export const OTHER_MEETING: MeetingSummary = {
  ...MEETING,
  meetingId: '9130578260415238846',
  meetingCode: '302415689',
  subject: 'Design review',
};

export const ROOMS: RoomView[] = [
  {
    meetingRoomId: '1234567890123456789',
    name: '深圳·滨海大厦 18F 1801 会议室',
    location: '深圳-滨海大厦-18',
    status: 'idle',
    callable: true,
    participantNumber: 12,
  },
  {
    meetingRoomId: '1234567890123456783',
    name: '北京·银科大厦 5F 长城厅',
    location: '北京-银科大厦-5',
    status: 'in-use',
    callable: true,
    participantNumber: 20,
  },
  {
    meetingRoomId: '1234567890123456784',
    name: '成都·天府软件园 8F 泰山厅',
    location: '成都-天府软件园-8',
    status: 'idle',
    callable: false,
    participantNumber: 8,
  },
  {
    meetingRoomId: '1234567890123456787',
    name: 'Marina One L12 Boardroom',
    location: 'Singapore-Marina One-12',
    status: 'offline',
    callable: true,
    participantNumber: null,
  },
];

const NOW = new Date().toISOString();

export function sampleWorld(): FakeWorld {
  return {
    appState: {
      version: '0.1.0',
      platform: 'linux',
      systemLocale: 'en-US',
      configured: true,
      credentials: { appId: '200000001', sdkId: null, secretIdHint: '…7QX', source: 'keychain' },
      operatorId: 'tester1',
      keychain: { available: true, message: null },
      warnings: [],
      relay: null,
    },
    settings: {
      settings: {
        operatorId: 'tester1',
        baseUrl: 'https://api.meeting.qq.com',
        language: 'en',
        launchAtLogin: false,
        globalShortcut: null,
        pollIntervalMs: 2000,
        meetingRefreshMs: 60000,
        meetingIdEncoding: 'string',
        profile: 'default',
        relayUrl: null,
      },
      locked: [],
    },
    meeting: {
      state: 'one',
      selected: MEETING,
      candidates: [MEETING],
      error: null,
      checkedAt: NOW,
    },
    favorites: [
      {
        id: 'fav-1801',
        kind: 'room',
        meetingRoomId: '1234567890123456789',
        name: '深圳·滨海大厦 18F 1801 会议室',
        location: '深圳-滨海大厦-18',
        label: null,
        managed: false,
      },
      {
        id: 'fav-great-wall',
        kind: 'room',
        meetingRoomId: '1234567890123456783',
        name: '北京·银科大厦 5F 长城厅',
        location: '北京-银科大厦-5',
        label: null,
        managed: false,
      },
      {
        id: 'fav-taishan',
        kind: 'room',
        meetingRoomId: '1234567890123456784',
        name: '成都·天府软件园 8F 泰山厅',
        location: '成都-天府软件园-8',
        label: null,
        managed: false,
      },
      {
        id: 'fav-codec',
        kind: 'mra',
        protocol: 'sip',
        dialString: 'boardroom@vc.example.com',
        label: 'Boardroom codec',
        managed: false,
      },
    ],
    directory: {
      fetchedAt: NOW,
      roomCount: ROOMS.length,
      syncing: false,
      progress: null,
      error: null,
      rooms: ROOMS,
    },
    calls: [],
    history: [],
  };
}

export function ipcError(
  kind: IpcError['kind'],
  code: number | null = null,
  message = 'failed',
): IpcError {
  return { kind, code, message, hint: null };
}

/** What main answers when another RoomCall kept the file locked for the whole wait. */
export const BUSY: IpcError = {
  kind: 'busy',
  code: null,
  message: 'Another RoomCall is saving favorites.json; the change was not saved.',
  hint: 'Another RoomCall (app or `roomcall` CLI) is saving this file; try again in a moment.',
};

type Handler<V extends InvokeVerb> = (
  request: RequestOf<V>,
) => IpcResult<ResponseOf<V>> | Promise<IpcResult<ResponseOf<V>>>;
export type Handlers = { [V in InvokeVerb]: Handler<V> };

export interface Recorded {
  readonly verb: InvokeVerb;
  readonly request: unknown;
}

export interface FakeBridge {
  readonly bridge: RoomcallBridge;
  readonly world: FakeWorld;
  readonly recorded: Recorded[];
  /** Replaces one verb's behaviour. */
  respond<V extends InvokeVerb>(verb: V, handler: Handler<V>): void;
  /**
   * The verb's next call fails with `error` (by default 'busy', as when another RoomCall held
   * the file's lock: nothing saved); the calls after it are answered as usual. With
   * `afterSaving`, the change is made first and only the answer is lost (a dropped reply).
   */
  failOnce(verb: InvokeVerb, error?: IpcError, options?: { readonly afterSaving?: boolean }): void;
  /** Pushes an event to every listener, as main would. */
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void;
  requestsTo<V extends InvokeVerb>(verb: V): RequestOf<V>[];
  listenerCount(event: EventName): number;
}

function ok<T>(data: T): IpcResult<T> {
  return { ok: true, data };
}

let sequence = 0;
function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}-${String(sequence)}`;
}

export function createFakeBridge(world: FakeWorld = sampleWorld()): FakeBridge {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const recorded: Recorded[] = [];
  const failures = new Map<InvokeVerb, { error: IpcError; afterSaving: boolean }>();

  function emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
    for (const listener of listeners.get(event) ?? [])
      (listener as (payload: EventPayloadOf<E>) => void)(payload);
  }

  function favoritesChanged() {
    emit('favoritesChanged', [...world.favorites]);
  }

  const handlers: Handlers = {
    getAppState: () => ok(world.appState),
    saveCredentials: () => ok(world.appState),
    testConnection: () => ok({ roomCount: world.directory.rooms.length, inProgressMeetings: 1 }),
    logout: () => ok(world.appState),
    // As main does: the warnings shown leave the list, and the new state is pushed.
    dismissWarnings: () => {
      world.appState = { ...world.appState, warnings: [] };
      emit('appStateChanged', world.appState);
      return ok(world.appState);
    },
    // As the Electron shell answers: main put the report on its clipboard.
    copyDiagnostics: () =>
      ok({
        report: `RoomCall diagnostics\nApp version: ${world.appState.version}\n`,
        copied: true,
      }),
    getSettings: () => ok(world.settings),
    updateSettings: (patch) => {
      const settings = { ...world.settings.settings };
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) Object.assign(settings, { [key]: value });
      }
      world.settings = { ...world.settings, settings };
      emit('settingsChanged', world.settings);
      return ok(world.settings);
    },
    getCurrentMeeting: () => ok(world.meeting),
    refreshCurrentMeeting: () => ok(world.meeting),
    setMeeting: () => ok(world.meeting),
    chooseMeeting: (request) => {
      const selected =
        world.meeting.candidates.find((meeting) => meeting.meetingId === request.meetingId) ?? null;
      world.meeting = { ...world.meeting, state: 'manual', selected };
      emit('meetingChanged', world.meeting);
      return ok(world.meeting);
    },
    clearMeeting: () => ok(world.meeting),
    getDirectory: () => ok(world.directory),
    refreshDirectory: () => {
      const { fetchedAt, roomCount, syncing, progress, error } = world.directory;
      return ok({ fetchedAt, roomCount, syncing, progress, error });
    },
    listFavorites: () => ok([...world.favorites]),
    addFavorite: (request) => {
      const existing = world.favorites.find((favorite) =>
        request.kind === 'room'
          ? favorite.kind === 'room' && favorite.meetingRoomId === request.meetingRoomId
          : favorite.kind === 'mra' && favorite.dialString === request.dialString,
      );
      if (existing !== undefined) return ok({ status: 'duplicate' as const, favorite: existing });
      const favorite: Favorite =
        request.kind === 'room'
          ? { ...request, id: nextId('fav'), label: request.label ?? null, managed: false }
          : { ...request, id: nextId('fav'), managed: false };
      world.favorites = [...world.favorites, favorite];
      favoritesChanged();
      return ok({ status: 'added' as const, favorite });
    },
    removeFavorite: (request) => {
      world.favorites = world.favorites.filter((favorite) => favorite.id !== request.id);
      favoritesChanged();
      return ok([...world.favorites]);
    },
    moveFavorite: (request) => {
      const item = world.favorites.find((favorite) => favorite.id === request.id);
      if (item !== undefined) {
        const rest = world.favorites.filter((favorite) => favorite.id !== request.id);
        rest.splice(request.toIndex, 0, item);
        world.favorites = rest;
        favoritesChanged();
      }
      return ok([...world.favorites]);
    },
    renameFavorite: (request) => {
      world.favorites = world.favorites.map((favorite) =>
        favorite.id === request.id ? { ...favorite, label: request.label } : favorite,
      );
      favoritesChanged();
      return ok([...world.favorites]);
    },
    updateAddressFavorite: (request) => {
      world.favorites = world.favorites.map((favorite) =>
        favorite.id === request.id
          ? { ...request, kind: 'mra' as const, managed: false }
          : favorite,
      );
      favoritesChanged();
      return ok([...world.favorites]);
    },
    // As if the person chose this file in the save dialog and main wrote it.
    exportFavorites: () =>
      ok({ status: 'saved' as const, path: '/home/ada/Documents/roomcall-favorites.json' }),
    importFavorites: () => ok({ added: 0, skipped: [] }),
    startCall: (request) => {
      const favorite =
        'favoriteId' in request
          ? world.favorites.find((item) => item.id === request.favoriteId)
          : undefined;
      const target: CallView['target'] =
        'room' in request
          ? { kind: 'room', ...request.room }
          : 'mra' in request
            ? { kind: 'mra', ...request.mra }
            : favorite?.kind === 'room'
              ? {
                  kind: 'room',
                  meetingRoomId: favorite.meetingRoomId,
                  name: favorite.name,
                  location: favorite.location,
                }
              : favorite?.kind === 'mra'
                ? {
                    kind: 'mra',
                    protocol: favorite.protocol,
                    dialString: favorite.dialString,
                    label: favorite.label,
                  }
                : { kind: 'room', meetingRoomId: 'unknown', name: '', location: '' };
      const now = new Date().toISOString();
      const call: CallView = {
        callId: nextId('call'),
        target,
        favoriteId: favorite?.id ?? null,
        meeting: world.meeting.selected,
        phase: 'calling',
        settled: false,
        error: null,
        startedAt: now,
        updatedAt: now,
      };
      world.calls = [...world.calls, call];
      return ok(call);
    },
    cancelCall: (request) => {
      const call = world.calls.find((item) => item.callId === request.callId);
      if (call === undefined) return { ok: false, error: ipcError('validation') };
      return ok({ ...call, phase: 'cancelled', settled: true });
    },
    listCalls: () => ok([...world.calls]),
    listHistory: () => ok([...world.history]),
    // As main composes it (main/app/handlers/popover-snapshot.ts): each part is what its own
    // verb answers at that moment (a `respond` override or a `failOnce` included); a handler
    // that rejects (a broken bridge) rejects the whole call.
    getPopoverSnapshot: async () => {
      const failed = (verb: InvokeVerb): IpcResult<never> | null => {
        const failure = failures.get(verb);
        if (failure === undefined) return null;
        failures.delete(verb);
        return { ok: false, error: failure.error };
      };
      const [appState, settings, meeting, favorites, calls, history] = await Promise.all([
        failed('getAppState') ?? handlers.getAppState(undefined),
        failed('getSettings') ?? handlers.getSettings(undefined),
        failed('getCurrentMeeting') ?? handlers.getCurrentMeeting(undefined),
        failed('listFavorites') ?? handlers.listFavorites(undefined),
        failed('listCalls') ?? handlers.listCalls(undefined),
        failed('listHistory') ?? handlers.listHistory(undefined),
      ]);
      return ok({ appState, settings, meeting, favorites, calls, history });
    },
    openWindow: () => ok(null),
    hidePopover: () => ok(null),
    openHelp: () => ok(null),
    // The relay sign-in is tested on the real bridge with a real relay (relay-settings.test.tsx):
    // the double only answers the state it holds.
    relaySignInWithBrowser: () => ok(world.appState),
    relaySignInCancel: () => ok(null),
    relaySignInWithToken: () => ok(world.appState),
    relaySignOut: () => ok(world.appState),
  };

  function run<V extends InvokeVerb>(
    verb: V,
    request: RequestOf<V>,
  ): Promise<IpcResult<ResponseOf<V>>> {
    recorded.push({ verb, request });
    // Like IPC, answers arrive on a later tick, never synchronously.
    const handler = handlers[verb] as Handler<V>;
    const failure = failures.get(verb);
    if (failure === undefined) return Promise.resolve().then(() => handler(request));
    failures.delete(verb);
    return Promise.resolve().then(async (): Promise<IpcResult<ResponseOf<V>>> => {
      if (failure.afterSaving) await handler(request);
      return { ok: false, error: failure.error };
    });
  }

  const on: RoomcallBridge['on'] = (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  };
  const bridge = bridgeFrom(run, on);

  return {
    bridge,
    world,
    recorded,
    respond(verb, handler) {
      (handlers as Record<InvokeVerb, unknown>)[verb] = handler;
    },
    failOnce(verb, error = BUSY, options = {}) {
      failures.set(verb, { error, afterSaving: options.afterSaving ?? false });
    },
    emit,
    requestsTo<V extends InvokeVerb>(verb: V) {
      return recorded
        .filter((entry) => entry.verb === verb)
        .map((entry) => entry.request as RequestOf<V>);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

/** Puts the double where the renderer looks for it (window.roomcall). */
export function installFakeBridge(world: FakeWorld = sampleWorld()): FakeBridge {
  const fake = createFakeBridge(world);
  Object.defineProperty(window, 'roomcall', {
    value: fake.bridge,
    configurable: true,
    writable: true,
  });
  return fake;
}
