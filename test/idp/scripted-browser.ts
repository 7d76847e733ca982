/**
 * A "browser" in plain HTTP for the sign-in tests: follows redirects, keeps cookies, and fills
 * the test identity provider's login form once, the way a person would. It stops at the first
 * page that is neither a redirect nor that form (the loopback redirect's "you can close this
 * tab" page, or the form again after a wrong password) and returns it.
 */
export interface Credentials {
  readonly login: string;
  readonly password: string;
}

export interface FinalPage {
  readonly url: string;
  readonly status: number;
  readonly body: string;
}

const MAX_HOPS = 20;
const FORM_ACTION = /<form method="post" action="([^"]+)">/;

class CookieJar {
  readonly #cookies = new Map<string, string>();
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (expired || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

function decodeEntities(text: string): string {
  return text.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
}

export async function browse(startUrl: string, credentials: Credentials): Promise<FinalPage> {
  const jar = new CookieJar();
  let url = startUrl;
  let init: RequestInit = { method: 'GET' };
  let submitted = false;
  for (let hop = 0; hop < MAX_HOPS; hop += 1) {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
    });
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      url = new URL(location, url).href;
      init = { method: 'GET' };
      continue;
    }
    const body = await response.text();
    const action = FORM_ACTION.exec(body)?.[1];
    if (action === undefined || submitted) return { url, status: response.status, body };
    submitted = true;
    url = new URL(decodeEntities(action), url).href;
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        login: credentials.login,
        password: credentials.password,
      }).toString(),
    };
  }
  throw new Error(`more than ${MAX_HOPS} redirects from ${startUrl}`);
}
