import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Health, SignInConfig, WhoAmI } from '../../core/relay/contract';
import { RELAY_API_VERSION } from '../../core/relay/contract';
import type { WemeetApi } from '../../core/wemeet/api';
import type { FetchLike } from '../../core/wemeet/transport';
import type { CallTarget } from '../../core/wemeet/types';
import type { RelayConfig } from '../config';
import type { AuditAction, AuditOutcome, Identity, IdentityVerifier, RelayStorage } from '../ports';
import { companyGate, perMinute, takePersonBudget } from './budget';
import { bearerOf, readJsonBody, requestIdOf, sendJson } from './http-io';
import { identify } from './identify';
import type { RelayLogger } from './log';
import { RelayHttpError, toFailure, type RelayFailure } from './relay-error';
import { matchRoute, type Route } from './routes';

/** One relay request, from the socket to the answer, the audit entry and the log line. */

export type ServerSettings = Pick<
  RelayConfig,
  'oidc' | 'tokens' | 'companyPerMinute' | 'personPerMinute' | 'directoryTtlSeconds'
>;

export interface HandlerDeps {
  readonly settings: ServerSettings;
  readonly storage: RelayStorage;
  readonly verifiers: readonly IdentityVerifier[];
  /** A WemeetApi acting as `operatorId`, sending through `fetch` (the company budget's gate). */
  readonly createApi: (operatorId: string, fetch: FetchLike) => WemeetApi;
  readonly transport: FetchLike;
  readonly logger: RelayLogger;
  readonly version: string;
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly newRequestId: () => string;
  readonly isStopping: () => boolean;
}

interface Audit {
  action: AuditAction | null;
  identity: Identity | null;
  target: string | null;
  meetingId: string | null;
}

interface Answer {
  readonly status: number;
  readonly body: object | null;
  readonly headers?: Readonly<Record<string, string>>;
}

export async function handleRequest(
  deps: HandlerDeps,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const started = deps.now();
  const requestId = requestIdOf(request, deps.newRequestId);
  const method = request.method ?? 'GET';
  const pathname = new URL(request.url ?? '/', 'http://relay.invalid').pathname;
  const match = matchRoute(method, pathname);
  const audit: Audit = { action: null, identity: null, target: null, meetingId: null };
  let failure: RelayFailure | null = null;
  let answer: Answer;
  try {
    if (match.kind === 'none') throw new RelayHttpError(404, 'not-found', 'No such relay path.');
    if (match.kind === 'wrong-method') {
      throw new RelayHttpError(405, 'bad-request', `Use ${match.allow} here.`);
    }
    answer = await serve(deps, match.route, request, audit);
  } catch (error) {
    failure = toFailure(error, requestId, audit.action === 'room-call');
    answer = failureAnswer(failure, match.kind === 'wrong-method' ? match.allow : null);
    if (failure.body.reason === 'internal') {
      deps.logger.log('error', 'internal error', {
        request_id: requestId,
        error: error instanceof Error ? error.name : typeof error,
      });
    }
  }
  const durationMs = Math.max(0, deps.now() - started);
  // Written before the answer leaves: what a client was told happened is already on record.
  await appendAudit(deps, requestId, audit, answer.status, failure, durationMs, started);
  sendJson(response, answer.status, answer.body, {
    requestId,
    // A refused oversized body is not read to its end: drop the connection rather than the rest.
    closing: deps.isStopping() || answer.status === 413,
    ...(answer.headers === undefined ? {} : { headers: answer.headers }),
  });
  deps.logger.log(answer.status >= 500 ? 'error' : 'info', 'request', {
    request_id: requestId,
    method,
    route: match.kind === 'none' ? '(unknown)' : match.name,
    status: answer.status,
    duration_ms: durationMs,
    operator: audit.identity?.operatorId ?? null,
    via: audit.identity?.via ?? null,
    reason: failure?.body.reason ?? null,
    tencent_code: failure?.body.tencent?.error_code ?? null,
  });
}

function failureAnswer(failure: RelayFailure, allow: string | null): Answer {
  const headers: Record<string, string> = {};
  if (failure.retryAfterSeconds !== null)
    headers['Retry-After'] = String(failure.retryAfterSeconds);
  if (failure.status === 401) headers['WWW-Authenticate'] = 'Bearer error="invalid_token"';
  if (allow !== null) headers['Allow'] = allow;
  return { status: failure.status, body: { error: failure.body }, headers };
}

