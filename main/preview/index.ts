/** The web preview's programmatic API (see README.md): for Playwright tests and scripts. */
export { startPreview, type Preview, type PreviewOptions } from './server';
export type { PreviewApi, WindowAction } from './backend';
