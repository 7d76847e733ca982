// Puts a built page's own script and stylesheet inside its HTML (the popover's: issue 16), so
// its first screen waits for no request after the page itself: measured in `./dev bench`, the
// two requests cost the popover 6-8 ms of its 50 ms budget. The page's CSP then allows exactly
// that text by hash (main/app/web/inline-hashes.ts, the same hashing the servers apply to the
// header's policy); 'unsafe-inline' never appears. Anything unexpected fails the build.
import { readFileSync, writeFileSync } from 'node:fs';
import { hashSource } from '../main/app/web/inline-hashes.ts';

/** @param {string} text @param {string} from @param {string} to */
function replaceOnce(text, from, to) {
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1) {
    throw new Error(`inline-page: expected exactly one ${JSON.stringify(from)}`);
  }
  return `${text.slice(0, at)}${to}${text.slice(at + from.length)}`;
}

/** @param {string} page e.g. 'popover' (out/renderer/popover.html and assets/popover.*) */
export function inlinePage(page) {
  const htmlFile = `out/renderer/${page}.html`;
  let js = readFileSync(`out/renderer/assets/${page}.js`, 'utf8');
  let css = readFileSync(`out/renderer/assets/${page}.css`, 'utf8');
  // An element's text ends at its closing tag, whatever the code means there.
  if (/<\/script|<!--/i.test(js)) throw new Error(`inline-page: ${page}.js holds </script or <!--`);
  if (/<\/style/i.test(css)) throw new Error(`inline-page: ${page}.css holds </style`);
  // Relative URLs in an inline element resolve against the page, not assets/.
  js = js
    .replaceAll('"./chunks/', '"./assets/chunks/')
    .replace(/\/\/# sourceMappingURL=(\S+)\s*$/, '//# sourceMappingURL=./assets/$1\n');
  css = css.replace(
    /\/\*# sourceMappingURL=(\S+) \*\/\s*$/,
    '/*# sourceMappingURL=./assets/$1 */\n',
  );
  if (/url\(/i.test(css)) throw new Error(`inline-page: ${page}.css uses url(), not rebased`);

  let html = readFileSync(htmlFile, 'utf8');
  html = replaceOnce(html, `<link rel="modulepreload" href="./assets/${page}.js" />`, '');
  html = replaceOnce(
    html,
    `<link rel="stylesheet" href="./assets/${page}.css" />`,
    `<style>${css}</style>`,
  );
  html = replaceOnce(
    html,
    `<script type="module" src="./assets/${page}.js"></script>`,
    `<script type="module">${js}</script>`,
  );
  html = replaceOnce(html, "script-src 'self'", `script-src 'self' ${hashSource(js)}`);
  html = replaceOnce(html, "style-src 'self'", `style-src 'self' ${hashSource(css)}`);
  writeFileSync(htmlFile, html);
}
