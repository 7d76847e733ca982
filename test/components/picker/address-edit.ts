import { fireEvent, within } from '@testing-library/preact';
import { settle } from '../setup';

/** What to type into a favourite address's edit form; a field left out is not touched. */
export interface AddressEdit {
  readonly address?: string;
  readonly name?: string;
}

/**
 * Opens the edit form of the favourite `label` in the Favourites panel, types `edit` and
 * presses Save (whichever bridge answers); returns the form for the test's checks.
 */
export async function submitAddressEdit(
  panel: HTMLElement,
  label: string,
  edit: AddressEdit,
): Promise<HTMLElement> {
  fireEvent.click(within(panel).getByRole('button', { name: `Edit ${label}` }));
  await settle();
  const form = within(panel).getByRole('form', { name: 'Edit address' });
  if (edit.address !== undefined) {
    fireEvent.input(within(form).getByRole('textbox', { name: 'Address' }), {
      target: { value: edit.address },
    });
  }
  if (edit.name !== undefined) {
    fireEvent.input(within(form).getByRole('textbox', { name: 'Name' }), {
      target: { value: edit.name },
    });
  }
  fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
  return form;
}
