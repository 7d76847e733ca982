import { parseDialString, parseRoomId } from '../../core/input/dial-string';
import type { InputLanguage } from '../../core/input/messages';
import { checkLabel } from '../../core/store/favorites-check';
import type { ParsedRequestOf } from '../../shared/ipc/contract';
import { InputError } from './errors';
import type { FavoritesService } from './favorites-service';
import { favoriteTarget, type NamedTarget } from './views';

/**
 * What startCall asks to call, checked with the core's parsers (the same rules and words as
 * the CLI and the favourites, in the UI's language `lang`): a saved favourite, a room from the
 * directory, or an address.
 */
export async function resolveCallTarget(
  request: ParsedRequestOf<'startCall'>,
  favorites: Pick<FavoritesService, 'find'>,
  lang: InputLanguage = 'en',
): Promise<NamedTarget> {
  if ('favoriteId' in request) return favoriteTarget(await favorites.find(request.favoriteId));
  if ('room' in request) {
    const { room } = request;
    const id = parseRoomId(room.meetingRoomId, lang);
    if (!id.ok) throw new InputError(id.message);
    return {
      target: { kind: 'room', meetingRoomId: id.value },
      view: { kind: 'room', meetingRoomId: id.value, name: room.name, location: room.location },
    };
  }
  const { mra } = request;
  const dial = parseDialString(mra.protocol, mra.dialString, lang);
  if (!dial.ok) throw new InputError(dial.message);
  const label = checkLabel(mra.label, lang);
  if (!label.ok) throw new InputError(label.message);
  return {
    target: { kind: 'mra', protocol: mra.protocol, dialString: dial.value },
    view: { kind: 'mra', protocol: mra.protocol, dialString: dial.value, label: label.value },
  };
}
