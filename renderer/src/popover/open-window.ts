import { bridge } from '../bridge';
import { invoke } from '../lib/call';

/** Opens the picker or the settings window (main shows it, or brings it to the front). */
export function openWindow(window: 'picker' | 'settings') {
  void invoke(() => bridge().openWindow({ window }));
}
