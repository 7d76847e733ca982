import { z } from 'zod';

/** The document the lock test's children increment. */
export const counterSchema = z.object({ count: z.int().min(0).default(0) });
