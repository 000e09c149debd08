import type { AlignmentModelInput } from '../schemas/model';
import { text } from './text';

const EXECUTIVE_TITLE =
  '\\b(chief|c[eiotfm]o|vp|svp|evp|vice president|head|director|president|founder|owner|partner)\\b|(部長|本部長|役員|取締役|社長|執行役員|室長)|\\b(direttore|amministratore|responsabile)\\b|(مدير|رئيس|نائب الرئيس)';
const MANAGER_TITLE =
  '\\b(manager|lead|supervisor)\\b|(課長|マネージャー|リーダー)|\\b(capo|coordinatore)\\b|(مشرف|منسق)';

/**
 * Fit rules of the ideal customer profile. Positive rules describe who wins and gets value;
 * warning signs (negative points) the traits of leads that rarely become good customers.
 * Raw points from 0 to 80 map onto fit 0–100: a Japanese financial-services enterprise with an
 * executive contact scores 75 raw (fit 94).
 */
export const icp: AlignmentModelInput['icp'] = {
  description: text(
    'Mid-market and enterprise companies (1,000+ employees) in financial services, software and manufacturing, in Japan first and then our core markets, reached through an IT, finance, operations or marketing-operations leader.',
    '金融、ソフトウェア、製造業の中堅・大企業（従業員1,000名以上）。日本を最優先とし、次に主要市場。IT、財務、業務、マーケティング運用の責任者を窓口とする。',
    'Aziende medio-grandi (oltre 1.000 dipendenti) nei servizi finanziari, software e manifattura, prima in Giappone e poi nei mercati principali.',
    'الشركات المتوسطة والكبيرة (أكثر من 1000 موظف) في الخدمات المالية والبرمجيات والتصنيع، في اليابان أولًا ثم الأسواق الرئيسية.',
  ),
  normalization: { min: 0, max: 80 },
  rules: [
    {
      id: 'industry_financial_services',
      label: text('Financial services', '金融業', 'Servizi finanziari', 'الخدمات المالية'),
      when: {
        op: 'matches',
        attr: 'industry',
        pattern:
          'financ|bank|insurance|fintech|asset management|capital markets|銀行|金融|保険|証券|banca|bancari|finanz|assicura|مصرف|بنك|مالي|تأمين',
      },
      points: 20,
    },
    {
      id: 'industry_software',
      label: text(
        'Software and internet',
        'ソフトウェア・インターネット',
        'Software e internet',
        'البرمجيات والإنترنت',
      ),
      when: {
        op: 'matches',
        attr: 'industry',
        pattern:
          'software|saas|internet|information technology|computer|\\bit services\\b|ソフトウェア|情報通信|インターネット|informatica|برمجيات|تقنية المعلومات',
      },
      points: 12,
    },
    {
      id: 'industry_manufacturing',
      label: text('Manufacturing', '製造業', 'Manifattura', 'التصنيع'),
      when: {
        op: 'matches',
        attr: 'industry',
        pattern: 'manufactur|industrial|automotive|製造|自動車|manifattur|industria|تصنيع|صناع',
      },
      points: 8,
    },
    {
      id: 'employees_enterprise',
      label: text(
        'Enterprise (5,000+ employees)',
        '大企業（従業員5,000名以上）',
        'Grande impresa (5.000+ dipendenti)',
        'مؤسسة كبيرة (5000+ موظف)',
      ),
      when: { op: 'gte', attr: 'employees', value: 5000 },
      points: 25,
    },
    {
      id: 'employees_mid_market',
      label: text(
        'Mid-market (1,000–4,999 employees)',
        '中堅企業（従業員1,000〜4,999名）',
        'Media impresa (1.000–4.999)',
        'شركة متوسطة (1000–4999)',
      ),
      when: {
        op: 'all',
        of: [
          { op: 'gte', attr: 'employees', value: 1000 },
          { op: 'lte', attr: 'employees', value: 4999 },
        ],
      },
      points: 15,
    },
    {
      id: 'employees_growth',
      label: text(
        'Growth company (200–999 employees)',
        '成長企業（従業員200〜999名）',
        'Azienda in crescita (200–999)',
        'شركة نامية (200–999)',
      ),
      when: {
        op: 'all',
        of: [
          { op: 'gte', attr: 'employees', value: 200 },
          { op: 'lte', attr: 'employees', value: 999 },
        ],
      },
      points: 6,
    },
    {
      id: 'country_japan',
      label: text('Based in Japan', '日本拠点', 'Sede in Giappone', 'مقرها اليابان'),
      when: { op: 'eq', attr: 'country', value: 'JP' },
      points: 15,
    },
    {
      id: 'country_core_market',
      label: text('Core market', '主要市場', 'Mercato principale', 'سوق رئيسي'),
      when: { op: 'in', attr: 'country', values: ['US', 'GB', 'DE', 'FR', 'IT', 'ES', 'AE', 'SA', 'SG', 'AU', 'CA'] },
      points: 8,
    },
    {
      id: 'title_executive',
      label: text(
        'Executive or head of function',
        '経営層・部門責任者',
        'Dirigente o responsabile di funzione',
        'تنفيذي أو رئيس قسم',
      ),
      when: { op: 'matches', attr: 'title', pattern: EXECUTIVE_TITLE },
      points: 15,
    },
    {
      id: 'title_manager',
      label: text('Manager or team lead', 'マネージャー・リーダー', 'Manager o team leader', 'مدير فريق أو مشرف'),
      when: {
        op: 'all',
        of: [
          { op: 'matches', attr: 'title', pattern: MANAGER_TITLE },
          { op: 'not', of: { op: 'matches', attr: 'title', pattern: EXECUTIVE_TITLE } },
        ],
      },
      points: 8,
    },
    {
      id: 'warning_student',
      label: text('Student or intern', '学生・インターン', 'Studente o stagista', 'طالب أو متدرب'),
      when: {
        op: 'matches',
        attr: 'title',
        pattern:
          '\\b(student|intern|trainee|phd candidate)\\b|(学生|インターン|院生)|\\b(studente|studentessa|stagista|tirocinante)\\b|(طالب|طالبة|متدرب)',
      },
      points: -40,
      warningSign: true,
    },
    {
      id: 'warning_free_mail',
      label: text('Free email address', 'フリーメールアドレス', 'Email gratuita', 'بريد إلكتروني مجاني'),
      when: {
        op: 'matches',
        attr: 'email',
        pattern:
          '@(gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|me|gmx|proton|protonmail|yandex|qq|163|126|docomo|ezweb|softbank|libero|virgilio|tiscali)\\.',
      },
      points: -20,
      warningSign: true,
    },
    {
      id: 'warning_competitor',
      label: text('Works for a competitor', '競合企業の社員', 'Lavora per un concorrente', 'يعمل لدى منافس'),
      when: {
        op: 'any',
        of: [
          { op: 'eq', attr: 'attributes.competitor', value: true },
          { op: 'in', attr: 'attributes.relationship', values: ['competitor'] },
        ],
      },
      points: -60,
      warningSign: true,
    },
    {
      id: 'warning_tiny_company',
      label: text('Fewer than 10 employees', '従業員10名未満', 'Meno di 10 dipendenti', 'أقل من 10 موظفين'),
      when: { op: 'lte', attr: 'employees', value: 9 },
      points: -25,
      warningSign: true,
    },
  ],
};
