import type { AlignmentModelInput } from '../schemas/model';
import { text } from './text';

const CONVERSION_EVENTS = ['form_submit', 'content_download', 'webinar_registered', 'demo_request'];

/** The shared funnel. Entry criteria drive the "suggested stage"; humans confirm moves. */
export const lifecycle: AlignmentModelInput['lifecycle'] = {
  stages: [
    {
      id: 'subscriber',
      label: text('Subscriber', '購読者', 'Iscritto', 'مشترك'),
      definition: text(
        'Knows us and opted in to hear from us (newsletter, social follow) but has not converted on an offer.',
        '当社を知り、ニュースレターやSNSで情報を受け取ることに同意したが、まだオファーに申し込んでいない人。',
        'Ci conosce e ha scelto di ricevere nostre notizie, ma non ha ancora aderito a un’offerta.',
        'يعرفنا واشترك لتلقي أخبارنا لكنه لم يتفاعل مع عرض بعد.',
      ),
      ownerTeam: 'marketing',
      entryCriteria: [
        {
          id: 'subscribed',
          label: text('Subscribed or followed', '購読またはフォロー', 'Iscritto o follower', 'اشترك أو تابع'),
          when: { op: 'event', types: ['newsletter_subscribe', 'social_follow'], countGte: 1 },
        },
      ],
    },
    {
      id: 'lead',
      label: text('Lead', 'リード', 'Lead', 'عميل محتمل'),
      definition: text(
        'Converted on an offer — submitted a form, downloaded content, registered for a webinar or asked for a demo — and is known by name and company.',
        'フォーム送信、資料ダウンロード、ウェビナー登録、デモ依頼などで氏名と会社が分かった人。',
        'Ha aderito a un’offerta (modulo, download, webinar, demo) ed è noto per nome e azienda.',
        'تفاعل مع عرض (نموذج، تنزيل، ندوة، عرض توضيحي) ومعروف بالاسم والشركة.',
      ),
      ownerTeam: 'marketing',
      entryCriteria: [
        {
          id: 'converted',
          label: text('Converted on an offer', 'オファーに申し込み', 'Ha aderito a un’offerta', 'تفاعل مع عرض'),
          when: { op: 'event', types: CONVERSION_EVENTS, countGte: 1 },
        },
      ],
    },
    {
      id: 'mql',
      label: text('Marketing qualified lead', 'MQL', 'Lead qualificato dal marketing', 'عميل مؤهل تسويقيًا'),
      definition: text(
        'Meets the agreed MQL criteria and is handed to sales with the hand-off fields filled. Sales accepts or returns it within the SLA.',
        '合意したMQL基準を満たし、必要項目を揃えて営業に引き渡されたリード。営業はSLA内に受け入れるか差し戻す。',
        'Soddisfa i criteri MQL concordati ed è passato alle vendite, che lo accettano o lo restituiscono entro lo SLA.',
        'يستوفي معايير التأهيل المتفق عليها ويُسلَّم للمبيعات التي تقبله أو تعيده ضمن الاتفاقية.',
      ),
      ownerTeam: 'marketing',
      entryCriteria: [
        {
          id: 'mql_fit_emphasis',
          label: text(
            'Fit first: financial services, 5,000+ employees, Japan, submitted a form',
            'フィット重視：金融業・従業員5,000名以上・日本・フォーム送信',
            'Fit prima di tutto: servizi finanziari, 5.000+ dipendenti, Giappone, modulo inviato',
            'الملاءمة أولًا: خدمات مالية، 5000+ موظف، اليابان، أرسل نموذجًا',
          ),
          emphasis: 'fit',
          active: true,
          when: {
            op: 'all',
            of: [
              {
                op: 'matches',
                attr: 'industry',
                pattern: 'financ|bank|insurance|fintech|銀行|金融|保険|証券|banca|finanz|assicura|مصرف|بنك|مالي|تأمين',
              },
              { op: 'gte', attr: 'employees', value: 5000 },
              { op: 'eq', attr: 'country', value: 'JP' },
              { op: 'event', types: ['form_submit'], countGte: 1 },
            ],
          },
        },
        {
          id: 'mql_interest_emphasis',
          label: text(
            'Interest first: any company in Japan that requested a demo',
            '関心重視：デモを依頼した日本の企業すべて',
            'Interesse prima di tutto: qualsiasi azienda in Giappone che ha richiesto una demo',
            'الاهتمام أولًا: أي شركة في اليابان طلبت عرضًا توضيحيًا',
          ),
          emphasis: 'interest',
          active: false,
          when: {
            op: 'all',
            of: [
              { op: 'eq', attr: 'country', value: 'JP' },
              { op: 'event', types: ['demo_request'], countGte: 1 },
            ],
          },
        },
        {
          id: 'mql_hot',
          label: text(
            'Hot: fit 60+ and interest 50+',
            'ホット：フィット60以上かつ関心50以上',
            'Caldo: fit 60+ e interesse 50+',
            'ساخن: ملاءمة 60+ واهتمام 50+',
          ),
          emphasis: 'other',
          active: true,
          when: {
            op: 'all',
            of: [
              { op: 'metric', metric: 'fit', gte: 60 },
              { op: 'metric', metric: 'interest', gte: 50 },
            ],
          },
        },
      ],
    },
    {
      id: 'sal',
      label: text('Sales accepted lead', 'SAL', 'Lead accettato dalle vendite', 'عميل مقبول من المبيعات'),
      definition: text(
        'Sales reviewed the MQL and accepted to work it; connect attempts are logged against the SLA.',
        '営業がMQLを確認し対応を受け入れた状態。コンタクト試行はSLAに対して記録される。',
        'Le vendite hanno accettato di lavorare l’MQL; i tentativi di contatto sono registrati rispetto allo SLA.',
        'قبلت المبيعات العمل على العميل؛ وتُسجَّل محاولات التواصل وفق الاتفاقية.',
      ),
      ownerTeam: 'sales',
    },
    {
      id: 'sql',
      label: text('Sales qualified lead', 'SQL', 'Lead qualificato dalle vendite', 'عميل مؤهل للمبيعات'),
      definition: text(
        'Sales connected and confirmed need, budget, authority and timing; a deal is about to be created.',
        '営業が接触し、ニーズ・予算・決裁権・時期を確認した状態。商談作成の直前。',
        'Le vendite hanno confermato bisogno, budget, autorità e tempi.',
        'تواصلت المبيعات وتأكدت من الحاجة والميزانية والصلاحية والتوقيت.',
      ),
      ownerTeam: 'sales',
    },
    {
      id: 'opportunity',
      label: text('Opportunity', '商談', 'Opportunità', 'فرصة'),
      definition: text(
        'An open deal exists for this contact.',
        'この担当者に紐づくオープンな商談がある。',
        'Esiste una trattativa aperta.',
        'توجد صفقة مفتوحة لجهة الاتصال.',
      ),
      ownerTeam: 'sales',
      entryCriteria: [
        {
          id: 'open_deal',
          label: text('Has an open deal', 'オープンな商談あり', 'Ha una trattativa aperta', 'لديه صفقة مفتوحة'),
          when: {
            op: 'in',
            attr: 'dealStage',
            values: ['appointment_scheduled', 'quote_created', 'quote_presented', 'on_hold'],
          },
        },
      ],
    },
    {
      id: 'customer',
      label: text('Customer', '顧客', 'Cliente', 'عميل'),
      definition: text(
        'Bought from us: a deal closed won.',
        '当社から購入した（商談が受注となった）。',
        'Ha acquistato: trattativa vinta.',
        'اشترى منا: صفقة مربوحة.',
      ),
      ownerTeam: 'customer_success',
      entryCriteria: [
        {
          id: 'closed_won',
          label: text('Deal closed won', '受注', 'Trattativa vinta', 'صفقة مربوحة'),
          when: { op: 'eq', attr: 'dealStage', value: 'closed_won' },
        },
      ],
    },
  ],
  transitions: [
    {
      id: 'accept',
      label: text('Accept (sales accepted lead)', '受け入れ（SAL）', 'Accetta', 'قبول'),
      from: ['mql'],
      to: 'sal',
    },
    {
      id: 'qualify',
      label: text('Qualify (sales qualified lead)', '有望と判定（SQL）', 'Qualifica', 'تأهيل'),
      from: ['sal'],
      to: 'sql',
      setsStatus: 'connected',
    },
    {
      id: 'return_to_nurture',
      label: text(
        'Return to marketing – not ready',
        'マーケティングへ差し戻し（時期尚早）',
        'Restituisci al marketing – non pronto',
        'إعادة إلى التسويق – غير جاهز',
      ),
      from: ['mql', 'sal'],
      to: 'lead',
      setsStatus: 'returned_not_ready',
      requiresReason: true,
    },
    {
      id: 'disqualify',
      label: text('Disqualify', '失格にする', 'Squalifica', 'استبعاد'),
      from: ['subscriber', 'lead', 'mql', 'sal', 'sql', 'opportunity'],
      to: 'lead',
      setsStatus: 'disqualified',
      requiresReason: true,
    },
    {
      id: 'recycle_lost_deal',
      label: text(
        'Recycle after a lost deal',
        '失注後に育成へ戻す',
        'Ricicla dopo trattativa persa',
        'إعادة التدوير بعد خسارة صفقة',
      ),
      from: ['sql', 'opportunity'],
      to: 'lead',
      setsStatus: 'nurturing',
      requiresReason: true,
    },
  ],
};

