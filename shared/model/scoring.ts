import type { AlignmentModelInput } from '../schemas/model';
import { text } from './text';

/** Fit 60+ and interest 50+ are "high" (a value exactly at the threshold is high). */
export const quadrants: AlignmentModelInput['quadrants'] = {
  fitHigh: 60,
  interestHigh: 50,
  actions: {
    hot: {
      label: text('Hot', 'ホット', 'Caldo', 'ساخن'),
      definition: text(
        'High fit and high interest.',
        '高フィット・高関心。',
        'Fit alto e interesse alto.',
        'ملاءمة عالية واهتمام عالٍ.',
      ),
      nextAction: text(
        'Sales follows up now — first touch within 24 hours.',
        '営業が今すぐフォロー — 24時間以内に初回接触。',
        'Le vendite seguono subito — primo contatto entro 24 ore.',
        'تتابع المبيعات الآن — أول تواصل خلال 24 ساعة.',
      ),
      owner: 'sales',
    },
    nurture: {
      label: text('Nurture', 'ナーチャー', 'Da coltivare', 'رعاية'),
      definition: text(
        'High fit, low interest so far.',
        '高フィットだが関心はまだ低い。',
        'Fit alto, interesse ancora basso.',
        'ملاءمة عالية واهتمام منخفض حتى الآن.',
      ),
      nextAction: text(
        'Marketing nurtures with persona content until interest rises.',
        '関心が高まるまでマーケティングがペルソナ向けコンテンツで育成。',
        'Il marketing coltiva con contenuti per la persona finché l’interesse cresce.',
        'يرعى التسويق بمحتوى مناسب حتى يرتفع الاهتمام.',
      ),
      owner: 'marketing',
    },
    explore: {
      label: text('Explore', '探索', 'Da esplorare', 'استكشاف'),
      definition: text(
        'Low fit but high interest: may still buy, or advocate.',
        '低フィットだが関心は高い。購入や推奨の可能性がある。',
        'Fit basso ma interesse alto: potrebbe comunque acquistare o promuoverci.',
        'ملاءمة منخفضة واهتمام عالٍ: قد يشتري أو يوصي بنا.',
      ),
      nextAction: text(
        'Low-cost approach (email, self-serve offer); a human decides whether to pursue.',
        '低コストで接触（メール、セルフサービスの案内）し、追うかどうかは人が判断。',
        'Approccio a basso costo; una persona decide se proseguire.',
        'نهج منخفض التكلفة؛ ويقرر شخص ما إذا كان سيُتابع.',
      ),
      owner: 'human',
    },
    disqualify: {
      label: text('Disqualify', '除外', 'Da escludere', 'استبعاد'),
      definition: text(
        'Low fit and low interest.',
        '低フィット・低関心。',
        'Fit basso e interesse basso.',
        'ملاءمة منخفضة واهتمام منخفض.',
      ),
      nextAction: text(
        'Not worth sales time: remove from sales and nurture lists.',
        '営業が時間をかける価値はない。営業・育成リストから外す。',
        'Non vale il tempo delle vendite: rimuovere dalle liste.',
        'لا يستحق وقت المبيعات: أزله من القوائم.',
      ),
      owner: 'marketing',
    },
  },
};

export const grades: AlignmentModelInput['grades'] = [
  { grade: 'A', minFit: 80 },
  { grade: 'B', minFit: 60 },
  { grade: 'C', minFit: 35 },
  { grade: 'D', minFit: 0 },
];

/** The prospect is in the latest stage whose condition holds; awareness is the default. */
export const journeyStages: AlignmentModelInput['journeyStages'] = [
  {
    id: 'awareness',
    label: text('Awareness', '認知', 'Consapevolezza', 'الوعي'),
    definition: text(
      'Has a problem and is learning about it; no sign yet of comparing solutions.',
      '課題を認識し情報を集めている段階。解決策の比較はまだ。',
      'Ha un problema e si sta informando.',
      'لديه مشكلة ويتعرف عليها.',
    ),
  },
  {
    id: 'consideration',
    label: text('Consideration', '検討', 'Considerazione', 'الدراسة'),
    definition: text(
      'Comparing approaches: downloaded content, joined a webinar, clicked through, or visited three or more pages in 30 days.',
      '解決策を比較中：資料ダウンロード、ウェビナー参加、メールからの遷移、または30日で3ページ以上閲覧。',
      'Sta confrontando approcci: contenuti scaricati, webinar, clic, o 3+ pagine in 30 giorni.',
      'يقارن الحلول: تنزيل محتوى أو ندوة أو نقرات أو 3 صفحات أو أكثر خلال 30 يومًا.',
    ),
    when: {
      op: 'any',
      of: [
        {
          op: 'event',
          types: ['content_download', 'webinar_registered', 'webinar_attended', 'email_click', 'form_submit'],
          countGte: 1,
          withinDays: 60,
        },
        { op: 'event', types: ['page_view'], countGte: 3, withinDays: 30 },
      ],
    },
  },
  {
    id: 'decision',
    label: text('Decision', '決定', 'Decisione', 'القرار'),
    definition: text(
      'Choosing a vendor: requested a demo or viewed pricing in the last 30 days.',
      'ベンダー選定中：直近30日にデモ依頼または価格ページ閲覧。',
      'Sta scegliendo un fornitore: demo o prezzi negli ultimi 30 giorni.',
      'يختار مورّدًا: طلب عرضًا أو شاهد الأسعار خلال آخر 30 يومًا.',
    ),
    when: { op: 'event', types: ['demo_request', 'pricing_view'], countGte: 1, withinDays: 30 },
  },
];

export const sla: AlignmentModelInput['sla'] = {
  followUpHours: { hot: 24 },
  handoffRequiredFields: ['email', 'name', 'company', 'title', 'country', 'leadType', 'source'],
  connectAttempt: { touches: 6, businessDays: 10 },
  rejectionFeedbackDays: 5,
  monthlyMqlCommitment: 120,
  clockStartsAtStage: 'mql',
};
