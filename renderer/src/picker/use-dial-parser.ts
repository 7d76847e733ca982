import { useEffect, useState } from 'preact/hooks';
import type { parseDialString } from '../../../main/core/input/dial-string';

type Parser = typeof parseDialString;

let loaded: Parser | null = null;

/**
 * The core's dial-string parser, loaded on first use. It is the same code main and the CLI
 * run, but its module also builds zod schemas at load time, so it lives in a chunk of its
 * own instead of the picker's first bundle. Null until loaded (a few milliseconds).
 */
export function useDialParser(): Parser | null {
  // Functions in state go through updater callbacks, or Preact would call them.
  const [parser, setParser] = useState<Parser | null>(() => loaded);
  useEffect(() => {
    if (loaded !== null) return;
    let live = true;
    void import('../../../main/core/input/dial-string').then((module) => {
      loaded = module.parseDialString;
      if (live) setParser(() => module.parseDialString);
    });
    return () => {
      live = false;
    };
  }, []);
  return parser;
}
