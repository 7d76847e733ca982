/**
 * The blur-then-click race of tray popovers. On Windows and Linux, clicking the tray icon
 * while the popover is open first blurs the popover (which hides it on blur), and only then
 * delivers the tray's click, which would show it again at once: a flicker, and the icon can
 * never close the popover (max-mapper/menubar#274). A click that arrives right after a
 * blur-hide is the same gesture, so it means "close" and is ignored.
 */
const BLUR_CLICK_WINDOW_MS = 300;

export interface BlurGuard {
  /** The popover was just hidden because it lost focus. */
  hiddenByBlur(): void;
  /** True when a tray click now belongs to the gesture that caused that blur. */
  swallowsClick(): boolean;
}

export function createBlurGuard(now: () => number, windowMs = BLUR_CLICK_WINDOW_MS): BlurGuard {
  let hiddenAt = Number.NEGATIVE_INFINITY;
  return {
    hiddenByBlur() {
      hiddenAt = now();
    },
    swallowsClick() {
      const elapsed = now() - hiddenAt;
      // Consumed once: a later click (or a clock that went back) opens as usual.
      hiddenAt = Number.NEGATIVE_INFINITY;
      return elapsed >= 0 && elapsed < windowMs;
    },
  };
}
