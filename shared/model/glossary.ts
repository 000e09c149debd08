import type { AlignmentModelInput } from '../schemas/model';
import { text } from './text';

/** The shared vocabulary both teams sign up to; every label in the overlay links here. */
export const glossary: AlignmentModelInput['glossary'] = [
  {
    id: 'icp',
    term: text(
      'Ideal customer profile (ICP)',
      '理想顧客プロファイル（ICP）',
      'Profilo del cliente ideale (ICP)',
      'ملف العميل المثالي',
    ),
    definition: text(
      'The firmographic description of the companies that get the most value from us and that we win most often: industry, size, country — plus the warning signs of customers we should not pursue.',
      '当社から最も価値を得て、最も受注しやすい企業の属性（業種・規模・国）と、追うべきでない顧客の警告サイン。',
      'La descrizione delle aziende che traggono più valore da noi e che vinciamo più spesso: settore, dimensione, paese — e i segnali di allarme dei clienti da non inseguire.',
      'وصف الشركات التي تستفيد منا أكثر ونفوز بها غالبًا: القطاع والحجم والدولة، مع علامات التحذير للعملاء الذين لا ينبغي ملاحقتهم.',
    ),
  },
  {
    id: 'persona',
    term: text('Buyer persona', 'バイヤーペルソナ', 'Buyer persona', 'شخصية المشتري'),
    definition: text(
      'A semi-fictional profile of a person in the buying group: role, pains, objections and what to tell them at each journey stage.',
      '購買グループ内の人物像。役割、課題、反論、各ジャーニー段階で伝える内容をまとめたもの。',
      'Il profilo semi-immaginario di una persona del gruppo d’acquisto: ruolo, problemi, obiezioni e cosa dirle in ogni fase del percorso.',
      'ملف شبه خيالي لشخص في مجموعة الشراء: دوره وتحدياته واعتراضاته وما يقال له في كل مرحلة من رحلة الشراء.',
    ),
  },
  {
    id: 'buying_role',
    term: text('Buying role', '購買における役割', 'Ruolo d’acquisto', 'الدور في الشراء'),
    definition: text(
      'How a persona takes part in the decision: end user (uses the product), influencer (shapes the shortlist) or decision maker (signs).',
      'ペルソナが意思決定にどう関わるか：エンドユーザー（利用者）、インフルエンサー（候補選定に影響）、意思決定者（承認・署名）。',
      'Come una persona partecipa alla decisione: utente finale, influenzatore o decisore.',
      'كيف يشارك الشخص في القرار: مستخدم نهائي أو مؤثر أو صاحب القرار.',
    ),
  },
  {
    id: 'lifecycle_stage',
    term: text('Lifecycle stage', 'ライフサイクルステージ', 'Fase del ciclo di vita', 'مرحلة دورة الحياة'),
    definition: text(
      'Where a contact is in the shared funnel: subscriber, lead, MQL, SAL, SQL, opportunity, customer. Stages move forward; only agreed transitions move them back.',
      '共有ファネル上の位置：購読者、リード、MQL、SAL、SQL、商談、顧客。ステージは前進のみで、合意された遷移だけが後退を許す。',
      'La posizione del contatto nel funnel condiviso. Le fasi avanzano; solo le transizioni concordate le riportano indietro.',
      'موقع جهة الاتصال في مسار المبيعات المشترك. المراحل تتقدم فقط، ولا تعود إلا بانتقالات متفق عليها.',
    ),
  },
  {
    id: 'mql',
    term: text(
      'Marketing qualified lead (MQL)',
      'マーケティング・クオリファイド・リード（MQL）',
      'Lead qualificato dal marketing (MQL)',
      'عميل محتمل مؤهل تسويقيًا',
    ),
    definition: text(
      'A lead that meets the agreed MQL criteria (fit, interest or both) and is handed to sales. Marketing commits to a monthly number of MQLs.',
      '合意したMQL基準（フィット・関心またはその両方）を満たし、営業に引き渡されるリード。マーケティングは月間MQL数をコミットする。',
      'Un lead che soddisfa i criteri MQL concordati e viene passato alle vendite.',
      'عميل محتمل يستوفي معايير التأهيل التسويقي المتفق عليها ويُسلَّم إلى المبيعات.',
    ),
  },
  {
    id: 'sal',
    term: text(
      'Sales accepted lead (SAL)',
      'セールス・アクセプテッド・リード（SAL）',
      'Lead accettato dalle vendite (SAL)',
      'عميل محتمل مقبول من المبيعات',
    ),
    definition: text(
      'An MQL that sales has reviewed and accepted to work. Sales either accepts or returns an MQL with a reason within the SLA.',
      '営業が確認し、対応すると受け入れたMQL。営業はSLA内に受け入れるか、理由を付けて差し戻す。',
      'Un MQL che le vendite hanno esaminato e accettato di lavorare.',
      'عميل مؤهل تسويقيًا راجعه فريق المبيعات وقبل العمل عليه.',
    ),
  },
  {
    id: 'sql',
    term: text(
      'Sales qualified lead (SQL)',
      'セールス・クオリファイド・リード（SQL）',
      'Lead qualificato dalle vendite (SQL)',
      'عميل محتمل مؤهل للمبيعات',
    ),
    definition: text(
      'A lead sales has spoken with and confirmed has need, budget, authority and timing for a deal.',
      '営業が会話し、ニーズ・予算・決裁権・時期を確認したリード。',
      'Un lead con cui le vendite hanno parlato e di cui hanno confermato bisogno, budget, autorità e tempi.',
      'عميل تحدث معه فريق المبيعات وتأكد من حاجته وميزانيته وصلاحيته وتوقيته.',
    ),
  },
  {
    id: 'lead_score',
    term: text('Lead score', 'リードスコア', 'Punteggio del lead', 'تقييم العميل المحتمل'),
    definition: text(
      'A 0–100 number blending fit and interest with the agreed weight. Every point comes from a named rule.',
      'フィットと関心を合意した重みで組み合わせた0〜100の数値。すべての点数は名前付きルールに由来する。',
      'Un numero da 0 a 100 che combina fit e interesse con il peso concordato.',
      'رقم من 0 إلى 100 يجمع بين الملاءمة والاهتمام بالوزن المتفق عليه.',
    ),
  },
  {
    id: 'fit',
    term: text('Fit', 'フィット（適合度）', 'Fit (adeguatezza)', 'الملاءمة'),
    definition: text(
      'How closely the person and their company match the ICP (0–100), from firmographic rules; warning signs subtract points.',
      '人物と企業がICPにどれだけ合致するか（0〜100）。警告サインは減点される。',
      'Quanto persona e azienda corrispondono all’ICP (0–100); i segnali di allarme tolgono punti.',
      'مدى تطابق الشخص وشركته مع ملف العميل المثالي (0–100)؛ علامات التحذير تخصم نقاطًا.',
    ),
  },
  {
    id: 'interest',
    term: text('Interest', '関心度', 'Interesse', 'الاهتمام'),
    definition: text(
      'How engaged the person is (0–100): points for behaviour such as demo requests and pricing views, capped per rule and fading with a 30-day half-life.',
      '人物の関与度（0〜100）。デモ依頼や価格ページ閲覧などの行動に加点し、ルールごとに上限があり、30日の半減期で減衰する。',
      'Quanto è coinvolta la persona (0–100): punti per comportamenti, con tetto per regola e dimezzamento ogni 30 giorni.',
      'مدى تفاعل الشخص (0–100): نقاط للسلوك مع حد أقصى لكل قاعدة وتتناقص إلى النصف كل 30 يومًا.',
    ),
  },
  {
    id: 'quadrant',
    term: text(
      'Fit × interest quadrant',
      'フィット×関心の4象限',
      'Quadrante fit × interesse',
      'مربع الملاءمة × الاهتمام',
    ),
    definition: text(
      'Hot (high fit, high interest): sales follows up now. Nurture (high fit, low interest): marketing nurtures. Explore (low fit, high interest): low-cost approach, a human decides. Disqualify (low on both): remove from lists.',
      'ホット（高フィット・高関心）：営業が即時対応。ナーチャー（高フィット・低関心）：マーケティングが育成。探索（低フィット・高関心）：低コストで接触し人が判断。除外（両方低い）：リストから外す。',
      'Caldo: le vendite seguono subito. Da coltivare: il marketing nutre. Da esplorare: approccio a basso costo. Da escludere: togliere dalle liste.',
      'ساخن: المبيعات تتابع فورًا. رعاية: التسويق يرعى. استكشاف: نهج منخفض التكلفة. استبعاد: إزالة من القوائم.',
    ),
  },
  {
    id: 'sla',
    term: text(
      'Service level agreement (SLA)',
      'サービスレベル合意（SLA）',
      'Accordo sul livello di servizio (SLA)',
      'اتفاقية مستوى الخدمة',
    ),
    definition: text(
      'What each team promises the other: sales follows up hot leads within 24 hours and makes 6 touches in 10 business days; marketing delivers the monthly MQL commitment with the hand-off fields filled.',
      '各チームの約束：営業はホットリードに24時間以内に対応し、10営業日で6回接触する。マーケティングは引き渡し項目を揃えた月間MQL数を提供する。',
      'Ciò che ogni team promette all’altro: follow-up dei lead caldi entro 24 ore, 6 contatti in 10 giorni lavorativi, impegno mensile di MQL.',
      'ما يعد به كل فريق الآخر: متابعة العملاء الساخنين خلال 24 ساعة، و6 محاولات تواصل خلال 10 أيام عمل، والتزام شهري بعدد العملاء المؤهلين.',
    ),
  },
  {
    id: 'connect_attempt',
    term: text('Connect attempt', 'コンタクト試行', 'Tentativo di contatto', 'محاولة تواصل'),
    definition: text(
      'A logged touch by sales — call, email, LinkedIn message or meeting. The first attempt stops the SLA clock; 6 touches in 10 business days count as a full attempt.',
      '営業による記録された接触（電話、メール、LinkedInメッセージ、面談）。最初の試行でSLAの時計が止まり、10営業日で6回の接触が完全な試行とみなされる。',
      'Un contatto registrato dalle vendite. Il primo ferma l’orologio dello SLA; 6 contatti in 10 giorni lavorativi valgono come tentativo completo.',
      'تواصل مسجل من المبيعات. أول محاولة توقف ساعة الاتفاقية؛ و6 محاولات خلال 10 أيام عمل تُعد محاولة كاملة.',
    ),
  },
  {
    id: 'nurture',
    term: text('Nurture', 'ナーチャリング（育成）', 'Nurturing', 'الرعاية'),
    definition: text(
      'Marketing’s ongoing, relevant contact with leads that fit but are not ready to buy, until their interest makes them an MQL again.',
      '適合しているがまだ購入準備ができていないリードに対し、関心が高まりMQLになるまでマーケティングが継続的に有益な接点を持つこと。',
      'Il contatto continuo del marketing con lead adatti ma non ancora pronti, finché l’interesse li rende di nuovo MQL.',
      'تواصل التسويق المستمر مع العملاء المناسبين غير المستعدين للشراء بعد، حتى يصبحوا مؤهلين مرة أخرى.',
    ),
  },
  {
    id: 'hand_off',
    term: text('Hand-off', '引き渡し（ハンドオフ）', 'Passaggio di consegne', 'التسليم'),
    definition: text(
      'The moment an MQL moves from marketing to a named sales rep, with the required information filled in. Sales accepts (SAL) or returns it with a reason.',
      'MQLが必要情報を揃えた状態でマーケティングから担当営業へ移る時点。営業は受け入れる（SAL）か理由を付けて差し戻す。',
      'Il momento in cui un MQL passa dal marketing a un venditore, con le informazioni richieste.',
      'لحظة انتقال العميل المؤهل من التسويق إلى مندوب مبيعات محدد مع المعلومات المطلوبة.',
    ),
  },
  {
    id: 'lead_status',
    term: text('Lead status', 'リードステータス', 'Stato del lead', 'حالة العميل المحتمل'),
    definition: text(
      'Where sales is with a lead inside its stage: new, attempting contact, connected, nurturing, returned – not ready, disqualified.',
      'ステージ内で営業がどこまで進んでいるか：新規、接触試行中、接続済み、育成中、差し戻し（時期尚早）、失格。',
      'A che punto sono le vendite con un lead: nuovo, tentativo di contatto, contattato, in nurturing, restituito, squalificato.',
      'أين وصلت المبيعات مع العميل: جديد، محاولة تواصل، تم التواصل، رعاية، مُعاد – غير جاهز، مستبعد.',
    ),
  },
  {
    id: 'deal_stage',
    term: text('Deal stage', '商談ステージ', 'Fase della trattativa', 'مرحلة الصفقة'),
    definition: text(
      'The step of an open deal: appointment scheduled, quote created, quote presented, on hold, then closed won or closed lost.',
      '商談の段階：アポイント設定、見積作成、見積提示、保留、そして受注または失注。',
      'Il passo di una trattativa aperta: appuntamento, preventivo creato, preventivo presentato, in attesa, vinta o persa.',
      'خطوة الصفقة المفتوحة: موعد محدد، عرض سعر، تقديم العرض، معلقة، ثم فوز أو خسارة.',
    ),
  },
  {
    id: 'journey_stage',
    term: text('Buyer journey stage', 'バイヤージャーニーの段階', 'Fase del percorso d’acquisto', 'مرحلة رحلة المشتري'),
    definition: text(
      'Awareness (naming a problem), consideration (comparing approaches), decision (choosing a vendor). Talking points and content are written for each.',
      '認知（課題の認識）、検討（解決策の比較）、決定（ベンダー選定）。段階ごとにトークポイントとコンテンツを用意する。',
      'Consapevolezza, considerazione, decisione: per ciascuna ci sono argomenti e contenuti.',
      'الوعي، الدراسة، القرار: لكل مرحلة نقاط حديث ومحتوى.',
    ),
  },
  {
    id: 'warning_sign',
    term: text('Warning sign', '警告サイン', 'Segnale di allarme', 'علامة تحذير'),
    definition: text(
      'A trait of leads that rarely become good customers — students, free-mail addresses, competitors, very small companies. It subtracts fit points.',
      '優良顧客になりにくいリードの特徴（学生、フリーメール、競合、極小企業など）。フィットを減点する。',
      'Una caratteristica dei lead che raramente diventano buoni clienti. Toglie punti di fit.',
      'سمة لعملاء نادرًا ما يصبحون عملاء جيدين، وتخصم نقاطًا من الملاءمة.',
    ),
  },
];