export const leadStatuses: AlignmentModelInput['leadStatuses'] = [
  {
    id: 'new',
    label: text('New', '新規', 'Nuovo', 'جديد'),
    definition: text(
      'Handed to sales, not contacted yet.',
      '営業に引き渡され、まだ連絡していない。',
      'Passato alle vendite, non ancora contattato.',
      'سُلِّم للمبيعات ولم يُتواصل معه بعد.',
    ),
  },
  {
    id: 'attempting_contact',
    label: text('Attempting contact', '接触試行中', 'Tentativo di contatto', 'محاولة التواصل'),
    definition: text(
      'Sales is working the connect cadence (6 touches in 10 business days) without a conversation yet.',
      '営業が接触ケイデンス（10営業日で6回）を実施中で、まだ会話できていない。',
      'Le vendite stanno eseguendo la cadenza di contatto senza ancora una conversazione.',
      'تنفذ المبيعات خطة التواصل دون محادثة بعد.',
    ),
  },
  {
    id: 'connected',
    label: text('Connected', '接続済み', 'Contattato', 'تم التواصل'),
    definition: text(
      'Sales had a two-way conversation with the person.',
      '営業が本人と双方向の会話をした。',
      'Le vendite hanno parlato con la persona.',
      'أجرت المبيعات محادثة مع الشخص.',
    ),
  },
  {
    id: 'nurturing',
    label: text('Nurturing', '育成中', 'In nurturing', 'قيد الرعاية'),
    definition: text(
      'Back with marketing after a lost deal or a stalled conversation.',
      '失注や会話の停滞の後、マーケティングで育成中。',
      'Di nuovo al marketing dopo una trattativa persa.',
      'عاد إلى التسويق بعد صفقة خاسرة.',
    ),
  },
  {
    id: 'returned_not_ready',
    label: text('Returned – not ready', '差し戻し（時期尚早）', 'Restituito – non pronto', 'مُعاد – غير جاهز'),
    definition: text(
      'Sales returned the lead to marketing with a reason; marketing nurtures it and answers within the feedback window.',
      '営業が理由を付けてマーケティングに差し戻した。マーケティングは育成し、フィードバック期間内に回答する。',
      'Le vendite hanno restituito il lead con un motivo; il marketing lo coltiva.',
      'أعادت المبيعات العميل مع سبب؛ ويرعاه التسويق.',
    ),
  },
  {
    id: 'disqualified',
    label: text('Disqualified', '失格', 'Squalificato', 'مستبعد'),
    definition: text(
      'Not a prospect (wrong fit, competitor, no valid contact); removed from sales and marketing lists.',
      '見込み客ではない（不適合、競合、連絡先無効など）。営業・マーケティングのリストから除外。',
      'Non è un potenziale cliente; rimosso dalle liste.',
      'ليس عميلًا محتملًا؛ أُزيل من القوائم.',
    ),
  },
];

