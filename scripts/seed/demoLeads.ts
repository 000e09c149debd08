/**
 * The fixed demo people the extension's demo pages show (a Gmail thread, a LinkedIn profile, a CRM record).
 * `seedDemoData` stores them with behaviour that puts each in its quadrant under the default model:
 * high fit + recent demo request → hot; high fit, little behaviour → nurture; low fit + strong interest →
 * explore; low fit and no interest → disqualify.
 */
export interface DemoPerson {
  email: string;
  name: string;
  title: string;
  company: string;
  domain: string;
  industry: string;
  employees: number;
  country: string;
  linkedinUrl: string;
  /** The quadrant the seeded data is designed to put this person in. */
  expectedQuadrant: 'hot' | 'nurture' | 'explore' | 'disqualify';
}

export const DEMO_HOT: DemoPerson = {
  email: 'haruka.sato@sakura-fg.example.jp',
  name: '佐藤 遥',
  title: 'マーケティング部長',
  company: 'Sakura Financial Group',
  domain: 'sakura-fg.example.jp',
  industry: 'Financial Services',
  employees: 12000,
  country: 'JP',
  linkedinUrl: 'https://www.linkedin.com/in/haruka-sato-demo/',
  expectedQuadrant: 'hot',
};

export const DEMO_NURTURE: DemoPerson = {
  email: 'giulia.romano@banca-aurora.example.it',
  name: 'Giulia Romano',
  title: 'Responsabile Marketing',
  company: 'Banca Aurora',
  domain: 'banca-aurora.example.it',
  industry: 'Financial Services',
  employees: 6500,
  country: 'IT',
  linkedinUrl: 'https://www.linkedin.com/in/giulia-romano-demo/',
  expectedQuadrant: 'nurture',
};

export const DEMO_EXPLORE: DemoPerson = {
  email: 'omar.haddad@falcon-studio.example.ae',
  name: 'عمر حداد',
  title: 'مصمم جرافيك',
  company: 'Falcon Studio',
  domain: 'falcon-studio.example.ae',
  industry: 'Media',
  employees: 12,
  country: 'AE',
  linkedinUrl: 'https://www.linkedin.com/in/omar-haddad-demo/',
  expectedQuadrant: 'explore',
};

export const DEMO_DISQUALIFY: DemoPerson = {
  email: 'max.student@uni-mail.example.de',
  name: 'Max Becker',
  title: 'Student',
  company: 'Universität Beispiel',
  domain: 'uni-mail.example.de',
  industry: 'Education',
  employees: 3,
  country: 'DE',
  linkedinUrl: 'https://www.linkedin.com/in/max-becker-demo/',
  expectedQuadrant: 'disqualify',
};

export const DEMO_PEOPLE: readonly DemoPerson[] = [DEMO_HOT, DEMO_NURTURE, DEMO_EXPLORE, DEMO_DISQUALIFY];
