import { z } from 'zod';

/** Ids are machine names admins choose once and reference elsewhere in the model. */
export const IdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be lowercase letters, digits and _ (starting with a letter)');

export const LocaleSchema = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a locale like "en" or "pt-BR"');

/** Admin-written text, one entry per language; English is the fallback every reader can rely on. */
export const LocalizedTextSchema = z.object({ en: z.string().min(1).max(2000) }).catchall(z.string().max(2000));
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

export const RoleSchema = z.enum(['rep', 'marketer', 'admin']);
export type Role = z.infer<typeof RoleSchema>;
export const ROLE_RANK: Record<Role, number> = { rep: 1, marketer: 2, admin: 3 };

export const QuadrantSchema = z.enum(['hot', 'nurture', 'explore', 'disqualify']);
export type Quadrant = z.infer<typeof QuadrantSchema>;

export const JOURNEY_STAGE_IDS = ['awareness', 'consideration', 'decision'] as const;
export const JourneyStageIdSchema = z.enum(JOURNEY_STAGE_IDS);
export type JourneyStageId = z.infer<typeof JourneyStageIdSchema>;

/** A validation problem in the shape the API returns in problem+json `errors`. */
export interface FieldError {
  path: string;
  message: string;
}

/** Turns zod issues into `{path, message}` with dotted paths such as `personas.0.titlePatterns.1.pattern`. */
export function zodIssuesToFieldErrors(error: z.ZodError, prefix: (string | number)[] = []): FieldError[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

// Kept in the engine's zod-free text module so the content script can use it without zod.
export { localize } from '../engine/text';
