/** Tencent Meeting's public API. Private deployments and the simulator set their own. */
export const DEFAULT_BASE_URL = 'https://api.meeting.qq.com';
