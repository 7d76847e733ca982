import { quote } from '../../core/input/text';
import { FileTooLargeError, readFileLimited, writeFileAtomic } from '../../core/store/atomic-file';
import { favoriteMessages } from '../../core/store/favorite-messages';
import { MAX_IMPORT_BYTES, parseFavoritesFile } from '../../core/store/favorites-import';
import { EXIT_OK, UsageError } from '../exit-codes';
import type { CommandHandler } from '../command-handler';
import { readStdinLimited } from '../stdin';
import { targetWords } from '../words';

/** `roomcall favorites export` and `import`: the favourites to and from a file or stdin/stdout. */

export const runExport: CommandHandler = async (ctx, options) => {
  const exported = await ctx.favorites.exportFavorites();
  const text = `${JSON.stringify(exported, null, 2)}\n`;
  const file = options.string('output');
  if (file === undefined) {
    ctx.output.raw('stdout', text);
    return EXIT_OK;
  }
  // Beside the target and renamed over it (writeFileAtomic): a full disk or a kill leaves the
  // old file whole. A full or read-only disk is a FileWriteError (exit 1, its own words); only
  // a path that cannot be a file (no such folder, a folder) is the user's to fix (exit 2).
  try {
    await writeFileAtomic(file, text);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') {
      throw new UsageError(`Cannot write ${quote(file)}: ${fsReason(error)}.`);
    }
    throw error;
  }
  const count = exported.favorites.length;
  ctx.output.note(`Exported ${count} favourite${count === 1 ? '' : 's'} to ${file}.`);
  return EXIT_OK;
};

export const runImport: CommandHandler = async (ctx, options, args) => {
  const file = args[0] ?? '';
  const content =
    file === '-'
      ? await readStdinLimited(
          ctx.deps.stdin,
          MAX_IMPORT_BYTES,
          `The input: ${favoriteMessages.en.fileTooLarge(MAX_IMPORT_BYTES)}`,
        )
      : await readImportFile(file);
  const report = await ctx.favorites.importFavorites(parseFavoritesFile(content));
  if (options.flag('json')) {
    // `skipped` names the first MAX_REPORTED_SKIPS; `skippedCount` counts them all.
    ctx.output.json({
      added: report.added,
      skipped: report.skipped,
      skippedCount: report.skippedCount,
    });
    return EXIT_OK;
  }
  const added = report.added.length;
  const skipped = report.skippedCount;
  const listed = report.skipped.length;
  ctx.output.line(
    `Imported ${added} favourite${added === 1 ? '' : 's'}${skipped === 0 ? '.' : `; skipped ${skipped}${listed < skipped ? ` (the first ${listed} below)` : ''}:`}`,
  );
  for (const skip of report.skipped) {
    ctx.output.line(`  entry ${skip.position} (${skip.entry}): ${skip.reason}`);
  }
  if (listed < skipped) ctx.output.line(`  … and ${skipped - listed} more.`);
  for (const favorite of report.added) {
    ctx.output.note(
      `  + ${targetWords(
        favorite,
        favorite.kind === 'room' && favorite.label === null ? favorite.name : favorite.label,
      )}`,
    );
  }
  return EXIT_OK;
};

async function readImportFile(file: string): Promise<Uint8Array> {
  try {
    // The size is checked (fstat) before a byte is read: a hostile file costs nothing.
    const bytes = await readFileLimited(file, MAX_IMPORT_BYTES);
    if (bytes === null) throw new UsageError(`Cannot read ${quote(file)}: there is no such file.`);
    return bytes;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof FileTooLargeError) {
      throw new UsageError(`${quote(file)}: ${favoriteMessages.en.fileTooLarge(MAX_IMPORT_BYTES)}`);
    }
    throw new UsageError(`Cannot read ${quote(file)}: ${fsReason(error)}.`);
  }
}

function fsReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'there is no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : 'unknown error';
}
