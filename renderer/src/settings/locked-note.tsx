import { useMessages } from '../i18n/locale';
import { Icon } from '../ui/icons';
import { settingsMessages } from './messages';

/** Beside a control an IT department locked through managed configuration. */
export function LockedNote({ id }: { id: string }) {
  const m = useMessages(settingsMessages);
  return (
    <p class="locked-note" id={id}>
      <Icon name="key" />
      {m.locked}
    </p>
  );
}
