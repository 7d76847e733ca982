import path from 'node:path';
import type { BrowserWindow, Dialog, SaveDialogOptions } from 'electron';
import { replaceFileAtomic } from '../../core/store/atomic-file';
import type { SaveFileOutcome } from '../handlers/window-port';
import { SaveFileError } from '../services/errors';

export interface SaveFileOptions {
  readonly dialog: Pick<Dialog, 'showSaveDialog'>;
  /** The window the dialog belongs to (a sheet on macOS); null for a free-standing dialog. */
  readonly parent: BrowserWindow | null;
  /** Where the dialog starts: app.getPath('documents'). */
  readonly folder: string;
  readonly defaultName: string;
  readonly contents: string;
}

/**
 * The native save dialog, then the file written atomically (a temporary file beside it, then
 * renamed), so `saved` means the whole file is on disk and a failed write leaves whatever was
 * there before. docs/api/dialog.md, showSaveDialog: resolves `{ canceled, filePath }`, and
 * `filePath` is an empty string when the dialog is cancelled. `showOverwriteConfirmation` is
 * Linux's (macOS and Windows always confirm); `createDirectory` is macOS's.
 */
export async function saveWithDialog(options: SaveFileOptions): Promise<SaveFileOutcome> {
  const dialogOptions: SaveDialogOptions = {
    defaultPath: path.join(options.folder, options.defaultName),
    filters: [{ name: 'JSON', extensions: ['json'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const chosen =
    options.parent === null
      ? await options.dialog.showSaveDialog(dialogOptions)
      : await options.dialog.showSaveDialog(options.parent, dialogOptions);
  const file = chosen.filePath;
  if (chosen.canceled || file === '') return { status: 'cancelled' };
  await writeChosenFile(file, options.contents);
  return { status: 'saved', path: file };
}

/** Writes an export where the person chose, atomically; a failure is a SaveFileError. */
export async function writeChosenFile(file: string, contents: string): Promise<void> {
  try {
    await replaceFileAtomic(file, contents);
  } catch (error) {
    throw new SaveFileError(file, error);
  }
}
