import { type Language } from '../../shared/model/settings-schema';
import { uiLanguage } from '../../shared/rules/language';

/**
 * The few words the main process shows itself (tray menu, tooltip, notifications), in the
 * two languages of the UI. The windows have their own, larger catalogue in the renderer.
 */
const en = {
  open: 'Open RoomCall',
  notConfigured: 'RoomCall is not set up yet',
  noMeeting: 'No meeting selected',
  severalMeetings: 'Several meetings in progress: choose one',
  inviteInto: (meeting: string) => `Invite into ${meeting}`,
  noFavorites: 'No favourites yet',
  moreFavorites: 'More favourites…',
  calling: 'calling…',
  picker: 'Room picker…',
  settings: 'Settings…',
  launchAtLogin: 'Launch at login',
  quit: 'Quit RoomCall',
  tooltipCalling: (count: number) => (count === 1 ? 'calling a room…' : `calling ${count} rooms…`),
  accepted: (target: string) => `${target} accepted the invite`,
  rejected: (target: string) => `${target} declined the invite`,
  noAnswer: (target: string) => `${target} did not answer`,
  timedOut: (target: string) => `No answer from ${target} in time`,
  failed: (target: string) => `Could not invite ${target}`,
  unconfirmed: (target: string) => `${target} may be ringing`,
  unconfirmedBody:
    'Tencent Meeting’s reply was lost and the call’s status could not be read: look at the room or the meeting.',
  updateReady: (version: string) => `RoomCall ${version} is ready`,
  updateReadyBody: 'It will be installed when RoomCall quits.',
  bootFailedTitle: 'RoomCall could not start',
  bootFailed: (reason: string, logFile: string | null) =>
    `${reason}\n\nQuit other copies of RoomCall and start it again.` +
    (logFile === null ? '' : ` If this keeps happening, send the log file:\n${logFile}`),
  popoverAsWindow:
    'RoomCall opens as a normal window here: this desktop cannot place it next to the tray icon.',
};

export type ShellStrings = Readonly<typeof en>;

const zhCN: ShellStrings = {
  open: '打开 RoomCall',
  notConfigured: 'RoomCall 尚未设置',
  noMeeting: '未选择会议',
  severalMeetings: '有多个进行中的会议：请选择一个',
  inviteInto: (meeting) => `邀请加入 ${meeting}`,
  noFavorites: '暂无收藏',
  moreFavorites: '更多收藏…',
  calling: '呼叫中…',
  picker: '会议室列表…',
  settings: '设置…',
  launchAtLogin: '登录时启动',
  quit: '退出 RoomCall',
  tooltipCalling: (count) => (count === 1 ? '正在呼叫会议室…' : `正在呼叫 ${count} 个会议室…`),
  accepted: (target) => `${target} 已接受邀请`,
  rejected: (target) => `${target} 已拒绝邀请`,
  noAnswer: (target) => `${target} 无应答`,
  timedOut: (target) => `${target} 未及时应答`,
  failed: (target) => `无法邀请 ${target}`,
  unconfirmed: (target) => `${target} 可能正在响铃`,
  unconfirmedBody: '腾讯会议的回复丢失，且无法读取呼叫状态：请查看会议室或会议。',
  updateReady: (version) => `RoomCall ${version} 已准备就绪`,
  updateReadyBody: '将在退出 RoomCall 时安装。',
  bootFailedTitle: 'RoomCall 无法启动',
  bootFailed: (reason, logFile) =>
    `${reason}\n\n请退出其他 RoomCall 副本后重新启动。` +
    (logFile === null ? '' : `如果问题反复出现，请发送日志文件：\n${logFile}`),
  popoverAsWindow: '此桌面无法将 RoomCall 放在托盘图标旁，因此以普通窗口打开。',
};

/** The setting's language, or for 'system' the OS language (Chinese variants → zh-CN). */
export function shellStrings(language: Language, systemLocale: string): ShellStrings {
  return uiLanguage(language, systemLocale) === 'zh-CN' ? zhCN : en;
}
