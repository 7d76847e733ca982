/**
 * The renderer's vocabulary: main/shared's names, as types only (importing a type costs
 * nothing at run time, so zod never reaches a renderer bundle through here). Every name is
 * main/shared's own, never a second declaration of it.
 */
import type { ResponseOf } from '../../../main/shared/ipc/contract';

export type {
  AppState,
  CallPhase,
  CallTargetView,
  CallView,
  CurrentMeeting,
  Directory,
  DirectoryStatus,
  FavoriteView,
  HelpTopic,
  ImportReportView,
  IpcError,
  IpcErrorKind,
  IpcResult,
  MeetingSummary,
  RoomView,
  SettingsView,
} from '../../../main/shared/ipc/contract';

export type { HistoryEntry } from '../../../main/shared/model/history-schema';
export type { Settings } from '../../../main/shared/model/settings-schema';
export type { DialProtocol } from '../../../main/shared/rules/targets';
export type ConnectionReport = ResponseOf<'testConnection'>;
