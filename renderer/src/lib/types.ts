/**
 * The renderer's vocabulary, derived from the IPC contract as types only: importing a type
 * costs nothing at run time, so zod never reaches a renderer bundle through here.
 */
import type { ResponseOf, SettingsView } from '../../../main/shared/ipc/contract';

export type {
  AppState,
  CallPhase,
  CallTargetView,
  CallView,
  CurrentMeeting,
  Directory,
  DirectoryStatus,
  HelpTopic,
  IpcError,
  IpcErrorKind,
  IpcResult,
  MeetingSummary,
  RoomView,
  SettingsView,
} from '../../../main/shared/ipc/contract';

export type Favorite = ResponseOf<'listFavorites'>[number];
export type AddressFavorite = Extract<Favorite, { kind: 'mra' }>;
export type HistoryEntry = ResponseOf<'listHistory'>[number];
export type Settings = SettingsView['settings'];
export type DialProtocol = AddressFavorite['protocol'];
export type ImportReport = ResponseOf<'importFavorites'>;
export type ConnectionReport = ResponseOf<'testConnection'>;
