import type { AlignmentModelInput } from '../schemas/model';
import { text } from './text';

type PersonaInput = AlignmentModelInput['personas'][number];

/*
 * Title patterns are case-insensitive Unicode regular expressions over NFKC-normalised titles.
 * `\b` only knows ASCII letters, so Japanese and Arabic patterns use plain sequences or
 * Unicode-letter lookarounds instead.
 */

const itLeader: PersonaInput = {
  id: 'it_leader',
  name: text('IT leader', '情報システム責任者', 'Responsabile IT', 'قائد تقنية المعلومات'),
  description: text(
    'Owns the systems landscape, security and integration; signs off on any tool that touches company data.',
    'システム全体、セキュリティ、連携を統括し、社内データに触れるツールの導入を承認する。',
    'Gestisce sistemi, sicurezza e integrazioni; approva ogni strumento che tocca i dati aziendali.',
    'مسؤول عن الأنظمة والأمن والتكامل؛ يوافق على أي أداة تتعامل مع بيانات الشركة.',
  ),
  buyingRole: 'decision_maker',
  titlePatterns: [
    { locale: 'en', pattern: '\\b(cio|cto|chief (information|technology|digital) officer)\\b' },
    {
      locale: 'en',
      pattern:
        '\\b(head|director|vp|vice president)\\b.*\\b(it|information technology|technology|infrastructure|information systems)\\b',
    },
    {
      locale: 'en',
      pattern: '\\b(it|information technology|infrastructure|information systems)\\s+(director|head|lead|vp)\\b',
    },
    { locale: 'en', pattern: '\\bit manager\\b', weight: 0.7 },
    { locale: 'ja', pattern: '情報システム.{0,6}(部長|室長|本部長|責任者|担当役員|マネージャー)' },
    { locale: 'ja', pattern: '(IT|システム|DX)(部門|推進)?.{0,4}(部長|本部長|責任者)' },
    { locale: 'ja', pattern: '(最高情報責任者|最高技術責任者)' },
    {
      locale: 'it',
      pattern:
        '\\b(direttore|responsabile|capo)\\s+(it|ict|dei sistemi informativi|sistemi informativi|tecnico|infrastrutture)\\b',
    },
    { locale: 'it', pattern: '\\bit manager\\b', weight: 0.7 },
    { locale: 'ar', pattern: '(مدير|رئيس|مسؤول)\\s+(قسم\\s+|إدارة\\s+)?(تقنية|تكنولوجيا|نظم|أنظمة)\\s+المعلومات' },
    { locale: 'ar', pattern: '(الرئيس|المدير)\\s+التنفيذي\\s+(للتقنية|للمعلومات|للتكنولوجيا)' },
  ],
  departmentPatterns: [
    '\\b(it|ict|information technology|infrastructure|information systems|security)\\b',
    '(情報システム|システム部|IT部|DX推進)',
    '(sistemi informativi|informatica)',
    '(تقنية|تكنولوجيا|نظم|أنظمة)\\s+المعلومات',
  ],
  seniorityPatterns: [
    '\\b(head|director|chief|vp|vice president|cio|cto)\\b',
    '(部長|本部長|室長|責任者|役員)',
    '\\b(direttore|responsabile|capo)\\b',
    '(مدير|رئيس)',
  ],
  pains: [
    text(
      'Shadow IT: every team buys its own tools and data leaks between them.',
      'シャドーIT：部署ごとにツールを導入し、データが分断・流出する。',
    ),
    text(
      'Integration backlog: each new SaaS needs SSO, provisioning and an audit trail.',
      '連携の積み残し：新しいSaaSごとにSSO、プロビジョニング、監査ログが必要。',
    ),
    text('Security reviews take weeks and block the business.', 'セキュリティ審査に数週間かかり、事業を止めてしまう。'),
  ],
  objections: [
    text('“Another tool to secure and integrate.”', '「また管理・連携すべきツールが増える」'),
    text('“Where is our data stored, and who can see it?”', '「データはどこに保管され、誰が見られるのか」'),
  ],
  messaging: {
    awareness: {
      talkingPoints: [
        text(
          'Teams that share one definition of a qualified lead stop building point-to-point exports between marketing and CRM tools.',
          '「有望リード」の定義を共有すると、マーケティングとCRMの間の個別連携やエクスポートが不要になります。',
        ),
        text(
          'Most revenue-data incidents start with spreadsheets copied between teams — one governed model removes that path.',
          '収益データの事故の多くはチーム間でコピーされるスプレッドシートから始まります。統制された単一モデルがその経路を断ちます。',
        ),
      ],
      content: [
        {
          title: text(
            'Guide: governing revenue data across marketing and sales',
            'ガイド：マーケティングと営業をまたぐ収益データのガバナンス',
          ),
        },
      ],
    },
    consideration: {
      talkingPoints: [
        text(
          'SSO (SAML/OIDC), role-based access and an audit log of every model change are standard, not add-ons.',
          'SSO（SAML/OIDC）、ロールベースのアクセス制御、モデル変更の監査ログは標準機能です。',
        ),
        text(
          'Runs at the edge with data kept in the region you choose; no browser extension reads pages it does not need.',
          'エッジで動作し、データは選択したリージョンに保管。拡張機能は必要なページ以外を読み取りません。',
        ),
      ],
      content: [
        {
          title: text(
            'Security whitepaper: architecture, encryption and data residency',
            'セキュリティホワイトペーパー：構成・暗号化・データ所在地',
          ),
        },
        { title: text('Integration overview: CRM, email and SSO', '連携概要：CRM・メール・SSO') },
      ],
    },
    decision: {
      talkingPoints: [
        text(
          'We can complete your security questionnaire this week and join a review call with your team.',
          '今週中にセキュリティチェックシートにご回答し、御社チームとのレビュー会議にも参加できます。',
        ),
        text(
          'Rollout is one deployment and a browser policy — no agents on laptops.',
          '導入はデプロイ1回とブラウザポリシー配布のみで、端末へのエージェント導入は不要です。',
        ),
      ],
      content: [
        {
          title: text(
            'Completed security questionnaire (CAIQ) and DPA',
            '回答済みセキュリティチェックシート（CAIQ）とDPA',
          ),
        },
      ],
    },
  },
};

