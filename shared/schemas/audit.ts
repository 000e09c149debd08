import { z } from 'zod';
import { IsoDateTimeSchema } from './common';

/** One entry of the append-only audit log (`GET /v1/audit`). */
export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: IsoDateTimeSchema,
  actor: z.object({ id: z.string(), name: z.string(), role: z.string() }),
  /** e.g. `token.create`, `token.revoke`, `model.publish`, `model.rollback`. */
  action: z.string(),
  target: z.string().nullable(),
  detail: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditListSchema = z.object({
  entries: z.array(AuditEntrySchema),
  nextBefore: z.number().int().nullable(),
});
