import { defaultModel, score } from '../../shared';
const NOW = '2025-06-01T12:00:00.000Z';
const NOW_MS = Date.parse(NOW);
const types = ['page_view','pricing_view','demo_request','content_download','form_submit','webinar_registered','webinar_attended','email_open','email_click','newsletter_subscribe','social_follow'];
let s = 1;
const r = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
const events = Array.from({ length: 200 }, (_, i) => ({ id: String(i), email: 'a@b.co', type: types[Math.floor(r()*types.length)]!, at: new Date(NOW_MS - Math.floor(r()*120*86400000)).toISOString() }));
const lead = { id: 'x', email: 'a@b.co', title: 'Head of IT', industry: 'Banking', employees: 9000, country: 'JP', lifecycleStage: 'lead' };
for (const [name, ctx] of [['replay', {}], ['no replay', { quadrantSince: '2025-05-01T00:00:00Z' }]] as const) {
  for (let i = 0; i < 5000; i++) score(defaultModel, lead, events, NOW, ctx);
  const t = process.hrtime.bigint();
  for (let i = 0; i < 50000; i++) score(defaultModel, lead, events, NOW, ctx);
  console.log(name, Number(process.hrtime.bigint() - t) / 50000 / 1000, 'µs');
}