const financeController: PersonaInput = {
  id: 'finance_controller',
  name: text('Finance controller', '財務・経理責任者', 'Responsabile amministrazione e finanza', 'المراقب المالي'),
  description: text(
    'Owns budget and vendor spend; wants predictable cost and a measurable return before signing.',
    '予算と支出を管理し、契約前に予測可能なコストと測定可能な投資対効果を求める。',
    'Gestisce budget e spesa fornitori; vuole costi prevedibili e un ritorno misurabile.',
    'مسؤول عن الميزانية والإنفاق؛ يريد تكلفة متوقعة وعائدًا قابلًا للقياس.',
  ),
  buyingRole: 'decision_maker',
  titlePatterns: [
    {
      locale: 'en',
      pattern:
        '\\b(cfo|chief financial officer|finance director|director of finance|head of finance|vp,? finance|financial controller|comptroller)\\b',
    },
    { locale: 'en', pattern: '\\b(controller|finance manager|fp&a)\\b', weight: 0.8 },
    { locale: 'ja', pattern: '(経理|財務|経営企画).{0,4}(部長|本部長|責任者|室長|課長)' },
    { locale: 'ja', pattern: '(最高財務責任者|CFO)' },
    {
      locale: 'it',
      pattern:
        '\\b(direttore|responsabile)\\s+(finanziario|amministrativo|amministrazione e finanza|finanza|controllo di gestione)\\b',
    },
    { locale: 'it', pattern: '\\bcontroller\\b', weight: 0.8 },
    {
      locale: 'ar',
      pattern:
        '(المدير\\s+المالي|مدير\\s+(الشؤون\\s+)?المالية|المراقب\\s+المالي|رئيس\\s+(قسم\\s+)?الحسابات|مدير\\s+الحسابات)',
    },
  ],
  departmentPatterns: [
    '\\b(finance|accounting|controlling|fp&a)\\b',
    '(経理|財務|経営企画)',
    '(finanza|amministrazione|contabilità)',
    '(المالية|الحسابات)',
  ],
  seniorityPatterns: [
    '\\b(head|director|chief|vp|cfo|controller)\\b',
    '(部長|本部長|責任者|室長)',
    '\\b(direttore|responsabile)\\b',
    '(مدير|رئيس|المراقب)',
  ],
  pains: [
    text('Marketing spend cannot be tied to revenue.', 'マーケティング費用を売上に結び付けられない。'),
    text(
      'Forecasts swing because pipeline stages mean different things to different teams.',
      'パイプラインの定義がチームごとに違い、予測がぶれる。',
    ),
    text(
      'Tool sprawl: overlapping subscriptions nobody owns.',
      'ツールの乱立：誰も管理していない重複サブスクリプション。',
    ),
  ],
  objections: [
    text('“What is the payback period?”', '「投資回収期間は？」'),
    text(
      '“We already pay for a CRM that should do this.”',
      '「すでにCRMに費用を払っているのに、なぜ追加が必要なのか」',
    ),
  ],
  messaging: {
    awareness: {
      talkingPoints: [
        text(
          'When sales and marketing agree on stage definitions, pipeline forecasts stop moving with whoever reports them.',
          '営業とマーケティングがステージ定義をそろえると、報告者によって予測が変わることがなくなります。',
        ),
        text(
          'Aligned teams typically see a higher share of marketing leads turning into revenue — that is spend you already make.',
          '連携したチームでは、マーケティング由来のリードが売上になる割合が高まります。既存の投資を活かす話です。',
        ),
      ],
      content: [
        {
          title: text(
            'Report: the cost of sales and marketing misalignment',
            'レポート：営業とマーケティングの不一致がもたらすコスト',
          ),
        },
      ],
    },
    consideration: {
      talkingPoints: [
        text(
          'The funnel dashboard shows conversion and SLA compliance per stage, so you can see which spend produces customers.',
          'ファネルダッシュボードでステージごとの転換率とSLA遵守率を確認でき、どの投資が顧客を生むか分かります。',
        ),
        text(
          'Per-seat pricing with no implementation fee; it sits on top of your existing CRM.',
          'シート単位の料金で導入費用は不要。既存CRMの上で動作します。',
        ),
      ],
      content: [{ title: text('ROI calculator', 'ROI試算ツール') }],
    },
    decision: {
      talkingPoints: [
        text(
          'A 90-day pilot with an agreed success metric — MQL→SQL conversion — before the annual contract.',
          '年間契約の前に、合意した成功指標（MQL→SQL転換率）で90日間のパイロットを実施できます。',
        ),
        text('Annual billing with a price lock for the contract term.', '年額請求で契約期間中の価格を固定します。'),
      ],
      content: [
        { title: text('Business case template for your budget review', '予算審査向けビジネスケースのテンプレート') },
      ],
    },
  },
};

