import { z } from 'zod';
import { IsoDateTimeSchema, RoleSchema } from './common';

export const TokenCreateInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  role: RoleSchema,
});

/** A named API token as listed; the secret is never part of it. */
export const TokenInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  createdAt: IsoDateTimeSchema,
  createdBy: z.string(),
  revokedAt: IsoDateTimeSchema.nullable(),
  lastUsedAt: IsoDateTimeSchema.nullable(),
});
export type TokenInfo = z.infer<typeof TokenInfoSchema>;

/** The answer to `POST /v1/tokens`: the only time the secret is shown. */
export const CreatedTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  token: z.string(),
  createdAt: IsoDateTimeSchema,
});

export const TokenListSchema = z.object({ tokens: z.array(TokenInfoSchema) });
