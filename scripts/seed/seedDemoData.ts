import { seededRandom } from '../../shared/calibration/seededSplit';
import { DEMO_DISQUALIFY, DEMO_EXPLORE, DEMO_HOT, DEMO_NURTURE, type DemoPerson } from './demoLeads';

/**
 * Loads a deterministic, realistic demo data set through the API: 300 leads across industries and
 * countries (JP, IT, AE, US, DE, GB, FR, SG) with titles in English, Japanese, Italian and Arabic that
 * match the default model's personas, every lifecycle stage with its stage history, months of events,
 * connect attempts, returned leads with their reasons, and the fixed DEMO_PEOPLE of the demo pages.
 *
 * Deterministic: the same `now` (default: today, midnight UTC) gives the same data. Safe to run again:
 * leads upsert by email, events are idempotent on their id, and attempts are only logged for leads the
 * run created. The demo people's recent events carry the day in their ids, so a run on a later day
 * refreshes their behaviour (their quadrant would otherwise fade with the model's half-life).
 */
export interface SeedSummary {
  leads: number;
  created: number;
  events: number;
  attempts: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Language = 'en' | 'ja' | 'it' | 'ar';

const COUNTRIES: { code: string; language: Language; weight: number }[] = [
  { code: 'JP', language: 'ja', weight: 5 },
  { code: 'IT', language: 'it', weight: 3 },
  { code: 'AE', language: 'ar', weight: 2 },
  { code: 'US', language: 'en', weight: 4 },
  { code: 'DE', language: 'en', weight: 3 },
  { code: 'GB', language: 'en', weight: 2 },
  { code: 'FR', language: 'en', weight: 1 },
  { code: 'SG', language: 'en', weight: 1 },
];

const INDUSTRIES = [
  'Financial Services',
  'Banking',
  'Insurance',
  'Software',
  'Manufacturing',
  'Retail',
  'Healthcare',
  'Education',
  'Media',
  'Logistics',
];

/** Titles per language: most match a default persona (IT leader, finance, operations, marketing ops); some match none. */
const TITLES: Record<Language, string[]> = {
  en: [
    'CIO',
    'Director of IT',
    'Head of IT Infrastructure',
    'CFO',
    'Finance Director',
    'Financial Controller',
    'Operations Manager',
    'Head of Operations',
    'Marketing Operations Manager',
    'Head of Marketing',
    'Demand Generation Lead',
    'Sales Manager',
    'Software Engineer',
    'Office Assistant',
    'Student',
  ],
  ja: [
    '情報システム部長',
    '最高情報責任者',
    'DX推進部長',
    '経理部長',
    '財務本部長',
    '業務部長',
    '営業課長',
    'マーケティング部長',
    'マーケティングオペレーション担当',
    'エンジニア',
    '学生',
  ],
  it: [
    'Direttore IT',
    'Responsabile Sistemi Informativi',
    'Direttore Finanziario',
    'Controller',
    'Responsabile Operativo',
    'Responsabile Marketing',
    'Specialista Marketing',
    'Sviluppatore',
    'Studente',
  ],
  ar: [
    'مدير تقنية المعلومات',
    'المدير المالي',
    'مدير العمليات',
    'مدير التسويق',
    'مسؤول عمليات التسويق',
    'مهندس برمجيات',
    'طالب',
  ],
};

/** Names shown in the overlay, with a Latin form for the email address. */
const PEOPLE: Record<Language, [shown: string, latin: string][]> = {
  en: [
    ['Emma Johnson', 'emma.johnson'],
    ['Liam Smith', 'liam.smith'],
    ['Olivia Brown', 'olivia.brown'],
    ['Noah Müller', 'noah.mueller'],
    ['Sophie Schmidt', 'sophie.schmidt'],
    ['Lucas Martin', 'lucas.martin'],
    ['Chloé Dubois', 'chloe.dubois'],
    ['Wei Ling Tan', 'weiling.tan'],
    ['James Wilson', 'james.wilson'],
    ['Hannah Fischer', 'hannah.fischer'],
  ],
  ja: [
    ['佐藤 健', 'ken.sato'],
    ['鈴木 美咲', 'misaki.suzuki'],
    ['高橋 大輔', 'daisuke.takahashi'],
    ['田中 愛', 'ai.tanaka'],
    ['伊藤 翔', 'sho.ito'],
    ['渡辺 由美', 'yumi.watanabe'],
    ['山本 拓也', 'takuya.yamamoto'],
    ['中村 彩', 'aya.nakamura'],
  ],
  it: [
    ['Marco Rossi', 'marco.rossi'],
    ['Giulia Bianchi', 'giulia.bianchi'],
    ['Luca Ferrari', 'luca.ferrari'],
    ['Francesca Esposito', 'francesca.esposito'],
    ['Alessandro Russo', 'alessandro.russo'],
    ['Chiara Romano', 'chiara.romano'],
  ],
  ar: [
    ['أحمد المنصوري', 'ahmed.almansoori'],
    ['فاطمة الحمادي', 'fatima.alhammadi'],
    ['خالد النعيمي', 'khalid.alnuaimi'],
    ['مريم الشامسي', 'maryam.alshamsi'],
    ['يوسف الكعبي', 'yousef.alkaabi'],
  ],
};

const COMPANY_WORDS = [
  'Aurora',
  'Sakura',
  'Falcon',
  'Northwind',
  'Meridian',
  'Orion',
  'Fuji',
  'Vesuvio',
  'Oasis',
  'Atlas',
  'Kestrel',
  'Lumen',
  'Tanuki',
  'Dolomiti',
  'Harbor',
];
const COMPANY_SUFFIX: Record<string, string> = {
  'Financial Services': 'Capital',
  Banking: 'Bank',
  Insurance: 'Insurance',
  Software: 'Software',
  Manufacturing: 'Industries',
  Retail: 'Retail',
  Healthcare: 'Health',
  Education: 'Academy',
  Media: 'Media',
  Logistics: 'Logistics',
};
const TLD: Record<string, string> = {
  JP: 'jp',
  IT: 'it',
  AE: 'ae',
  US: 'com',
  DE: 'de',
  GB: 'co.uk',
  FR: 'fr',
  SG: 'sg',
};
const SOURCES = ['organic_search', 'paid_search', 'email', 'social', 'referral', 'webinar', 'event', 'direct_traffic'];
const EMPLOYEE_SIZES = [5, 40, 150, 600, 1500, 3000, 8000, 25000];

const STAGES = ['subscriber', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'customer'] as const;
/** How many of the 300 leads end in each stage (a funnel that narrows). */
const STAGE_WEIGHTS = [45, 90, 45, 30, 24, 21, 45];

const EVENT_TYPES: { type: string; weight: number }[] = [
  { type: 'page_view', weight: 40 },
  { type: 'email_open', weight: 20 },
  { type: 'email_click', weight: 8 },
  { type: 'content_download', weight: 6 },
  { type: 'pricing_view', weight: 5 },
  { type: 'webinar_registered', weight: 3 },
  { type: 'webinar_attended', weight: 2 },
  { type: 'form_submit', weight: 3 },
  { type: 'demo_request', weight: 1 },
  { type: 'newsletter_subscribe', weight: 2 },
  { type: 'social_follow', weight: 2 },
];

const RETURN_REASONS = [
  'No budget this fiscal year',
  'Not the decision maker',
  'Timing: revisit next quarter',
  'Already under contract with a competitor',
  'Insufficient information for hand-off',
];

const LEAD_COUNT = 300;

interface SeedLead {
  row: Record<string, unknown>;
  email: string;
  /** When the lead entered the clock stage, for attempts after it. */
  handoffAt?: number;
  attempts: { channel: string; outcome: string; at: string; note?: string }[];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function pickWeighted<T extends { weight: number }>(random: () => number, items: readonly T[]): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let r = random() * total;
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return items[items.length - 1] as T;
}

const iso = (ms: number) => new Date(ms).toISOString();

function generateLeads(now: number, random: () => number): { leads: SeedLead[]; events: Record<string, unknown>[] } {
  const leads: SeedLead[] = [];
  const events: Record<string, unknown>[] = [];
  const stageSlots = STAGE_WEIGHTS.flatMap((count, index) => Array.from({ length: count }, () => index));
  for (let i = 0; i < LEAD_COUNT; i++) {
    const country = pickWeighted(random, COUNTRIES);
    const [shown, latin] = pick(random, PEOPLE[country.language]);
    const industry = pick(random, INDUSTRIES);
    const company = `${pick(random, COMPANY_WORDS)} ${COMPANY_SUFFIX[industry]}`;
    const domain = `${company.toLowerCase().replace(/[^a-z]+/g, '-')}.example.${TLD[country.code]}`;
    const email = `${latin}.${i}@${domain}`;
    const finalStage = stageSlots[i % stageSlots.length] as number;
    // Stage entries: start 20–200 days ago, 2–20 days between stages, never after yesterday.
    let at = now - (20 + Math.floor(random() * 180)) * DAY;
    const history: Record<string, unknown>[] = [];
    const startIndex = finalStage === 0 ? 0 : random() < 0.4 ? 0 : 1;
    let handoffAt: number | undefined;
    for (let s = startIndex; s <= finalStage; s++) {
      history.push({ stage: STAGES[s], at: iso(at) });
      if (STAGES[s] === 'mql') handoffAt = at;
      at = Math.min(at + (2 + Math.floor(random() * 18)) * DAY + Math.floor(random() * 8) * HOUR, now - DAY);
    }
    let stage: string = STAGES[finalStage] as string;
    let leadStatus: string | undefined = finalStage >= 3 ? 'connected' : finalStage === 2 ? 'new' : undefined;
    // One MQL in five was returned to nurture by sales, with a reason (the funnel's rejection reasons).
    if (stage === 'mql' && handoffAt !== undefined && random() < 0.2) {
      history.push({
        stage: 'lead',
        at: iso(Math.min(handoffAt + (1 + Math.floor(random() * 4)) * DAY, now - HOUR)),
        from: 'mql',
        status: 'returned_not_ready',
        reason: pick(random, RETURN_REASONS),
        transition: 'return_to_nurture',
      });
      stage = 'lead';
      leadStatus = 'returned_not_ready';
    }
    const row: Record<string, unknown> = {
      email,
      name: shown,
      title: pick(random, TITLES[country.language]),
      company,
      domain,
      industry,
      employees: pick(random, EMPLOYEE_SIZES),
      country: country.code,
      linkedinUrl: `https://www.linkedin.com/in/${latin.replace('.', '-')}-${i}`,
      source: pick(random, SOURCES),
      leadType: stage === 'customer' || random() < 0.1 ? 'existing_customer' : 'new_prospect',
      lifecycleStage: stage,
      stageHistory: history,
      ...(leadStatus ? { leadStatus } : {}),
      attributes: {
        seeded: true,
        region:
          country.code === 'JP'
            ? 'APAC'
            : ['AE'].includes(country.code)
              ? 'MEA'
              : ['US'].includes(country.code)
                ? 'AMER'
                : 'EMEA',
      },
    };
    // Attempts: sales touched most hand-offs, some within the 24 h SLA and some late.
    const attempts: SeedLead['attempts'] = [];
    if (handoffAt !== undefined && random() < 0.85) {
      let touch = handoffAt + Math.floor(random() * 60) * HOUR;
      const touches = 1 + Math.floor(random() * 4);
      for (let t = 0; t < touches && touch < now; t++) {
        attempts.push({
          channel: pick(random, ['phone', 'email', 'linkedin', 'meeting']),
          outcome:
            t === touches - 1 && finalStage >= 3 ? 'connected' : pick(random, ['no_answer', 'left_message', 'sent']),
          at: iso(touch),
        });
        touch += (1 + Math.floor(random() * 3)) * DAY;
      }
    }
    leads.push({ row, email, attempts, ...(handoffAt !== undefined ? { handoffAt } : {}) });
    // Months of behaviour: more for leads further down the funnel.
    const firstAt = Date.parse(history[0]?.at as string);
    const eventCount = Math.floor(random() * (6 + finalStage * 6));
    for (let e = 0; e < eventCount; e++) {
      const when = firstAt + Math.floor(random() * Math.max(1, now - firstAt));
      events.push({
        id: `seed-${i}-${e}`,
        email,
        type: pickWeighted(random, EVENT_TYPES).type,
        at: iso(when),
        props: { seeded: true },
      });
    }
  }
  return { leads, events };
}

function demoLead(person: DemoPerson, stage: string, history: { stage: string; at: string }[]): SeedLead {
  const { expectedQuadrant: _quadrant, ...fields } = person;
  return {
    email: person.email,
    attempts: [],
    row: {
      ...fields,
      source: 'demo',
      leadType: 'new_prospect',
      lifecycleStage: stage,
      stageHistory: history,
      attributes: { demo: true },
    },
  };
}

/** The fixed demo people with behaviour that puts each in its quadrant under the default model. */
function demoPeople(now: number): { leads: SeedLead[]; events: Record<string, unknown>[] } {
  const day = iso(now).slice(0, 10);
  const event = (person: DemoPerson, key: string, type: string, hoursAgo: number) => ({
    id: `demo-${person.linkedinUrl.split('/in/')[1]?.replace(/\/$/, '')}-${day}-${key}`,
    email: person.email,
    type,
    at: iso(now - hoursAgo * HOUR),
  });
  const leads = [
    demoLead(DEMO_HOT, 'mql', [
      { stage: 'lead', at: iso(now - 40 * DAY) },
      { stage: 'mql', at: iso(now - 2 * HOUR) },
    ]),
    demoLead(DEMO_NURTURE, 'lead', [{ stage: 'lead', at: iso(now - 60 * DAY) }]),
    demoLead(DEMO_EXPLORE, 'lead', [{ stage: 'lead', at: iso(now - 10 * DAY) }]),
    demoLead(DEMO_DISQUALIFY, 'subscriber', [{ stage: 'subscriber', at: iso(now - 5 * DAY) }]),
  ];
  const events = [
    event(DEMO_HOT, 'demo', 'demo_request', 3),
    event(DEMO_HOT, 'pricing1', 'pricing_view', 5),
    event(DEMO_HOT, 'pricing2', 'pricing_view', 26),
    event(DEMO_HOT, 'form', 'form_submit', 4),
    event(DEMO_HOT, 'webinar', 'webinar_attended', 72),
    event(DEMO_NURTURE, 'open', 'email_open', 20 * 24),
    event(DEMO_EXPLORE, 'demo', 'demo_request', 6),
    event(DEMO_EXPLORE, 'pricing', 'pricing_view', 8),
    event(DEMO_EXPLORE, 'webinar', 'webinar_attended', 30),
    event(DEMO_EXPLORE, 'download', 'content_download', 50),
  ];
  return { leads, events };
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

async function api(
  fetcher: Fetch,
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body: unknown,
): Promise<unknown> {
  const res = await fetcher(new URL(path, baseUrl).href, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : undefined;
}

export async function seedDemoData(
  baseUrl: string,
  adminToken: string,
  options: { now?: Date; fetch?: Fetch } = {},
): Promise<SeedSummary> {
  const fetcher: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ? options.now.getTime() : Math.floor(Date.now() / DAY) * DAY;
  const random = seededRandom(20240601);
  const bulk = generateLeads(now, random);
  const demo = demoPeople(Date.now());
  const leads = [...demo.leads, ...bulk.leads];
  const events = [...demo.events, ...bulk.events];

  let created = 0;
  const idByEmail = new Map<string, { id: string; created: boolean }>();
  for (let i = 0; i < leads.length; i += 500) {
    const report = (await api(
      fetcher,
      baseUrl,
      adminToken,
      'PUT',
      '/v1/leads',
      leads.slice(i, i + 500).map((l) => l.row),
    )) as {
      results: { id: string; email: string; created: boolean }[];
      rejected: { index: number; errors: unknown[] }[];
    };
    if (report.rejected.length > 0)
      throw new Error(`seed leads rejected: ${JSON.stringify(report.rejected.slice(0, 3))}`);
    for (const r of report.results) {
      idByEmail.set(r.email, { id: r.id, created: r.created });
      if (r.created) created++;
    }
  }
  let stored = 0;
  for (let i = 0; i < events.length; i += 1000) {
    const report = (await api(fetcher, baseUrl, adminToken, 'POST', '/v1/events', events.slice(i, i + 1000))) as {
      accepted: number;
    };
    stored += report.accepted;
  }
  // Attempts have no natural id, so only leads created by this run get them (a re-run adds none).
  let attempts = 0;
  for (const lead of leads) {
    const stored = idByEmail.get(lead.email.toLowerCase());
    if (!stored?.created) continue;
    for (const attempt of lead.attempts) {
      await api(fetcher, baseUrl, adminToken, 'POST', `/v1/leads/${stored.id}/attempts`, attempt);
      attempts++;
    }
  }
  return { leads: leads.length, created, events: stored, attempts };
}
