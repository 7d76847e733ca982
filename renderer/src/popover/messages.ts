import type { Catalog } from '../i18n/locale';

const en = {
  title: 'RoomCall',
  meeting: {
    region: 'Current meeting',
    following: 'Your meeting in progress',
    chosen: 'Chosen meeting',
    untitled: 'Untitled meeting',
    change: 'Change',
    changeLabel: 'Change the meeting',
    checking: 'Looking for your meeting…',
    noneTitle: 'No meeting in progress',
    noneHint: 'Start or join a Tencent Meeting, or enter its code, to invite rooms into it.',
    severalTitle: 'You are in several meetings',
    severalHint: 'Choose the one to invite rooms into.',
    choose: (subject: string) => `Invite into ${subject}`,
    editorTitle: 'Which meeting?',
    inputLabel: 'Meeting code or link',
    inputPlaceholder: '806-146-667 or a meeting link',
    use: 'Use',
    inProgress: 'In progress',
    follow: 'Follow my meeting in progress',
    close: 'Done',
  },
  favorites: {
    heading: 'Favourites',
    filterLabel: 'Filter favourites',
    filterPlaceholder: 'Type to filter…',
    noMatch: (query: string) => `No favourite matches “${query}”.`,
    emptyTitle: 'No favourites yet',
    emptyHint: 'Star rooms in the room picker, or add a SIP or H.323 address there.',
    enterToInvite: 'Enter to invite',
  },
  recent: {
    heading: 'Recent invites',
    againBefore: 'Invite ',
    againAfter: ' again',
  },
  footer: {
    picker: 'Browse rooms',
    settings: 'Settings',
  },
  setup: {
    title: 'Set up RoomCall',
    hint: 'Connect RoomCall to your organisation’s Tencent Meeting enterprise app to invite rooms with one click.',
    action: 'Open settings',
  },
  /** Whether invites can go out now, and the meeting's timing (issue 14: no meeting). */
  invites: {
    /** The one action when there is no meeting: opens the code / link field. */
    chooseMeeting: 'Enter a code or paste a link',
    /** Why the rows are disabled: one sentence every row points to. */
    noMeeting: 'Invites need a meeting first: enter or choose one above.',
    several: 'Invites need a meeting first: choose one above.',
    checking: 'Invites wait until your meeting is found.',
    startsIn: (minutes: number) => {
      if (minutes < 60) return `Starts in ${String(minutes)} min`;
      if (minutes < 24 * 60) {
        const rest = minutes % 60;
        const hours = `${String(Math.floor(minutes / 60))} h`;
        return rest === 0 ? `Starts in ${hours}` : `Starts in ${hours} ${String(rest)} min`;
      }
      const days = Math.floor(minutes / (24 * 60));
      return `Starts in ${String(days)} ${days === 1 ? 'day' : 'days'}`;
    },
    notStarted: 'Not started',
  },
  /** A desktop pointed at a relay and not signed in to it (issue 17). */
  relaySetup: {
    title: 'Sign in to RoomCall',
    hint: 'Sign in to your organisation’s RoomCall relay to invite rooms with one click.',
  },
};

export type PopoverMessages = typeof en;

const zh: PopoverMessages = {
  title: 'RoomCall',
  meeting: {
    region: '当前会议',
    following: '你正在进行的会议',
    chosen: '已选择的会议',
    untitled: '未命名会议',
    change: '更改',
    changeLabel: '更改会议',
    checking: '正在查找你的会议…',
    noneTitle: '当前没有进行中的会议',
    noneHint: '发起或加入腾讯会议，或输入会议号，即可邀请会议室入会。',
    severalTitle: '你同时在多个会议中',
    severalHint: '请选择要邀请会议室加入的会议。',
    choose: (subject) => `邀请加入 ${subject}`,
    editorTitle: '选择会议',
    inputLabel: '会议号或会议链接',
    inputPlaceholder: '806-146-667 或会议链接',
    use: '使用',
    inProgress: '进行中',
    follow: '跟随我正在进行的会议',
    close: '完成',
  },
  favorites: {
    heading: '常用',
    filterLabel: '筛选常用会议室',
    filterPlaceholder: '输入以筛选…',
    noMatch: (query) => `没有与“${query}”匹配的常用项。`,
    emptyTitle: '还没有常用会议室',
    emptyHint: '在会议室列表中为会议室加星标，或在那里添加 SIP 或 H.323 地址。',
    enterToInvite: '按 Enter 邀请',
  },
  recent: {
    heading: '最近邀请',
    againBefore: '再次邀请 ',
    againAfter: '',
  },
  footer: {
    picker: '浏览会议室',
    settings: '设置',
  },
  setup: {
    title: '设置 RoomCall',
    hint: '连接你所在组织的腾讯会议企业自建应用，即可一键邀请会议室。',
    action: '打开设置',
  },
  invites: {
    chooseMeeting: '输入会议号或粘贴链接',
    noMeeting: '需先选择会议才能邀请：请在上方输入或选择。',
    several: '需先选择会议才能邀请：请在上方选择。',
    checking: '找到你的会议后即可邀请。',
    startsIn: (minutes) => {
      if (minutes < 60) return `${String(minutes)} 分钟后开始`;
      if (minutes < 24 * 60) {
        const rest = minutes % 60;
        const hours = `${String(Math.floor(minutes / 60))} 小时`;
        return rest === 0 ? `${hours}后开始` : `${hours} ${String(rest)} 分钟后开始`;
      }
      return `${String(Math.floor(minutes / (24 * 60)))} 天后开始`;
    },
    notStarted: '尚未开始',
  },
  /** A desktop pointed at a relay and not signed in to it (issue 17). */
  relaySetup: {
    title: '登录 RoomCall',
    hint: '登录你所在组织的 RoomCall 中继，即可一键邀请会议室。',
  },
};

export const popoverMessages: Catalog<PopoverMessages> = { en, 'zh-CN': zh };