const operationsManager: PersonaInput = {
  id: 'operations_manager',
  name: text('Operations manager', '業務部門マネージャー', 'Responsabile operativo', 'مدير العمليات'),
  description: text(
    'Runs the team that will use the product every day; cares about less manual work and a tool people actually adopt.',
    '製品を日常的に使うチームを率いる。手作業の削減と、現場で本当に使われることを重視する。',
    'Guida il team che userà il prodotto ogni giorno; vuole meno lavoro manuale.',
    'يقود الفريق الذي سيستخدم المنتج يوميًا؛ يهتم بتقليل العمل اليدوي.',
  ),
  buyingRole: 'end_user',
  titlePatterns: [
    {
      locale: 'en',
      // Not "Marketing/Revenue Operations Manager": that is the marketing-ops persona.
      pattern:
        '(?<!(?:marketing|revenue)\\s)\\b(operations|ops|sales operations|business operations)\\s+(manager|lead|supervisor|director)\\b',
    },
    { locale: 'en', pattern: '\\b(head of operations|coo|chief operating officer)\\b' },
    {
      locale: 'en',
      pattern: '\\b(team lead|team leader|process owner|sales manager|inside sales manager)\\b',
      weight: 0.6,
    },
    {
      locale: 'ja',
      pattern: '(業務|オペレーション|営業推進|営業)(部|課|グループ)?.{0,2}(部長|課長|マネージャー|責任者|リーダー)',
    },
    { locale: 'ja', pattern: '(現場責任者|業務改善)', weight: 0.7 },
    { locale: 'it', pattern: '\\b(responsabile|direttore)\\s+(operativo|delle operazioni|operations|commerciale)\\b' },
    {
      locale: 'it',
      pattern: '(?<!(?:marketing|revenue)\\s)\\b(operations manager|capo reparto|team leader)\\b',
      weight: 0.8,
    },
    { locale: 'ar', pattern: '(مدير|مشرف|رئيس\\s+قسم)\\s+(العمليات|التشغيل|المبيعات)' },
  ],
  departmentPatterns: [
    '(?<!(?:marketing|revenue)\\s)\\b(operations|ops|sales|customer service)\\b',
    '(業務|オペレーション|営業)',
    '(operazioni|operativo|vendite)',
    '(العمليات|التشغيل|المبيعات)',
  ],
  seniorityPatterns: [
    '\\b(manager|lead|leader|supervisor|head)\\b',
    '(課長|マネージャー|リーダー|責任者)',
    '\\b(responsabile|capo)\\b',
    '(مدير|مشرف|رئيس)',
  ],
  pains: [
    text(
      'Reps copy data between email, CRM and spreadsheets by hand.',
      '営業がメール、CRM、スプレッドシート間で手作業でデータを転記している。',
    ),
    text('Nobody knows which leads to call first.', 'どのリードから連絡すべきか誰にも分からない。'),
    text('New tools are bought and never adopted.', '新しいツールを導入しても定着しない。'),
  ],
  objections: [
    text('“My team will not learn another screen.”', '「チームはまた新しい画面を覚えたがらない」'),
    text('“We are too busy to roll something out this quarter.”', '「今期は導入に割く時間がない」'),
  ],
  messaging: {
    awareness: {
      talkingPoints: [
        text(
          'Reps lose hours a week deciding whom to call; a shared score puts the hot leads on top.',
          '営業は誰に連絡するかの判断に毎週何時間も費やしています。共通スコアでホットリードが一番上に来ます。',
        ),
        text(
          'Working inside the inbox and CRM they already use means nothing new to learn.',
          '普段使っている受信トレイとCRMの中で動くので、新しく覚えることはありません。',
        ),
      ],
      content: [
        {
          title: text(
            'Checklist: a lead-response process your team will follow',
            'チェックリスト：チームが守れるリード対応プロセス',
          ),
        },
      ],
    },
    consideration: {
      talkingPoints: [
        text(
          'The overlay shows stage, score, SLA clock and what to say — on the page the rep already has open.',
          'オーバーレイがステージ、スコア、SLAの残り時間、話す内容を、今開いているページに表示します。',
        ),
        text(
          'Logging a connect attempt is one click and stops the SLA clock.',
          'コンタクト試行の記録はワンクリックで、SLAの時計が止まります。',
        ),
      ],
      content: [{ title: text('Two-minute product tour video', '2分でわかる製品紹介動画') }],
    },
    decision: {
      talkingPoints: [
        text(
          'Set-up takes an afternoon: install the extension, connect, publish the model.',
          '設定は半日：拡張機能を入れ、接続し、モデルを公開するだけです。',
        ),
        text(
          'We train your team leads in a 45-minute session and share the rollout plan.',
          'チームリーダー向けに45分のトレーニングを行い、展開計画を共有します。',
        ),
      ],
      content: [{ title: text('Rollout plan and training agenda', '展開計画とトレーニング内容') }],
    },
  },
};

