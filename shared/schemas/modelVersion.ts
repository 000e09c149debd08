import { z } from 'zod';
import { IsoDateTimeSchema } from './common';
import { AlignmentModelSchema } from './model';

/** One entry of the model's version history (`GET /v1/model/versions`). */
export const ModelVersionSummarySchema = z.object({
  version: z.number().int().min(0),
  /** SHA-256 (hex) of the model's canonical JSON. */
  hash: z.string(),
  note: z.string(),
  /** Null only for version 0, the built-in default that was never published. */
  publishedAt: IsoDateTimeSchema.nullable(),
  publishedBy: z.string().nullable(),
  /** Set when this version was published by rolling back to an older one. */
  rollbackOf: z.number().int().min(0).nullable(),
});
export type ModelVersionSummary = z.infer<typeof ModelVersionSummarySchema>;

/** `GET /v1/model`, `GET /v1/model/versions/:v` and the 201 of a publish or rollback. */
export const ModelVersionSchema = ModelVersionSummarySchema.extend({
  /** The strong ETag of this version, as sent in the `ETag` header. */
  etag: z.string(),
  model: AlignmentModelSchema,
});
export type ModelVersion = z.infer<typeof ModelVersionSchema>;

export const ModelVersionListSchema = z.object({
  versions: z.array(ModelVersionSummarySchema),
  /** Pass as `before` to get the next (older) page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});

export const PublishModelInputSchema = z.object({
  model: AlignmentModelSchema,
  note: z.string().trim().max(2000).default(''),
});

export const RollbackModelInputSchema = z.object({
  version: z.number().int().min(0),
  note: z.string().trim().max(2000).optional(),
});