async function serve(
  deps: HandlerDeps,
  route: Route,
  request: IncomingMessage,
  audit: Audit,
): Promise<Answer> {
  if (route.kind === 'health') return health(deps);
  if (route.kind === 'sign-in-config') return { status: 200, body: signInConfig(deps.settings) };
  audit.action = route.kind === 'me' ? 'who-am-i' : route.operation.action;
  const identity = await identify(bearerOf(request), deps.verifiers, deps.now());
  audit.identity = identity;
  await takePersonBudget(
    deps.storage.budget,
    identity.operatorId,
    perMinute(deps.settings.personPerMinute),
  );
  if (route.kind === 'me') {
    const me: WhoAmI = {
      operator_id: identity.operatorId,
      via: identity.via,
      expires_at:
        identity.expiresAtMs === null ? null : new Date(identity.expiresAtMs).toISOString(),
    };
    return { status: 200, body: me };
  }
  const body = request.method === 'POST' ? await readJsonBody(request) : undefined;
  const gate = companyGate({
    budget: deps.storage.budget,
    rule: perMinute(deps.settings.companyPerMinute),
    transport: deps.transport,
    sleep: deps.sleep,
    now: deps.now,
  });
  const api = deps.createApi(identity.operatorId, gate.fetch);
  try {
    const result = await route.operation.run({
      params: route.params,
      query: new URL(request.url ?? '/', 'http://relay.invalid').searchParams,
      body,
      api,
      directory: {
        cache: deps.storage.directory,
        ttlMs: deps.settings.directoryTtlSeconds * 1000,
        now: deps.now,
      },
      note: (fields) => {
        if (fields.target !== undefined) audit.target = auditTarget(fields.target);
        if (fields.roomId !== undefined) audit.target = `room:${fields.roomId}`;
        if (fields.meetingId !== undefined) audit.meetingId = fields.meetingId;
      },
    });
    return result === null ? { status: 204, body: null } : { status: 200, body: result };
  } catch (error) {
    // The company budget refused a request to Tencent: that, not how the client saw it, is why.
    throw gate.refusal() ?? error;
  }
}

async function health(deps: HandlerDeps): Promise<Answer> {
  const base = {
    version: deps.version,
    api: RELAY_API_VERSION,
    storage: deps.storage.kind,
  } as const;
  try {
    await deps.storage.ping();
  } catch {
    throw new RelayHttpError(503, 'internal', 'The relay cannot reach its storage.');
  }
  const body: Health = { status: 'ok', ...base };
  return { status: 200, body };
}

function signInConfig(settings: ServerSettings): SignInConfig {
  const oidc = settings.oidc;
  if (oidc === null) return { oidc: null, tokens: settings.tokens };
  return {
    oidc: {
      issuer: oidc.issuer,
      client_id: oidc.clientId,
      scopes: oidc.scopes,
      ...(oidc.clientSecret === null ? {} : { client_secret: oidc.clientSecret }),
    },
    tokens: settings.tokens,
  };
}

function auditTarget(target: CallTarget): string {
  return target.kind === 'room'
    ? `room:${target.meetingRoomId}`
    : `${target.protocol}:${target.dialString}`;
}

function outcomeOf(status: number, reason: string | null): AuditOutcome {
  if (reason === null) return 'ok';
  if (reason === 'unconfirmed') return 'unconfirmed';
  if (reason === 'rate-limited') return 'rate-limited';
  if (status === 401 || status === 403) return 'denied';
  return 'error';
}

async function appendAudit(
  deps: HandlerDeps,
  requestId: string,
  audit: Audit,
  status: number,
  failure: RelayFailure | null,
  durationMs: number,
  atMs: number,
): Promise<void> {
  if (audit.action === null) return;
  try {
    await deps.storage.audit.append({
      atMs,
      requestId,
      operatorId: audit.identity?.operatorId ?? null,
      subject: audit.identity?.subject ?? null,
      via: audit.identity?.via ?? null,
      action: audit.action,
      target: audit.target,
      meetingId: audit.meetingId,
      outcome: outcomeOf(status, failure?.body.reason ?? null),
      code: failure?.code ?? null,
      durationMs,
    });
  } catch (error) {
    deps.logger.log('error', 'audit entry not written', {
      request_id: requestId,
      error: error instanceof Error ? error.name : typeof error,
    });
  }
}
