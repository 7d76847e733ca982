import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererResponse } from '../../main/app/electron/app-protocol';
import { mayNavigate, windowOpenDecision } from '../../main/app/electron/navigation-policy';
import { HELP_URLS } from '../../main/app/handlers/window-port';
import { assetPathFor, readAsset } from '../../main/app/web/assets';
import { contentSecurityPolicy } from '../../main/app/web/csp';
import { hashSource, inlineHashes } from '../../main/app/web/inline-hashes';
import { isAppUrl, pageUrl } from '../../main/app/web/pages';
import { useTempDir } from '../helpers/temp-dir';

describe('navigation and new windows', () => {
  it('allows navigation within app://roomcall only', () => {
    expect(mayNavigate(pageUrl('picker'))).toBe(true);
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'app://other/popover.html',
      'app://user@roomcall/popover.html',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'not a url',
    ]) {
      expect(mayNavigate(url)).toBe(false);
    }
    expect(isAppUrl('app://roomcall/settings.html#section')).toBe(true);
  });

  it('opens no window; help links go to the browser, anything else nowhere', () => {
    expect(windowOpenDecision(HELP_URLS.credentials)).toEqual({
      action: 'external',
      url: HELP_URLS.credentials,
    });
    for (const url of [
      'https://evil.example/',
      'http://cloud.tencent.com/document/product/1095/58768',
      pageUrl('picker'),
      'file:///tmp/x.html',
      `${HELP_URLS.credentials}?x=1`,
    ]) {
      expect(windowOpenDecision(url)).toEqual({ action: 'deny' });
    }
  });
});

describe('content security policy', () => {
  it('allows no inline script, no remote content, no framing', () => {
    const csp = contentSecurityPolicy("'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(contentSecurityPolicy("'self'")).toContain("connect-src 'self'");
  });
});

describe('renderer assets', () => {
  const dir = useTempDir();

  it('maps request paths to files under the root only', () => {
    const root = '/srv/renderer';
    expect(assetPathFor(root, '/popover.html')).toBe(path.join(root, 'popover.html'));
    expect(assetPathFor(root, '/assets/popover.js')).toBe(path.join(root, 'assets', 'popover.js'));
    for (const bad of [
      '/',
      '/../secret.html',
      '/assets/../../secret.js',
      '/%2e%2e/secret.js',
      '/assets%2f..%2f..%2fsecret.js',
      '/.env.json',
      '/assets/.hidden.js',
      '/a\\b.js',
      '/x%00.html',
      '/%E0%A4%A.html',
      '/popover.exe',
      'popover.html',
    ]) {
      expect(assetPathFor(root, bad)).toBeNull();
    }
  });

  it('serves files with their type, and nothing through a symlink out of the root', async () => {
    const root = path.join(dir(), 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'popover.html'), '<html></html>');
    await writeFile(path.join(dir(), 'outside.js'), 'secret()');
    await symlink(path.join(dir(), 'outside.js'), path.join(root, 'assets', 'link.js'));
    expect(await readAsset(root, '/popover.html')).toMatchObject({
      contentType: 'text/html; charset=utf-8',
    });
    expect(await readAsset(root, '/assets/link.js')).toBeNull();
    expect(await readAsset(root, '/missing.js')).toBeNull();
  });

  it('answers app:// requests with the CSP header, and 404 or 405 otherwise', async () => {
    const root = path.join(dir(), 'renderer');
    await mkdir(root, { recursive: true });
    await writeFile(path.join(root, 'popover.html'), '<html></html>');
    const ok = await rendererResponse(new Request('app://roomcall/popover.html'), root);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("connect-src 'none'");
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await ok.text()).toBe('<html></html>');
    expect((await rendererResponse(new Request('app://other/popover.html'), root)).status).toBe(
      404,
    );
    expect((await rendererResponse(new Request('app://roomcall/../x.html'), root)).status).toBe(
      404,
    );
    const post = new Request('app://roomcall/popover.html', { method: 'POST', body: 'x' });
    expect((await rendererResponse(post, root)).status).toBe(405);
  });

  it("allows a page's own inline script and style by hash, and nothing else inline", async () => {
    // MDN's CSP example (script-src, "hash"): alert('Hello, world.'); hashes to this.
    expect(hashSource("alert('Hello, world.');")).toBe(
      "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='",
    );
    const page =
      '<html><head><script src="/preview-bridge.js"></script>' +
      '<script type="module">alert(\'Hello, world.\');</script><style>p{color:red}</style>' +
      '</head></html>';
    expect(inlineHashes(page)).toEqual({
      script: ["'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"],
      style: [hashSource('p{color:red}')],
    });
    const root = path.join(dir(), 'renderer');
    await mkdir(root, { recursive: true });
    await writeFile(path.join(root, 'popover.html'), page);
    await writeFile(path.join(root, 'picker.html'), '<html><script src="x.js"></script></html>');
    const csp = async (name: string) =>
      (await rendererResponse(new Request(`app://roomcall/${name}`), root)).headers.get(
        'content-security-policy',
      ) ?? '';
    expect(await csp('popover.html')).toContain(
      "script-src 'self' 'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='",
    );
    expect(await csp('popover.html')).toContain(`style-src 'self' ${hashSource('p{color:red}')}`);
    expect(await csp('popover.html')).not.toContain('unsafe-inline');
    // A page with nothing inline keeps 'self' alone.
    expect(await csp('picker.html')).toContain("script-src 'self';");
  });
});
