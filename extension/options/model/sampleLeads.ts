import { DAY_MS, type Lead, type LeadEvent } from '../../../shared';
import type { OptionsMessageKey } from '../i18n';

/** A lead to preview the model against: stored facts plus its behaviour. */
export interface SampleLead {
  key: string;
  /** Built-in samples are described in the UI language; looked-up leads by their name. */
  label: string | { key: OptionsMessageKey };
  lead: Partial<Lead>;
  events: LeadEvent[];
}

function event(email: string, type: string, daysAgo: number, now: number, n: number): LeadEvent {
  return { id: `sample_${email}_${type}_${n}`, email, type, at: new Date(now - daysAgo * DAY_MS).toISOString() };
}

/**
 * A few leads that land in different quadrants under the default model, so a threshold or
 * rule change shows its effect at once. Events are relative to `now`.
 */
export function builtInSamples(now: number): SampleLead[] {
  const tokyo = 'k.sato@mizuho-example.co.jp';
  const milan = 'g.rossi@retail-example.it';
  const austin = 'sam@tinyshop-example.com';
  const dubai = 'f.haddad@gulfbank-example.ae';
  return [
    {
      key: tokyo,
      label: { key: 'preview.sample.tokyo' },
      lead: {
        id: 'sample_tokyo',
        email: tokyo,
        title: '情報システム部長',
        company: 'Mizuho Example',
        industry: 'financial_services',
        employees: 8000,
        country: 'JP',
        lifecycleStage: 'lead',
      },
      events: [
        event(tokyo, 'demo_request', 2, now, 1),
        event(tokyo, 'pricing_view', 3, now, 2),
        event(tokyo, 'page_view', 4, now, 3),
      ],
    },
    {
      key: milan,
      label: { key: 'preview.sample.milan' },
      lead: {
        id: 'sample_milan',
        email: milan,
        title: 'Responsabile Marketing',
        company: 'Retail Example',
        industry: 'retail',
        employees: 400,
        country: 'IT',
        lifecycleStage: 'subscriber',
      },
      events: [event(milan, 'newsletter_subscribe', 20, now, 1), event(milan, 'email_open', 10, now, 2)],
    },
    {
      key: austin,
      label: { key: 'preview.sample.austin' },
      lead: {
        id: 'sample_austin',
        email: austin,
        title: 'Founder',
        company: 'Tiny Shop',
        industry: 'retail',
        employees: 3,
        country: 'US',
        lifecycleStage: 'lead',
      },
      events: [
        event(austin, 'pricing_view', 1, now, 1),
        event(austin, 'webinar_attended', 5, now, 2),
        event(austin, 'content_download', 6, now, 3),
        event(austin, 'page_view', 1, now, 4),
      ],
    },
    {
      key: dubai,
      label: { key: 'preview.sample.dubai' },
      lead: {
        id: 'sample_dubai',
        email: dubai,
        title: 'Head of Sales Operations',
        company: 'Gulf Bank Example',
        industry: 'financial_services',
        employees: 12000,
        country: 'AE',
        lifecycleStage: 'lead',
      },
      events: [],
    },
  ];
}
