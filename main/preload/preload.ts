/**
 * The preload of every RoomCall window. Sandboxed preloads cannot require other modules, so
 * scripts/build.mjs bundles this file, the bridge and the channel list into one CommonJS file
 * (out/preload/preload.cjs) with only `electron` left external.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createRoomcallApi } from './roomcall-api';

contextBridge.exposeInMainWorld('roomcall', createRoomcallApi(ipcRenderer));
