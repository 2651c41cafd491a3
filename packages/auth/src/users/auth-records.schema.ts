import { z } from 'zod';
import { ROLES } from '../roles/permissions.js';

/** A stored `UserRecord`, as read back from a file or a shared store. */
export const userRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  passwordHash: z.string(),
  totpSecret: z.string().optional(),
  lastTotpStep: z.number().int().optional(),
  disabled: z.boolean(),
  createdAt: z.string(),
});

/** A stored `ApiTokenRecord` (the token's hash, never the token). */
export const apiTokenRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  hash: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().optional(),
});
