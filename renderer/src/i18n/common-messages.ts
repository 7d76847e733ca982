import type { Catalog } from './locale';

/**
 * Words every page uses: room statuses, call phases, invite outcomes and error copy. Error
 * copy is keyed by the error's kind and the server's code (error-copy.ts picks the entry), so
 * the same failure reads the same in the popover, the picker and settings.
 */
const en = {
  appName: 'RoomCall',
  loading: 'Loading…',
  retry: 'Try again',
  cancel: 'Cancel',
  close: 'Close',
  openSettings: 'Open settings',
  learnMore: 'How to fix this',
  errorCode: (code: number) => `Error code ${String(code)}`,
  serverSaid: 'Details',
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
    clock: {
      title: 'Your computer’s clock is off',
      hint: 'Tencent Meeting refuses requests signed more than 5 minutes off. Set the date and time automatically, then try again.',
    },
    credentials: {
      title: 'The AppId, SdkId or SecretId was not accepted',
      hint: 'Check them against the enterprise app in the Tencent Meeting admin console, then save them again in Settings.',
    },
    signature: {
      title: 'The SecretKey does not match the SecretId',
      hint: 'Copy the SecretKey again from the admin console and save it in Settings.',
    },
    permission: {
      title: 'The app is not allowed to do this',
      hint: 'Ask your Tencent Meeting administrator to grant the enterprise app the meeting-room and meeting permissions.',
    },
    rateLimit: {
      title: 'Too many requests',
      hint: 'Tencent Meeting is limiting requests for this app. Wait a minute, then try again.',
    },
    operator: {
      title: 'The operator userid is not known',
      hint: 'Enter the enterprise userid of an account in your organisation in Settings.',
    },
    replay: {
      title: 'The request was refused as a repeat',
      hint: 'Try again.',
    },
    meetingNotFound: {
      title: 'No meeting with that code or ID',
      hint: 'Check the meeting code, or paste the meeting’s link.',
    },
    roomUnavailable: {
      title: 'The room could not be called',
      hint: 'The room may be offline, not activated, or not allowed to be called. Check its status in the room picker.',
    },
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
    notConfigured: {
      title: 'RoomCall is not set up yet',
      hint: 'Enter your enterprise app’s credentials in Settings.',
    },
    noMeeting: {
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
  appName: 'RoomCall',
  loading: '正在加载…',
  retry: '重试',
  cancel: '取消',
  close: '关闭',
  openSettings: '打开设置',
  learnMore: '如何解决',
  errorCode: (code) => `错误码 ${String(code)}`,
  serverSaid: '详细信息',
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
    clock: {
      title: '电脑时间不准确',
      hint: '腾讯会议会拒绝与服务器时间相差超过 5 分钟的请求。请将日期和时间设为自动同步，然后重试。',
    },
    credentials: {
      title: 'AppId、SdkId 或 SecretId 未通过校验',
      hint: '请在腾讯会议管理后台核对企业自建应用的凭据，然后在设置中重新保存。',
    },
    signature: {
      title: 'SecretKey 与 SecretId 不匹配',
      hint: '请从管理后台重新复制 SecretKey，并在设置中保存。',
    },
    permission: {
      title: '应用没有执行此操作的权限',
      hint: '请联系腾讯会议管理员，为企业自建应用开通会议室和会议相关权限。',
    },
    rateLimit: {
      title: '请求过于频繁',
      hint: '腾讯会议正在限制此应用的请求频率。请等待一分钟后重试。',
    },
    operator: {
      title: '操作者 userid 不存在',
      hint: '请在设置中填写企业内某个账号的 userid。',
    },
    replay: {
      title: '请求被判定为重复请求',
      hint: '请重试。',
    },
    meetingNotFound: {
      title: '找不到该会议号或会议 ID 对应的会议',
      hint: '请检查会议号，或粘贴会议链接。',
    },
    roomUnavailable: {
      title: '无法呼叫该会议室',
      hint: '会议室可能离线、未激活或不允许呼叫。请在会议室列表中查看其状态。',
    },
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
    notConfigured: {
      title: 'RoomCall 尚未设置',
      hint: '请在设置中填写企业自建应用的凭据。',
    },
    noMeeting: {
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
