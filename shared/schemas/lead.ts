import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common';
import { EventTypeSchema } from './conditions';
import { ATTEMPT_CHANNELS } from './vocabulary';

const EmailSchema = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email({ message: 'must be an email address' }))
  .transform((email) => email.toLowerCase());

/** One step of the lead's lifecycle timeline; `from`/`status`/`reason` record who moved it back and why. */
export const StageHistoryEntrySchema = z.object({
  stage: IdSchema,
  at: IsoDateTimeSchema,
  from: IdSchema.optional(),
  status: IdSchema.optional(),
  reason: z.string().max(2000).optional(),
  transition: IdSchema.optional(),
});
export type StageHistoryEntry = z.infer<typeof StageHistoryEntrySchema>;

/** Custom attributes: flat scalars only, so rules can compare them and nothing nests unbounded. */
export const AttributesSchema = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'attribute keys are letters, digits and _'),
    z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]),
  )
  .refine((attrs) => Object.keys(attrs).length <= 100, 'at most 100 attributes');

const leadFields = {
  email: EmailSchema,
  name: z.string().max(300).optional(),
  title: z.string().max(300).optional(),
  company: z.string().max(300).optional(),
  domain: z.string().max(253).optional(),
  industry: z.string().max(100).optional(),
  employees: z.number().int().min(0).max(10_000_000).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166 alpha-2 code such as JP')
    .transform((c) => c.toUpperCase())
    .optional(),
  linkedinUrl: z.url().max(500).optional(),
  source: z.string().max(100).optional(),
  leadType: IdSchema.optional(),
  leadStatus: IdSchema.optional(),
  /** The open (or last) deal's stage, so lifecycle and pipeline read as one timeline. */
  dealStage: IdSchema.optional(),
  owner: z.string().max(320).optional(),
  attributes: AttributesSchema.optional(),
};

/** A stored lead as the API returns it. */
export const LeadSchema = z.object({
  id: z.string().min(1).max(64),
  ...leadFields,
  lifecycleStage: IdSchema,
  stageHistory: z.array(StageHistoryEntrySchema).max(100).optional(),
  createdAt: IsoDateTimeSchema.optional(),
  updatedAt: IsoDateTimeSchema.optional(),
});
export type Lead = z.infer<typeof LeadSchema>;

/** A row of `PUT /v1/leads`: email is the key; the server assigns the id. */
export const LeadUpsertSchema = z.object({
  id: z.string().min(1).max(64).optional(),
  ...leadFields,
  lifecycleStage: IdSchema.default('lead'),
  stageHistory: z.array(StageHistoryEntrySchema).max(100).optional(),
});
export type LeadUpsert = z.infer<typeof LeadUpsertSchema>;

/** What an adapter can read off a page: everything optional, nothing stored. */
export const ProspectFactsSchema = z.object({
  email: EmailSchema.optional(),
  name: z.string().max(300).optional(),
  title: z.string().max(300).optional(),
  company: z.string().max(300).optional(),
  domain: z.string().max(253).optional(),
  industry: z.string().max(100).optional(),
  employees: z.number().int().min(0).max(10_000_000).optional(),
  country: leadFields.country,
  linkedinUrl: z.url().max(500).optional(),
  source: z.string().max(100).optional(),
  leadType: IdSchema.optional(),
  lifecycleStage: IdSchema.optional(),
  leadStatus: IdSchema.optional(),
  dealStage: IdSchema.optional(),
  attributes: AttributesSchema.optional(),
});
export type ProspectFacts = z.infer<typeof ProspectFactsSchema>;

export const LeadEventSchema = z.object({
  id: z.string().min(1).max(128),
  email: EmailSchema,
  type: EventTypeSchema,
  at: IsoDateTimeSchema,
  props: z
    .record(z.string().max(64), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
    .refine((p) => Object.keys(p).length <= 50, 'at most 50 props')
    .optional(),
});
export type LeadEvent = z.infer<typeof LeadEventSchema>;

/**
 * An event as the scoring engine takes it: a lead event, optionally with its time already parsed,
 * and without the need for its email (the engine scores one person's events and never reads it, so a
 * caller that stores events under a lead id need not copy each one to add the address).
 * Scoring a lead reads every event's time on every call, and parsing 200 ISO strings was about half
 * of it; the worker stores `at_ms` once on write and hands it back here. Not part of the API: clients
 * send and receive `LeadEvent` only. When present, `atMs` must equal `parseIsoMs(at)`; scores are then
 * identical with or without it.
 */
export const ScoringEventSchema = LeadEventSchema.extend({
  email: EmailSchema.optional(),
  atMs: z.number().int().optional(),
});
export type ScoringEvent = z.infer<typeof ScoringEventSchema>;

export const STANDARD_EVENT_TYPES = [
  'page_view',
  'pricing_view',
  'demo_request',
  'content_download',
  'form_submit',
  'webinar_registered',
  'webinar_attended',
  'email_open',
  'email_click',
  'newsletter_subscribe',
  'social_follow',
] as const;

export const AttemptChannelSchema = z.enum(ATTEMPT_CHANNELS);
export const AttemptOutcomeSchema = z.enum([
  'no_answer',
  'left_message',
  'sent',
  'replied',
  'connected',
  'bounced',
  'wrong_contact',
]);

export const AttemptInputSchema = z.object({
  channel: AttemptChannelSchema,
  outcome: AttemptOutcomeSchema.default('sent'),
  note: z.string().max(2000).optional(),
  /** For back-filled records; defaults to the time of the request. */
  at: IsoDateTimeSchema.optional(),
});
export type AttemptInput = z.infer<typeof AttemptInputSchema>;

export const AttemptSchema = AttemptInputSchema.extend({
  id: z.string(),
  leadId: z.string(),
  at: IsoDateTimeSchema,
  by: z.string().optional(),
});
export type Attempt = z.infer<typeof AttemptSchema>;

export const TransitionInputSchema = z.object({
  to: IdSchema,
  status: IdSchema.optional(),
  reason: z.string().trim().min(1).max(2000).optional(),
  at: IsoDateTimeSchema.optional(),
});
export type TransitionInput = z.infer<typeof TransitionInputSchema>;