const marketingOps: PersonaInput = {
  id: 'marketing_ops',
  name: text('Marketing operations', 'マーケティングオペレーション担当', 'Marketing operations', 'عمليات التسويق'),
  description: text(
    'Runs scoring, routing and the marketing automation stack; champions the project and shapes the shortlist.',
    'スコアリング、ルーティング、MAツールを運用し、プロジェクトを推進して候補選定に影響を与える。',
    'Gestisce scoring, routing e marketing automation; promuove il progetto.',
    'يدير التقييم والتوجيه وأدوات أتمتة التسويق؛ ويدعم المشروع.',
  ),
  buyingRole: 'influencer',
  titlePatterns: [
    {
      locale: 'en',
      pattern:
        '\\b(marketing operations|marketing ops|mops|revops|revenue operations|marketing automation|demand generation|demand gen|growth marketing)\\b',
    },
    {
      locale: 'en',
      pattern: '\\b(cmo|chief marketing officer|marketing (manager|director|lead)|head of marketing|vp,? marketing)\\b',
      weight: 0.7,
    },
    {
      locale: 'ja',
      pattern:
        '(マーケティングオペレーション|MA担当|マーケティングオートメーション|デマンドジェネレーション|レベニューオペレーション)',
    },
    { locale: 'ja', pattern: '(マーケティング|販促|営業企画).{0,6}(部長|課長|マネージャー|責任者|担当)', weight: 0.7 },
    { locale: 'it', pattern: '\\b(marketing operations|marketing automation|demand generation)\\b' },
    { locale: 'it', pattern: '\\b(responsabile|direttore|specialista)\\s+(del\\s+)?marketing\\b', weight: 0.7 },
    { locale: 'ar', pattern: '(مدير|مسؤول|أخصائي|رئيس)\\s+(قسم\\s+)?(عمليات\\s+التسويق|أتمتة\\s+التسويق)' },
    { locale: 'ar', pattern: '(مدير|مسؤول|أخصائي|رئيس)\\s+(قسم\\s+)?التسويق', weight: 0.7 },
  ],
  departmentPatterns: ['\\b(marketing|revops|growth)\\b', '(マーケティング|販促)', '\\bmarketing\\b', 'التسويق'],
  seniorityPatterns: [
    '\\b(manager|lead|head|director|cmo)\\b',
    '(部長|課長|マネージャー|責任者)',
    '\\b(responsabile|direttore)\\b',
    '(مدير|رئيس)',
  ],
  pains: [
    text(
      'Sales ignores MQLs, and marketing cannot see why.',
      '営業がMQLを放置し、マーケティングはその理由が分からない。',
    ),
    text(
      'Scoring rules live in one admin’s head and one tool’s settings.',
      'スコアリングのルールが一人の管理者と一つのツールの設定にしか存在しない。',
    ),
    text(
      'Every definition change means a week of re-training reps.',
      '定義を変えるたびに営業への再教育に1週間かかる。',
    ),
  ],
  objections: [
    text('“Our marketing automation already scores leads.”', '「MAツールですでにリードをスコアリングしている」'),
    text('“Sales will not look at another score.”', '「営業はまた別のスコアなど見ない」'),
  ],
  messaging: {
    awareness: {
      talkingPoints: [
        text(
          'Most MQL disputes are definition disputes; writing the definitions down once ends them.',
          'MQLをめぐる対立の多くは定義の食い違いです。一度定義を明文化すれば解消します。',
        ),
        text(
          'Returned leads with reasons are the feedback loop scoring never had.',
          '理由付きの差し戻しは、これまでスコアリングに欠けていたフィードバックループです。',
        ),
      ],
      content: [{ title: text('Template: the sales–marketing SLA', 'テンプレート：営業とマーケティングのSLA') }],
    },
    consideration: {
      talkingPoints: [
        text(
          'Edit ICP, personas and scoring rules once; every rep’s browser follows within a minute.',
          'ICP、ペルソナ、スコアリングルールを一度編集すれば、1分以内に全営業のブラウザに反映されます。',
        ),
        text(
          'Calibrate points from past outcomes: actions with the highest lift become MQL criteria.',
          '過去の成果からポイントを調整：リフトの高い行動がMQL基準になります。',
        ),
      ],
      content: [
        {
          title: text(
            'Webinar: calibrating lead scoring from closed-won data',
            'ウェビナー：受注データからのリードスコア調整',
          ),
        },
        { title: text('Scoring model workbook', 'スコアリングモデル設計ワークブック') },
      ],
    },
    decision: {
      talkingPoints: [
        text(
          'Import your current scoring rules and we will show the side-by-side difference on last quarter’s leads.',
          '現在のスコアリングルールを取り込み、前四半期のリードで差分を並べてお見せします。',
        ),
        text(
          'Versioned models with diff and one-click rollback make changes safe to try.',
          'バージョン管理・差分表示・ワンクリックのロールバックで、安心して変更を試せます。',
        ),
      ],
      content: [
        { title: text('Migration guide from marketing-automation scoring', 'MAツールのスコアリングからの移行ガイド') },
      ],
    },
  },
};

export const personas: AlignmentModelInput['personas'] = [itLeader, financeController, operationsManager, marketingOps];
