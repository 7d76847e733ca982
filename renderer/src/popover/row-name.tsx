import { splitName } from './row-text';

/**
 * A name that shortens in the middle: the head ends in an ellipsis when the row is too
 * narrow, the tail (the room number onwards) always shows. Both parts stay in the DOM, so the
 * accessible name and the text are the whole name; the row's `title` shows it on hover.
 */
export function RowName({ name }: { name: string }) {
  const { head, tail } = splitName(name);
  return (
    <>
      {head !== '' && (
        <span class={tail === '' ? 'name-head name-whole' : 'name-head'}>{head}</span>
      )}
      {tail !== '' && <span class="name-tail">{tail}</span>}
    </>
  );
}
