import type { LeadsFromCsvOptions } from './leadsFromCsvRecords';

/**
 * How the public X Education lead-scoring file (shared/data/xeducation/Leads.csv) maps to
 * calibration leads. Left out: the ids, and every column filled in by sales after contact or
 * derived from it, which would leak the outcome (Tags, Lead Quality, Lead Profile, the
 * Asymmetrique indices and scores, Last Notable Activity).
 */
export const X_EDUCATION_CSV_MAPPING: LeadsFromCsvOptions = {
  outcomeColumn: 'Converted',
  ignoreColumns: [
    'Prospect ID',
    'Lead Number',
    'Tags',
    'Lead Quality',
    'Lead Profile',
    'Asymmetrique Activity Index',
    'Asymmetrique Profile Index',
    'Asymmetrique Activity Score',
    'Asymmetrique Profile Score',
    'Last Notable Activity',
  ],
  missingValues: ['Select'],
};
