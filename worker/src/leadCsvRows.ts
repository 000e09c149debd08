/**
 * Maps CSV records (header → cell) from CRM and spreadsheet exports to raw lead upsert rows, which
 * are then validated with the shared LeadUpsertSchema like JSON rows. Headers match lead fields
 * case-insensitively and ignoring spaces, `_` and `-` ("E-mail", "Job Title", "linkedin_url"); any other
 * column becomes a custom attribute. Empty cells are left out, so an import never blanks stored fields.
 */
const FIELD_ALIASES: Record<string, string> = {
  id: 'id',
  email: 'email',
  emailaddress: 'email',
  name: 'name',
  fullname: 'name',
  title: 'title',
  jobtitle: 'title',
  company: 'company',
  companyname: 'company',
  account: 'company',
  domain: 'domain',
  website: 'domain',
  industry: 'industry',
  employees: 'employees',
  numberofemployees: 'employees',
  companysize: 'employees',
  country: 'country',
  countrycode: 'country',
  linkedin: 'linkedinUrl',
  linkedinurl: 'linkedinUrl',
  linkedinprofile: 'linkedinUrl',
  source: 'source',
  leadsource: 'source',
  origin: 'source',
  leadtype: 'leadType',
  lifecyclestage: 'lifecycleStage',
  stage: 'lifecycleStage',
  leadstatus: 'leadStatus',
  status: 'leadStatus',
  owner: 'owner',
  leadowner: 'owner',
};

const ATTRIBUTE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const PLAIN_NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/;

function headerKey(header: string): string {
  return header.toLowerCase().replace(/[\s_\-.]/g, '');
}

/** A custom attribute key from a free-form header: letters, digits and `_`, starting with a letter. */
export function attributeKey(header: string): string | undefined {
  const key = header
    .trim()
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^[^A-Za-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 64);
  return ATTRIBUTE_KEY.test(key) ? key : undefined;
}

function attributeValue(cell: string): string | number | boolean {
  if (PLAIN_NUMBER.test(cell)) return Number(cell);
  const lower = cell.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return cell;
}

export function leadRowFromCsvRecord(record: Record<string, string>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const attributes: Record<string, string | number | boolean> = {};
  for (const [header, rawCell] of Object.entries(record)) {
    const cell = rawCell.trim();
    if (cell === '') continue;
    const field = FIELD_ALIASES[headerKey(header)];
    if (field === 'employees') {
      // A non-number stays a string so validation reports it on `employees`.
      const n = Number(cell.replace(/[,\s]/g, ''));
      row.employees = cell !== '' && Number.isFinite(n) ? n : cell;
    } else if (field === 'domain') {
      row.domain = cell.replace(/^https?:\/\//i, '').replace(/\/.*$/, '');
    } else if (field) {
      row[field] = cell;
    } else {
      const key = attributeKey(header);
      if (key) attributes[key] = attributeValue(cell);
    }
  }
  if (Object.keys(attributes).length > 0) row.attributes = attributes;
  return row;
}
