/** Small request and payload shapes shared by several verb groups of the IPC contract. */
import { z } from 'zod';

export const digits = (min: number, max: number) =>
  z.string().regex(new RegExp(`^\\d{${String(min)},${String(max)}}$`));

export const none = z.undefined();
export const favoriteId = z.string().min(1).max(64);
export const label = z.string().max(100).nullable();

/** A room as a request names it (picked in the directory): to call or to keep as a favourite. */
export const roomFields = {
  meetingRoomId: z.string().min(1).max(128),
  name: z.string().max(200),
  location: z.string().max(200),
};

/** A SIP/H.323 address as a request names it: to call, to keep or to edit as a favourite. */
export const addressFields = {
  protocol: z.enum(['sip', 'h323']),
  dialString: z.string().min(1).max(255),
  label,
};
