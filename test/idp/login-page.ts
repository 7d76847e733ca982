import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { accountByLogin, type TestAccount } from './accounts';

/**
 * The test identity provider's own interaction pages (instead of oidc-provider's
 * devInteractions, which accept any login and warn on every start): a login form that checks
 * the test accounts' passwords, then consent granted without a page, as a company's provider
 * does for its own first-party app. Pattern from oidc-provider's documented interaction API:
 * interactionDetails() reads the pending interaction, interactionFinished() resumes it.
 */

const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/;

/** Where the provider sends the browser to interact (its `interactions.url`). */
export function interactionUrl(uid: string): string {
  return `/interaction/${uid}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginForm(uid: string, problem: string | null): string {
  const alert = problem === null ? '' : `<p role="alert">${escapeHtml(problem)}</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider: sign in</title>
<meta name="color-scheme" content="light dark"></head>
<body><main>
<h1>Sign in to the test identity provider</h1>${alert}
<form method="post" action="${escapeHtml(interactionUrl(uid))}/login">
<p><label>Username <input name="login" autocomplete="username" required autofocus></label></p>
<p><label>Password <input name="password" type="password" autocomplete="current-password" required></label></p>
<p><button type="submit">Sign in</button></p>
</form></main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(html);
}

/**
 * Handles the interaction routes; false for any other path (the provider's). Errors (an
 * interaction that expired, a missing cookie) answer 400 in words rather than crash the server.
 */
export async function handleInteraction(
  provider: Provider,
  accounts: readonly TestAccount[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const match = INTERACTION_PATH.exec(new URL(req.url ?? '/', 'http://idp').pathname);
  if (match === null) return false;
  const uid = match[1] ?? '';
  try {
    const details = await provider.interactionDetails(req, res);
    if (match[2] === '/login' && req.method === 'POST') {
      const form = await readForm(req);
      const account = accountByLogin(accounts, form.get('login') ?? '');
      if (account?.password !== form.get('password')) {
        send(res, 401, loginForm(uid, 'Wrong username or password.'));
        return true;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.sub } },
        { mergeWithLastSubmission: false },
      );
      return true;
    }
    if (details.prompt.name === 'consent') {
      const accountId = details.session?.accountId ?? '';
      const grant = new provider.Grant({
        accountId,
        clientId: String(details.params['client_id']),
      });
      const scopes = stringList(details.prompt.details['missingOIDCScope']);
      if (scopes.length > 0) grant.addOIDCScope(scopes.join(' '));
      const claims = stringList(details.prompt.details['missingOIDCClaims']);
      if (claims.length > 0) grant.addOIDCClaims(claims);
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
      return true;
    }
    send(res, 200, loginForm(uid, null));
  } catch (error) {
    send(
      res,
      400,
      `<!doctype html><title>Sign-in problem</title><p>${escapeHtml(String(error))}</p>`,
    );
  }
  return true;
}
