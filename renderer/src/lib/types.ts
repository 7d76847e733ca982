/**
 * The renderer's vocabulary, derived from the IPC contract as types only: importing a type
 * costs nothing at run time, so zod never reaches a renderer bundle through here.
 */
import type { ResponseOf, RoomView, SettingsView } from '../../../main/shared/ipc/contract';

export type {
  AppState,
  CallPhase,
  CallTargetView,
  CallView,
  CurrentMeeting,
  Directory,
  DirectoryStatus,
  IpcError,
  IpcErrorKind,
  IpcResult,
  MeetingSummary,
  RoomView,
  SettingsView,
} from '../../../main/shared/ipc/contract';

export type Favorite = ResponseOf<'listFavorites'>[number];
export type RoomFavorite = Extract<Favorite, { kind: 'room' }>;
export type AddressFavorite = Extract<Favorite, { kind: 'mra' }>;
export type HistoryEntry = ResponseOf<'listHistory'>[number];
export type HistoryOutcome = HistoryEntry['outcome'];
export type Settings = SettingsView['settings'];
export type RoomStatus = RoomView['status'];
export type DialProtocol = AddressFavorite['protocol'];
export type ImportReport = ResponseOf<'importFavorites'>;
export type ConnectionReport = ResponseOf<'testConnection'>;
export type HelpTopic = 'credentials' | 'permissions' | 'clock';
