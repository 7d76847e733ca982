import { useLayoutEffect, useRef } from 'preact/hooks';
import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/locale';
import type { CallsApi } from '../lib/use-calls';
import { markOnce } from '../lib/perf-marks';
import { handleRowKey } from '../lib/row-navigation';
import { keychainError } from '../lib/use-app-frame';
import { ErrorNotice } from '../ui/error-notice';
import { Icon } from '../ui/icons';
import { Spinner } from '../ui/spinner';
import { popoverMessages } from './messages';
import { openWindow } from './open-window';
import { PopoverHome } from './popover-home';
import { useInviteActions } from './use-invite-actions';
import type { PopoverData } from './use-popover-data';
import type { Loadable } from '../lib/loadable';
import type { AppState } from '../../../main/shared/ipc/contract';

export interface ScreenProps {
  readonly appState: Loadable<AppState>;
  readonly retry: () => void;
  readonly data: PopoverData;
  readonly calls: CallsApi;
  readonly query: string;
  readonly setQuery: (query: string) => void;
  readonly filter: { readonly current: HTMLInputElement | null };
}

/** The popover's window: loading, a problem, setup, or its home (popover-home.tsx), and the footer. */
export function PopoverScreen({
  appState: frame,
  retry,
  data,
  calls,
  query,
  setQuery,
  filter,
}: ScreenProps) {
  const m = useMessages(popoverMessages);
  const c = useMessages(commonMessages);
  const main = useRef<HTMLElement>(null);
  const appState = frame.status === 'ready' ? frame.value : null;
  const problem =
    appState === null ? (frame.status === 'error' ? frame.error : null) : keychainError(appState);
  const listShown = appState?.configured === true && data.favorites.status === 'ready';
  useLayoutEffect(() => {
    if (listShown) markOnce('popover-rendered');
  }, [listShown]);

  const actions = useInviteActions(calls, data);

  let body;
  if (problem !== null || appState === null) {
    body = (
      <div class="center-state">
        {problem === null ? (
          <Spinner label={c.loading} />
        ) : (
          <ErrorNotice error={problem} onRetry={retry} />
        )}
      </div>
    );
  } else if (!appState.configured) {
    body = (
      <div class="center-state empty">
        <span class="empty-icon" aria-hidden="true">
          <Icon name="key" />
        </span>
        {/* Through a relay there is no app to connect: the person signs in to the relay. */}
        <h2 class="empty-title">{appState.relay === null ? m.setup.title : m.relaySetup.title}</h2>
        <p class="empty-hint">{appState.relay === null ? m.setup.hint : m.relaySetup.hint}</p>
        <button
          type="button"
          class="button button-primary"
          onClick={() => {
            openWindow('settings');
          }}
        >
          {m.setup.action}
        </button>
      </div>
    );
  } else {
    body = (
      <PopoverHome
        data={data}
        calls={calls}
        query={query}
        setQuery={setQuery}
        filter={filter}
        main={main}
        retry={retry}
        actions={actions}
      />
    );
  }

  return (
    <div class="popover">
      <h1 class="visually-hidden">{m.title}</h1>
      <main
        class="popover-main"
        ref={main}
        onKeyDown={(event) => {
          if (
            main.current !== null &&
            handleRowKey(event, {
              container: main.current,
              filter: filter.current,
              onType: (char) => {
                setQuery(query + char);
              },
            })
          ) {
            event.preventDefault();
          }
        }}
      >
        {body}
      </main>
      <footer class="popover-footer">
        {(['picker', 'settings'] as const).map((window) => (
          <button
            key={window}
            type="button"
            class="footer-link"
            onClick={() => {
              openWindow(window);
            }}
          >
            <Icon name={window === 'picker' ? 'grid' : 'gear'} />
            {m.footer[window]}
          </button>
        ))}
      </footer>
    </div>
  );
}
