/**
 * A small activity indicator; the spin is CSS. With a label it is a status for screen
 * readers; without one (inside a button that already says "Testing…") it is decoration.
 */
export function Spinner({ label }: { label?: string }) {
  if (label === undefined) return <span class="spinner" aria-hidden="true" />;
  return (
    <span class="spinner" role="status">
      <span class="visually-hidden">{label}</span>
    </span>
  );
}
