import type { NormalizedOptions } from 'ky';
import type { RequestLabel } from './errors';

/** What the hooks need to know about one call; ky hands it to them through `context`. */
export class Call {
  /** The parsed 2xx body, set by the afterResponse hook. */
  data: unknown = undefined;

  constructor(
    readonly label: RequestLabel,
    readonly idempotent: boolean,
    readonly signal: AbortSignal | undefined,
    readonly onRateLimited: ((waitMs: number) => void) | undefined,
  ) {}
}

export function callOf(options: Readonly<NormalizedOptions>): Call {
  const call = options.context['call'];
  if (!(call instanceof Call)) throw new Error('A request was sent without its call context');
  return call;
}