export const dealStages: AlignmentModelInput['dealStages'] = [
  {
    id: 'appointment_scheduled',
    label: text('Appointment scheduled', 'アポイント設定済み', 'Appuntamento fissato', 'تم تحديد موعد'),
    definition: text(
      'A discovery meeting is booked.',
      'ヒアリングの面談が予定されている。',
      'È fissato un incontro conoscitivo.',
      'تم حجز اجتماع استكشافي.',
    ),
    probability: 0.2,
  },
  {
    id: 'quote_created',
    label: text('Quote created', '見積作成', 'Preventivo creato', 'تم إنشاء عرض السعر'),
    definition: text(
      'Scope agreed and a quote drafted.',
      '範囲が合意され見積を作成した。',
      'Ambito concordato e preventivo redatto.',
      'تم الاتفاق على النطاق وصياغة عرض سعر.',
    ),
    probability: 0.4,
  },
  {
    id: 'quote_presented',
    label: text('Quote presented', '見積提示', 'Preventivo presentato', 'تم تقديم عرض السعر'),
    definition: text(
      'The buyer has the quote and is reviewing it.',
      '顧客が見積を受け取り検討中。',
      'Il cliente sta valutando il preventivo.',
      'العميل يراجع عرض السعر.',
    ),
    probability: 0.6,
  },
  {
    id: 'on_hold',
    label: text('On hold', '保留', 'In attesa', 'معلقة'),
    definition: text(
      'Paused by the buyer with a date to revisit.',
      '顧客都合で一時停止し、再開予定日がある。',
      'Sospesa dal cliente con una data di ripresa.',
      'أوقفها العميل مؤقتًا مع موعد للمراجعة.',
    ),
    probability: 0.1,
  },
  {
    id: 'closed_won',
    label: text('Closed won', '受注', 'Vinta', 'صفقة مربوحة'),
    definition: text('Contract signed.', '契約締結済み。', 'Contratto firmato.', 'تم توقيع العقد.'),
    probability: 1,
    closed: true,
    won: true,
  },
  {
    id: 'closed_lost',
    label: text('Closed lost', '失注', 'Persa', 'صفقة خاسرة'),
    definition: text(
      'The buyer chose another option or did nothing; record the reason.',
      '他社選定または見送り。理由を記録する。',
      'Il cliente ha scelto altro; registrare il motivo.',
      'اختار العميل خيارًا آخر؛ سجّل السبب.',
    ),
    probability: 0,
    closed: true,
  },
];

