import { type AlignmentModel, AlignmentModelSchema } from '../schemas/model';
import { behaviour } from './behaviour';
import { glossary } from './glossary';
import { icp } from './icp';
import { dealStages, leadStatuses, leadTypes, lifecycle } from './lifecycle';
import { personas } from './personas';
import { grades, journeyStages, quadrants, sla } from './scoring';

/**
 * The alignment model a new deployment starts with: a B2B SaaS seller's ICP, four personas,
 * scoring, funnel definitions, glossary and SLA. Parsed at load so schema defaults are applied
 * (and a mistake here fails loudly at import rather than at the first score).
 */
export const defaultModel: AlignmentModel = AlignmentModelSchema.parse({
  name: 'Default B2B SaaS model',
  locales: ['en', 'ja', 'it', 'ar'],
  glossary,
  icp,
  personas,
  behaviour,
  quadrants,
  grades,
  fitWeight: 0.5,
  journeyStages,
  lifecycle,
  leadStatuses,
  dealStages,
  leadTypes,
  sla,
});
