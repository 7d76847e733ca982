/** Small request and payload shapes shared by several verb groups of the IPC contract. */
import { z } from 'zod';

export const digits = (min: number, max: number) =>
  z.string().regex(new RegExp(`^\\d{${String(min)},${String(max)}}$`));

export const none = z.undefined();
export const favoriteId = z.string().min(1).max(64);
export const label = z.string().max(100).nullable();
