import type { Catalog } from './locale';
import type { ApiRequest } from '../../../main/shared/rules/api-request';

/**
 * The error notice's own words (ui/error-notice.tsx, lib/error-copy.ts): the disclosure that
 * holds main's technical sentence, and what failed when a server code's usual words name
 * another request (main/shared/rules/api-request.ts). Kept beside common-messages.ts rather
 * than in it, both languages with the same keys (the type says so).
 */
interface ErrorMessages {
  /** The disclosure's label; the code follows it (common `errorCode`), shown while closed. */
  readonly details: string;
  /** "Tencent Meeting could not list the rooms": the headline when a code's words do not fit. */
  readonly requestFailed: Readonly<Record<ApiRequest, string>>;
}

const en: ErrorMessages = {
  details: 'Details',
  requestFailed: {
    rooms: 'Tencent Meeting could not list the rooms',
    room: 'Tencent Meeting could not read the room’s details',
    call: 'Tencent Meeting could not place the call',
    cancel: 'Tencent Meeting could not cancel the call',
    'call-status': 'Tencent Meeting could not read the call’s status',
    meetings: 'Tencent Meeting could not look up the meeting',
  },
};

const zh: ErrorMessages = {
  details: '详情',
  requestFailed: {
    rooms: '腾讯会议未能列出会议室',
    room: '腾讯会议未能读取会议室详情',
    call: '腾讯会议未能发起呼叫',
    cancel: '腾讯会议未能取消呼叫',
    'call-status': '腾讯会议未能读取呼叫状态',
    meetings: '腾讯会议未能查询会议',
  },
};

export const errorMessages: Catalog<ErrorMessages> = { en, 'zh-CN': zh };
export type { ErrorMessages };
