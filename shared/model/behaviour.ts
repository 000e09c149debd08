import type { AlignmentModelInput } from '../schemas/model';
import { text } from './text';

/**
 * Interest points per event, halved every 30 days and capped per rule so that one noisy
 * behaviour (fifty page views) cannot outweigh a demo request. 100 decayed points = interest 100.
 */
export const behaviour: AlignmentModelInput['behaviour'] = {
  halfLifeDays: 30,
  normalizationMax: 100,
  rules: [
    {
      id: 'demo_request',
      label: text('Requested a demo', 'デモを依頼', 'Ha richiesto una demo', 'طلب عرضًا توضيحيًا'),
      eventTypes: ['demo_request'],
      points: 40,
      cap: 60,
    },
    {
      id: 'pricing_view',
      label: text('Viewed pricing', '価格ページを閲覧', 'Ha visto i prezzi', 'شاهد الأسعار'),
      eventTypes: ['pricing_view'],
      points: 15,
      cap: 30,
    },
    {
      id: 'form_submit',
      label: text('Submitted a form', 'フォームを送信', 'Ha inviato un modulo', 'أرسل نموذجًا'),
      eventTypes: ['form_submit'],
      points: 15,
      cap: 30,
    },
    {
      id: 'webinar_attended',
      label: text('Attended a webinar', 'ウェビナーに参加', 'Ha partecipato a un webinar', 'حضر ندوة عبر الإنترنت'),
      eventTypes: ['webinar_attended'],
      points: 15,
      cap: 30,
    },
    {
      id: 'webinar_registered',
      label: text('Registered for a webinar', 'ウェビナーに登録', 'Iscritto a un webinar', 'سجل في ندوة'),
      eventTypes: ['webinar_registered'],
      points: 8,
      cap: 16,
    },
    {
      id: 'content_download',
      label: text('Downloaded content', '資料をダウンロード', 'Ha scaricato contenuti', 'نزّل محتوى'),
      eventTypes: ['content_download'],
      points: 10,
      cap: 30,
    },
    {
      id: 'email_click',
      label: text('Clicked an email', 'メールのリンクをクリック', 'Ha cliccato un’email', 'نقر على رسالة بريد'),
      eventTypes: ['email_click'],
      points: 4,
      cap: 16,
    },
    {
      id: 'email_open',
      label: text('Opened an email', 'メールを開封', 'Ha aperto un’email', 'فتح رسالة بريد'),
      eventTypes: ['email_open'],
      points: 1,
      cap: 5,
    },
    {
      id: 'page_view',
      label: text('Visited the website', 'Webサイトを訪問', 'Ha visitato il sito', 'زار الموقع'),
      eventTypes: ['page_view'],
      points: 2,
      cap: 20,
    },
    {
      id: 'newsletter_subscribe',
      label: text(
        'Subscribed to the newsletter',
        'ニュースレターを購読',
        'Iscritto alla newsletter',
        'اشترك في النشرة',
      ),
      eventTypes: ['newsletter_subscribe'],
      points: 5,
      cap: 5,
    },
    {
      id: 'social_follow',
      label: text('Followed us on social media', 'SNSでフォロー', 'Ci segue sui social', 'تابعنا على وسائل التواصل'),
      eventTypes: ['social_follow'],
      points: 3,
      cap: 6,
    },
    {
      id: 'email_unsubscribe',
      label: text('Unsubscribed from emails', 'メール配信を停止', 'Disiscritto dalle email', 'ألغى الاشتراك في البريد'),
      eventTypes: ['email_unsubscribe'],
      points: -20,
      cap: 20,
    },
  ],
};