export const leadTypes: AlignmentModelInput['leadTypes'] = [
  {
    id: 'new_prospect',
    dimension: 'relationship',
    label: text('New prospect', '新規見込み客', 'Nuovo potenziale cliente', 'عميل محتمل جديد'),
    definition: text(
      'A company that has never bought from us.',
      '当社から購入したことのない企業。',
      'Un’azienda che non ha mai acquistato da noi.',
      'شركة لم تشترِ منا من قبل.',
    ),
  },
  {
    id: 'existing_customer',
    dimension: 'relationship',
    label: text('Existing customer', '既存顧客', 'Cliente esistente', 'عميل حالي'),
    definition: text(
      'A company with an active contract; routed to its account owner for expansion.',
      '有効な契約のある企業。アップセルのため担当アカウントオーナーに振り分ける。',
      'Un’azienda con un contratto attivo; va al suo account owner.',
      'شركة لديها عقد نشط؛ تُوجَّه إلى مسؤول الحساب.',
    ),
  },
  {
    id: 'product',
    dimension: 'offering',
    label: text('Product', '製品', 'Prodotto', 'منتج'),
    definition: text(
      'Interested in a subscription to the product.',
      '製品のサブスクリプションに関心がある。',
      'Interessato all’abbonamento al prodotto.',
      'مهتم باشتراك المنتج.',
    ),
  },
  {
    id: 'service',
    dimension: 'offering',
    label: text('Service', 'サービス', 'Servizio', 'خدمة'),
    definition: text(
      'Interested in implementation, training or consulting services.',
      '導入支援、トレーニング、コンサルティングに関心がある。',
      'Interessato a servizi di implementazione, formazione o consulenza.',
      'مهتم بخدمات التنفيذ أو التدريب أو الاستشارات.',
    ),
  },
];
