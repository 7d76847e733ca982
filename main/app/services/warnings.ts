import type { ManagedLoad } from '../../core/managed/load-managed';
import type { StoreWarning } from '../../core/store/store-warning';

export interface AppWarning {
  readonly file: string;
  readonly message: string;
}

/**
 * What went wrong with local files, kept for the windows to tell the person once: store
 * warnings as they happen (a damaged file moved aside) and the managed configuration's
 * problems found at start-up.
 */
export interface WarningLog {
  addStoreWarning(warning: StoreWarning): void;
  list(): readonly AppWarning[];
  /**
   * The person dismissed these (what the window showed): they leave the log. Warnings added
   * since are kept, so one that arrived while the person read the others is not lost.
   */
  remove(shown: readonly AppWarning[]): void;
}

/** A runaway loop of warnings must not grow without bound. */
const MAX_WARNINGS = 20;

export function createWarningLog(
  managed: ManagedLoad,
  onAdded: () => void = () => undefined,
): WarningLog {
  const warnings: AppWarning[] = [];
  if (managed.status === 'invalid') warnings.push({ file: managed.file, message: managed.message });
  if (managed.status === 'ok') {
    for (const problem of managed.config.userProblems) {
      warnings.push({
        file: managed.file,
        message: `The managed configuration ${managed.file}: ${problem}`,
      });
    }
  }
  return {
    addStoreWarning(warning) {
      if (warnings.length >= MAX_WARNINGS) return;
      warnings.push({ file: warning.file, message: warning.message });
      onAdded();
    },
    list: () => [...warnings],
    remove(shown) {
      const gone = new Set(shown);
      const kept = warnings.filter((warning) => !gone.has(warning));
      warnings.splice(0, warnings.length, ...kept);
    },
  };
}
