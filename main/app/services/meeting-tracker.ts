import { resolveCurrentMeeting } from '../../core/invite/current-meeting';
import { parseMeetingRef } from '../../core/input/meeting-ref';
import { resolveMeeting } from '../../core/invite/resolve';
import { JoinLinkNotFoundError, joinLinkNotFoundMessage } from '../../core/meetings/join-link';
import type { Meeting, WemeetApi } from '../../core/wemeet/api';
import type { CurrentMeeting, IpcError } from '../../shared/ipc/contract';
import { toIpcError } from '../handlers/to-ipc-error';
import { isoTime, type AppClock, type TimerHandle } from './clock';
import { InputError, NoMeetingError } from './errors';
import type { Session } from './session';
import { meetingSummary } from './views';
import type { UiLanguage } from '../../shared/rules/language';

export interface MeetingTrackerOptions {
  readonly session: Pick<Session, 'account' | 'requireAccount'>;
  readonly clock: AppClock;
  /** settings.meetingRefreshMs, read at each scheduling so a change applies at once. */
  readonly refreshMs: () => Promise<number>;
  /** The UI's language, for the input parsers' messages; English when not given. */
  readonly language?: (() => Promise<UiLanguage>) | undefined;
  readonly onChange: (view: CurrentMeeting) => void;
}

type AutoResult = 'unknown' | 'none' | 'one' | 'several';

/**
 * "The meeting invites go into". By default it follows the operator's in-progress meetings:
 * looked up when a window opens and refreshed every settings.meetingRefreshMs while one is
 * visible, never while all are hidden. A person can override it with a typed code, ID or join
 * link, or by choosing one of several in-progress meetings; the choice sticks until cleared.
 */
export class MeetingTracker {
  readonly #options: MeetingTrackerOptions;
  #manual: Meeting | null = null;
  #auto: AutoResult = 'unknown';
  #autoMeeting: Meeting | null = null;
  #candidates: readonly Meeting[] = [];
  #unconfigured = false;
  #error: IpcError | null = null;
  #checkedAt: string | null = null;
  #lookup: Promise<void> | null = null;
  #visible = false;
  #timer: TimerHandle | null = null;
  #closed = false;

  constructor(options: MeetingTrackerOptions) {
    this.#options = options;
  }

