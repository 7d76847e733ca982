import { Notification } from 'electron';

/** A native notification, where the OS supports them (some Linux sessions have no daemon). */
export function showNotification(title: string, body: string): void {
  if (!Notification.isSupported()) return;
  new Notification({ title, body, silent: false }).show();
}
