/**
 * The settings the app runs with. The computation is the core's
 * (main/core/managed/effective-settings.ts), shared with the `roomcall` CLI.
 */
export {
  effectiveSettings,
  lockReason,
  type EffectiveSettings,
} from '../../core/managed/effective-settings';