  view(): CurrentMeeting {
    const candidates = this.#candidates.map(meetingSummary);
    const error = this.#error;
    const base = { candidates, error, checkedAt: this.#checkedAt };
    if (this.#manual !== null) {
      return { ...base, state: 'manual', selected: meetingSummary(this.#manual) };
    }
    if (this.#unconfigured) return { ...base, state: 'unconfigured', selected: null };
    // A failed refresh keeps the last meeting found: a blip must not stop invites.
    const selected = this.#autoMeeting === null ? null : meetingSummary(this.#autoMeeting);
    if (error !== null) return { ...base, state: 'error', selected };
    if (this.#auto === 'unknown') return { ...base, state: 'loading', selected: null };
    return { ...base, state: this.#auto, selected };
  }

  /** The meeting an invite goes into now; throws NoMeetingError saying what to do. */
  selectedMeeting(): Meeting {
    const meeting = this.#manual ?? this.#autoMeeting;
    if (meeting !== null) return meeting;
    if (this.#auto === 'several') {
      throw new NoMeetingError(
        'Several of your meetings are in progress: choose the one to invite into.',
        'Pick the meeting at the top of the RoomCall window.',
      );
    }
    throw new NoMeetingError(
      'No meeting is selected to invite into.',
      'Start or join the meeting first, or type its meeting code or paste its join link.',
    );
  }

  /** The current view; starts the first lookup in the background if none was made yet. */
  current(): CurrentMeeting {
    if (this.#auto === 'unknown' && this.#lookup === null && !this.#closed) void this.refresh();
    return this.view();
  }

  /** Looks the operator's in-progress meetings up now (one lookup at a time). */
  async refresh(): Promise<CurrentMeeting> {
    this.#lookup ??= this.#runLookup().finally(() => {
      this.#lookup = null;
    });
    await this.#lookup;
    return this.view();
  }

  /**
   * Whether any RoomCall window is visible. Becoming visible looks up at once and starts the
   * periodic refresh; becoming hidden stops it.
   */
  setVisible(visible: boolean): void {
    if (visible === this.#visible) return;
    this.#visible = visible;
    this.#cancelTimer();
    if (visible) this.#refreshAndSchedule();
  }

  /** A window was opened (the popover): refresh now even if another was already visible. */
  windowOpened(): void {
    this.#visible = true;
    this.#cancelTimer();
    this.#refreshAndSchedule();
  }

  /** What the person typed: a meeting code, ID or join link (refused in the UI's language). */
  async setText(text: string): Promise<CurrentMeeting> {
    const lang = (await this.#options.language?.()) ?? 'en';
    const parsed = parseMeetingRef(text, lang);
    if (!parsed.ok) throw new InputError(parsed.message);
    const { api } = await this.#options.session.requireAccount();
    const meeting = await resolveMeeting(api, parsed.value).catch((error: unknown) => {
      // A link none of the operator's meetings has: what to paste instead, in the UI's language.
      if (error instanceof JoinLinkNotFoundError) {
        throw new InputError(joinLinkNotFoundMessage(error.link, lang));
      }
      throw error;
    });
    return this.#setManual(meeting);
  }

  /** One of the in-progress meetings offered as candidates, or any meeting by its ID. */
  async choose(meetingId: string): Promise<CurrentMeeting> {
    const known = this.#candidates.find((meeting) => meeting.meeting_id === meetingId);
    if (known !== undefined) return this.#setManual(known);
    const { api } = await this.#options.session.requireAccount();
    const meeting = await resolveMeeting(api, { kind: 'id', meetingId });
    return this.#setManual(meeting);
  }

  /** Back to following the operator's in-progress meeting. */
  async clear(): Promise<CurrentMeeting> {
    this.#manual = null;
    this.#emit();
    return this.refresh();
  }

  /** The account or settings changed: what was found may belong to another account. */
  accountChanged(): void {
    this.#manual = null;
    this.#auto = 'unknown';
    this.#autoMeeting = null;
    this.#candidates = [];
    this.#error = null;
    this.#checkedAt = null;
    this.#emit();
    if (this.#visible) void this.refresh();
  }

  /** Stops the timer for good and waits for a lookup in flight. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#cancelTimer();
    await this.#lookup;
  }

  #setManual(meeting: Meeting): CurrentMeeting {
    this.#manual = meeting;
    this.#emit();
    return this.view();
  }

  async #runLookup(): Promise<void> {
    const account = await this.#options.session.account().catch((error: unknown) => ({
      status: 'unavailable' as const,
      error: error instanceof Error ? error : new Error(String(error)),
    }));
    if (account.status === 'not-configured') {
      this.#unconfigured = true;
      this.#error = null;
      this.#emit();
      return;
    }
    this.#unconfigured = false;
    if (account.status === 'unavailable') {
      this.#error = toIpcError(account.error);
      this.#emit();
      return;
    }
    try {
      const found = await resolveCurrentMeeting(account.api);
      this.#error = null;
      this.#checkedAt = isoTime(this.#options.clock);
      this.#auto = found.state;
      this.#autoMeeting = found.selected;
      this.#candidates = found.candidates;
      this.#manual = await this.#freshManual(account.api, found.candidates);
    } catch (error) {
      this.#error = toIpcError(error);
    }
    this.#emit();
  }

  /**
   * The chosen meeting as it is now, so one picked before it started says "in progress" once
   * someone joins (and an upcoming one does not go on saying "not started"): taken from the
   * in-progress list when it is there, else read again by ID while it has not started yet.
   * A meeting already in progress or ended is kept as it is (no extra request per refresh).
   */
  async #freshManual(
    api: Pick<WemeetApi, 'meetingById' | 'meetingsByCode' | 'listOperatorMeetings'>,
    inProgress: readonly Meeting[],
  ): Promise<Meeting | null> {
    const manual = this.#manual;
    if (manual === null) return null;
    const listed = inProgress.find((meeting) => meeting.meeting_id === manual.meeting_id);
    if (listed !== undefined) return listed;
    if (manual.status !== 'MEETING_STATE_INIT') return manual;
    const fresh = await resolveMeeting(api, { kind: 'id', meetingId: manual.meeting_id });
    // The person may have chosen another meeting while this was read.
    return this.#manual?.meeting_id === manual.meeting_id ? fresh : this.#manual;
  }

  #refreshAndSchedule(): void {
    void this.refresh().then(() => {
      this.#schedule();
    });
  }

  #schedule(): void {
    if (!this.#visible || this.#closed || this.#timer !== null) return;
    void this.#options
      .refreshMs()
      .catch(() => 60_000)
      .then((ms) => {
        if (!this.#visible || this.#closed || this.#timer !== null) return;
        this.#timer = this.#options.clock.setTimeout(() => {
          this.#timer = null;
          this.#refreshAndSchedule();
        }, ms);
      });
  }

  #cancelTimer(): void {
    if (this.#timer !== null) this.#options.clock.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #emit(): void {
    if (!this.#closed) this.#options.onChange(this.view());
  }
}
