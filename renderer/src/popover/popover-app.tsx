import { useEffect, useRef, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { LocaleContext } from '../i18n/locale';
import { invoke } from '../lib/call';
import { prepareDateFormats } from '../lib/format';
import { useAppFrame } from '../lib/use-app-frame';
import { useBridgeEvent } from '../lib/use-bridge-event';
import { useCalls } from '../lib/use-calls';
import { CallAnnouncer } from '../ui/call-announcer';
import { PopoverScreen } from './popover-screen';
import { startPopoverLoads } from './popover-snapshot';
import { selectedMeetingId } from './use-invite-actions';
import { usePopoverData } from './use-popover-data';

/** After the start-up requests (history at once, the directory at 50 ms) have gone out. */
const PREPARE_FORMATS_AFTER_MS = 250;

/** The tray popover: the everyday screen. */
export function PopoverApp() {
  // Everything the first screen shows, asked in one round trip during the first render (an
  // effect would wait for a painted frame); made once, as each of its loads answers once.
  const [loads] = useState(startPopoverLoads);
  const frame = useAppFrame(loads.frame);
  const data = usePopoverData(loads);
  const calls = useCalls(
    data.favorites.status !== 'loading',
    selectedMeetingId(data.meeting),
    loads.calls,
  );
  const [query, setQuery] = useState('');
  const filter = useRef<HTMLInputElement>(null);

  // Ready to type the moment the favourites are there (and again each time it is shown).
  const favoritesReady = data.favorites.status === 'ready';
  useEffect(() => {
    if (favoritesReady) filter.current?.focus();
  }, [favoritesReady]);

  // Electron loads the popover hidden at start, before the meeting is known, and the first
  // date formatter of a renderer process costs 20-35 ms (ICU's data): building the formatters
  // then keeps that cost out of the frame that shows the meeting's time once it is opened.
  const intl = frame.locale.intl;
  useEffect(() => {
    const timer = setTimeout(() => {
      prepareDateFormats(intl);
    }, PREPARE_FORMATS_AFTER_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [intl]);

  useBridgeEvent('popoverShown', () => {
    void frame.reload();
    void data.refresh();
    calls.clearRefusals();
    setQuery('');
    filter.current?.focus();
  });

  // Escape clears a filter first, then hides the popover (as Spotlight and Alfred do). One
  // listener for the window's life, reading the query as last rendered: a listener re-added by
  // an effect after each change held the old query until the next frame, so a second Escape
  // that came sooner cleared an empty filter again instead of hiding.
  const renderedQuery = useRef(query);
  renderedQuery.current = query;
  useEffect(() => {
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      if (renderedQuery.current !== '') {
        setQuery('');
        filter.current?.focus();
      } else {
        void invoke(() => bridge().hidePopover());
      }
    };
    document.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('keydown', onEscape);
    };
  }, []);

  return (
    <LocaleContext.Provider value={frame.locale}>
      <PopoverScreen
        appState={frame.appState}
        retry={() => {
          void frame.reload();
          void data.refresh();
        }}
        data={data}
        calls={calls}
        query={query}
        setQuery={setQuery}
        filter={filter}
      />
      <CallAnnouncer />
    </LocaleContext.Provider>
  );
}
