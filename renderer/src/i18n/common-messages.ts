import {
  TENCENT_ERROR_CODES,
  TENCENT_CODES,
  type TencentErrorCode,
} from '../../../main/shared/tencent-error-codes';
import type { Catalog } from './locale';

/** A headline and what to do next. */
interface ErrorWords {
  readonly title: string;
  readonly hint: string;
}

/**
 * Words for each Tencent Meeting error code, keyed by code: the English ones are the shared
 * list's (the CLI says the same), the Chinese ones are below. Typed by the list's codes, so a
 * code added there without Chinese words does not compile.
 */
type CodeWords = Readonly<Record<TencentErrorCode, ErrorWords>>;

function englishCodeWords(): CodeWords {
  const entries = TENCENT_CODES.map((code) => {
    const { title, advice } = TENCENT_ERROR_CODES[code];
    return [code, { title, hint: advice }] as const;
  });
  return Object.fromEntries(entries) as CodeWords;
}

/**
 * Words every page uses: room statuses, call phases, invite outcomes and error copy. Error
 * copy is keyed by the server's code (`codes`) and else by the error's kind (`errors`, plus
 * `addressUnavailable`; error-copy.ts picks the entry), so the same failure reads the same in the popover, the
 * picker and settings.
 */
const en = {
  loading: 'Loading…',
  retry: 'Try again',
  cancel: 'Cancel',
  openSettings: 'Open settings',
  learnMore: 'How to fix this',
  errorCode: (code: number) => `Error code ${String(code)}`,
  codes: englishCodeWords(),
  status: {
    idle: 'Available',
    'in-use': 'In use',
    offline: 'Offline',
    'not-logged-in': 'Signed out',
    'not-activated': 'Not activated',
    'not-bound': 'Not set up',
    unknown: 'Status unknown',
    notCallable: 'Cannot be called',
  },
  protocol: { sip: 'SIP', h323: 'H.323' },
  phase: {
    resolving: 'Finding the meeting…',
    calling: 'Calling…',
    checking: 'Checking…',
    ringing: 'Ringing…',
    accepted: 'In the meeting',
    rejected: 'Declined',
    'no-answer': 'No answer',
    ended: 'Call ended',
    cancelling: 'Cancelling…',
    cancelled: 'Cancelled',
    'timed-out': 'No response',
    unconfirmed: 'Unconfirmed (may be ringing)',
    failed: 'Failed',
  },
  outcome: {
    invited: 'Invited',
    ringing: 'Ringing',
    accepted: 'Accepted',
    rejected: 'Declined',
    'no-answer': 'No answer',
    'not-called': 'Not called',
    'joined-or-cancelled': 'Joined or cancelled',
    left: 'Left the meeting',
    unknown: 'Unknown',
    cancelled: 'Cancelled',
    failed: 'Failed',
    unconfirmed: 'Unconfirmed',
  },
  inviteTo: (name: string) => `Invite ${name}`,
  /** Around a visible name, so a row's accessible name contains its visible text. */
  invitePrefix: 'Invite ',
  cancelCallTo: (name: string) => `Cancel the call to ${name}`,
  /** An unconfirmed call whose cancel was asked: Tencent cancels only with the lost invite ID. */
  notCancellable:
    'Not cancelled: Tencent Meeting needs the invite ID its lost reply carried. Decline the call on the device, or remove it from the meeting.',
  callUpdate: (name: string, phase: string) => `${name}: ${phase}`,
  errors: {
    /** 10004 for a SIP/H.323 address: not "offline in the room picker". */
    addressUnavailable: {
      title: 'The address could not be called',
      hint: 'Check the SIP or H.323 address and that the device is on and reachable. Calling an address needs the meeting’s host or a co-host.',
    },
    api: {
      title: 'Tencent Meeting refused the request',
      hint: 'Try again. If it keeps happening, give your administrator the error code.',
    },
    network: {
      title: 'Cannot reach Tencent Meeting',
      hint: 'Check your network connection or proxy, then try again.',
    },
    timeout: {
      title: 'Tencent Meeting did not answer in time',
      hint: 'The network may be slow. Try again.',
    },
    response: {
      title: 'Tencent Meeting sent an answer RoomCall does not understand',
      hint: 'Try again. If it keeps happening, check the API base URL in Settings.',
    },
    storage: {
      title: 'Could not save to disk',
      hint: 'The disk may be full or the settings folder read-only.',
    },
    busy: {
      title: 'Not saved: RoomCall is busy with this file',
      hint: 'Another RoomCall (the app or the roomcall command) is saving it right now. Try again in a moment.',
    },
    keychain: {
      title: 'The system keychain is not available',
      hint: 'RoomCall keeps the SecretKey in the system keychain. Unlock it (or install a Secret Service such as GNOME Keyring on Linux), then try again.',
    },
    'not-configured': {
      title: 'RoomCall is not set up yet',
      hint: 'Enter your enterprise app’s credentials in Settings.',
    },
    'no-meeting': {
      title: 'There is no current meeting',
      hint: 'Start or join a meeting, or enter its code.',
    },
    meeting: {
      title: 'That meeting cannot be used',
      hint: 'It may have ended. Enter another meeting code.',
    },
    validation: {
      title: 'That input cannot be used',
      hint: 'Check what you entered.',
    },
    forbidden: {
      title: 'This window is not allowed to do that',
      hint: 'Restart RoomCall.',
    },
    internal: {
      title: 'Something went wrong inside RoomCall',
      hint: 'Try again. If it keeps happening, restart RoomCall.',
    },
  },
};

