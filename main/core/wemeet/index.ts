/** The Tencent Meeting client's public surface: import from here, not from the modules. */
export type {
  CancelRoomCallRequest,
  ListRoomsOptions,
  Meeting,
  MeetingStatus,
  Room,
  RoomCallInfo,
  RoomCallInfoRequest,
  RoomCallRequest,
  RoomCallResult,
  RoomDetails,
  RoomStatus,
  WemeetApi,
} from './api';
export { createWemeetApi, ROOMS_PAGE_SIZE } from './api-impl';
export type { WemeetApiOptions } from './api-impl';
export { DEFAULT_BASE_URL, WemeetClient, encodeQuery, pathSegment } from './client';
export type { FetchLike, HttpMethod, Query, RequestOptions, WemeetClientOptions } from './client';
export type { Credentials, CredentialsSummary } from './credentials';
export { describeCredentials, maskSecretId } from './credentials';
export {
  RATE_LIMIT_CODES,
  WemeetApiError,
  WemeetError,
  WemeetNetworkError,
  WemeetResponseError,
  WemeetTimeoutError,
  describeError,
  isTransient,
} from './errors';
export type { DescribedError, ResponseProblem, WemeetErrorKind } from './errors';
export { JsonInteger, encodeMeetingId, parseJsonLossless, stringifyBody } from './json';
export type { BodyValue, MeetingIdEncoding } from './json';
export { DEFAULT_RETRY_POLICY, retryDelayMs, shouldRetry } from './retry-policy';
export type { RetryPolicy } from './retry-policy';
export { callStateFromStatus, roomStatusFromCode } from './schemas';
export type {
  CallState,
  CallTarget,
  DialProtocol,
  MeetingCode,
  MeetingId,
  Operator,
} from './types';