export type CommonMessages = typeof en;

const zh: CommonMessages = {
  loading: '正在加载…',
  retry: '重试',
  cancel: '取消',
  openSettings: '打开设置',
  learnMore: '如何解决',
  errorCode: (code) => `错误码 ${String(code)}`,
  codes: {
    200003: {
      title: 'SecretKey 与 SecretId 不匹配',
      hint: '请确认 SecretKey 属于该 SecretId：从腾讯会议管理后台重新复制这两项，并在设置中保存。',
    },
    190300: {
      title: '电脑时间不准确',
      hint: '腾讯会议会拒绝与服务器时间相差超过 5 分钟的请求。请将日期和时间设为自动同步，然后重试。',
    },
    190301: {
      title: '请求被判定为重复请求',
      hint: '请重试。如果问题持续，请检查电脑时间以及中间的代理。',
    },
    190303: {
      title: 'AppId、SdkId 或 SecretId 未通过校验',
      hint: '请在设置中核对 AppId、SecretId 和 SdkId；除非腾讯为你分配了 SdkId，否则请留空。',
    },
    190004: {
      title: '腾讯会议发现请求参数无效',
      hint: '请检查会议 ID 或会议号、会议室以及呼叫地址，然后重试。',
    },
    190001: {
      title: '操作者 userid 不存在',
      hint: '请在设置中检查操作者 userid：它是企业内的 userid，而不是显示名称。',
    },
    20001: {
      title: '操作者 userid 不存在',
      hint: '请在设置中检查操作者 userid：它是企业内的 userid，而不是显示名称。',
    },
    9003: {
      title: '找不到该会议号或会议 ID 对应的会议',
      hint: '请检查会议号或会议 ID：会议可能已结束，或会议号已被回收。',
    },
    9042: {
      title: '应用没有执行此操作的权限',
      hint: '请让会议主持人将操作者设为主持人或联席主持人，或使用企业管理员作为操作者。',
    },
    190315: {
      title: '只有会议创建者可以执行此操作',
      hint: '请让会议主持人将操作者设为主持人或联席主持人，或使用企业管理员作为操作者。',
    },
    10004: {
      title: '无法呼叫该会议室',
      hint: '请确认会议室在线且空闲，然后再次呼叫。',
    },
    10002: {
      title: '无法查询呼叫状态',
      hint: '请等待几秒后重试。',
    },
    20000: {
      title: '请求参数类型错误',
      hint: '请检查会议 ID 和会议室；如果问题持续，请附上 RoomCall 版本号反馈（“会议 ID 编码”设置可能有帮助）。',
    },
    190310: {
      title: '请求过于频繁',
      hint: '请等待一分钟后重试。',
    },
    190311: {
      title: '今日调用次数已用完',
      hint: '请明天再试，或联系腾讯会议管理员了解调用配额。',
    },
    190313: {
      title: '请求过于频繁',
      hint: '请等待几秒后重试。',
    },
    9061: {
      title: '会议查询过于频繁',
      hint: '请等待几秒后重试。',
    },
  },
  status: {
    idle: '空闲',
    'in-use': '使用中',
    offline: '离线',
    'not-logged-in': '未登录',
    'not-activated': '未激活',
    'not-bound': '未绑定',
    unknown: '状态未知',
    notCallable: '不可呼叫',
  },
  protocol: { sip: 'SIP', h323: 'H.323' },
  phase: {
    resolving: '正在查找会议…',
    calling: '正在呼叫…',
    checking: '正在确认…',
    ringing: '正在响铃…',
    accepted: '已在会议中',
    rejected: '已拒绝',
    'no-answer': '无人接听',
    ended: '通话已结束',
    cancelling: '正在取消…',
    cancelled: '已取消',
    'timed-out': '无响应',
    unconfirmed: '未确认（可能正在响铃）',
    failed: '呼叫失败',
  },
  outcome: {
    invited: '已邀请',
    ringing: '响铃中',
    accepted: '已接听',
    rejected: '已拒绝',
    'no-answer': '无人接听',
    'not-called': '未呼叫',
    'joined-or-cancelled': '已入会或已取消',
    left: '已离开会议',
    unknown: '未知',
    cancelled: '已取消',
    failed: '失败',
    unconfirmed: '未确认',
  },
  inviteTo: (name) => `邀请 ${name}`,
  invitePrefix: '邀请 ',
  cancelCallTo: (name) => `取消呼叫 ${name}`,
  notCancellable:
    '未能取消：腾讯会议取消呼叫需要邀请 ID，而带有它的回复已丢失。请在设备上拒接，或将其移出会议。',
  callUpdate: (name, phase) => `${name}：${phase}`,
  errors: {
    /** 10004 for a SIP/H.323 address: not "offline in the room picker". */
    addressUnavailable: {
      title: '无法呼叫该地址',
      hint: '请检查 SIP 或 H.323 地址，并确认设备已开机且可以连通。呼叫地址需要会议主持人或联席主持人权限。',
    },
    api: {
      title: '腾讯会议拒绝了请求',
      hint: '请重试。如果问题持续，请将错误码告知管理员。',
    },
    network: {
      title: '无法连接腾讯会议',
      hint: '请检查网络连接或代理设置，然后重试。',
    },
    timeout: {
      title: '腾讯会议响应超时',
      hint: '网络可能较慢，请重试。',
    },
    response: {
      title: '无法识别腾讯会议返回的内容',
      hint: '请重试。如果问题持续，请在设置中检查 API 地址。',
    },
    storage: {
      title: '无法保存到磁盘',
      hint: '磁盘可能已满，或设置文件夹为只读。',
    },
    busy: {
      title: '未保存：另一个 RoomCall 正在使用此文件',
      hint: '另一个 RoomCall（应用或 roomcall 命令行）正在保存该文件。请稍后重试。',
    },
    keychain: {
      title: '系统钥匙串不可用',
      hint: 'RoomCall 将 SecretKey 保存在系统钥匙串中。请解锁钥匙串（Linux 上请安装 GNOME Keyring 等 Secret Service），然后重试。',
    },
    'not-configured': {
      title: 'RoomCall 尚未设置',
      hint: '请在设置中填写企业自建应用的凭据。',
    },
    'no-meeting': {
      title: '当前没有会议',
      hint: '请发起或加入会议，或输入会议号。',
    },
    meeting: {
      title: '无法使用该会议',
      hint: '会议可能已结束。请输入其他会议号。',
    },
    validation: {
      title: '输入内容无法使用',
      hint: '请检查输入的内容。',
    },
    forbidden: {
      title: '此窗口无权执行该操作',
      hint: '请重新启动 RoomCall。',
    },
    internal: {
      title: 'RoomCall 内部出错',
      hint: '请重试。如果问题持续，请重新启动 RoomCall。',
    },
  },
};

export const commonMessages: Catalog<CommonMessages> = { en, 'zh-CN': zh };
