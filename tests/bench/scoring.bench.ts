/**
 * Scoring throughput and latency: a lead with 200 events scored against the default model.
 * Target (issue "Foundation"): ≥ 100,000 scorings/s on one core, p99 < 50 µs.
 * Run with `npm run bench`. Not a vitest test: timing belongs here, never in assertions.
 */
import os from 'node:os';
import { defaultModel, type LeadEvent, type LeadFacts, STANDARD_EVENT_TYPES, score } from '../../shared';

const NOW = '2025-06-01T12:00:00.000Z';
const NOW_MS = Date.parse(NOW);
const EVENTS_PER_LEAD = 200;
const LEADS = 8;
const WARM_UP = 20_000;
const ITERATIONS = 200_000;

/** Small deterministic generator so every run scores the same leads. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const titles = ['Head of IT', '情報システム部長', 'Direttore IT', 'مدير تقنية المعلومات', 'CFO', 'Marketing Operations Manager', 'Operations Manager', 'Software Engineer'];
const countries = ['JP', 'US', 'IT', 'AE'];
const industries = ['Banking', 'Software', 'Manufacturing', 'Retail'];

function makeLead(index: number): { lead: LeadFacts; events: LeadEvent[] } {
  const random = lcg(index + 1);
  const email = `person${index}@example-corp.com`;
  const events: LeadEvent[] = [];
  for (let i = 0; i < EVENTS_PER_LEAD; i++) {
    const type = STANDARD_EVENT_TYPES[Math.floor(random() * STANDARD_EVENT_TYPES.length)] as string;
    const at = new Date(NOW_MS - Math.floor(random() * 120 * 86_400_000)).toISOString();
    events.push({ id: `${index}-${i}`, email, type, at });
  }
  const lead: LeadFacts = {
    id: `lead-${index}`,
    email,
    title: titles[index % titles.length] as string,
    industry: industries[index % industries.length] as string,
    employees: 800 + index * 1500,
    country: countries[index % countries.length] as string,
    lifecycleStage: index % 2 === 0 ? 'lead' : 'mql',
    stageHistory: index % 2 === 0 ? [] : [{ stage: 'mql', at: '2025-05-30T08:00:00.000Z' }],
  };
  return { lead, events };
}

const leads = Array.from({ length: LEADS }, (_, index) => makeLead(index));
const context = { modelVersion: 1, attempts: [], locale: 'en' };
let sink = 0;

for (let i = 0; i < WARM_UP; i++) {
  const { lead, events } = leads[i % LEADS] as (typeof leads)[number];
  sink += score(defaultModel, lead, events, NOW, context).score;
}

// Throughput: a tight loop, no per-call timer overhead.
const batchStart = process.hrtime.bigint();
for (let i = 0; i < ITERATIONS; i++) {
  const { lead, events } = leads[i % LEADS] as (typeof leads)[number];
  sink += score(defaultModel, lead, events, NOW, context).score;
}
const batchNs = Number(process.hrtime.bigint() - batchStart);

// Latency: each call timed on its own.
const samples = new Float64Array(ITERATIONS);
for (let i = 0; i < ITERATIONS; i++) {
  const { lead, events } = leads[i % LEADS] as (typeof leads)[number];
  const start = process.hrtime.bigint();
  sink += score(defaultModel, lead, events, NOW, context).score;
  samples[i] = Number(process.hrtime.bigint() - start);
}
samples.sort();
const percentile = (p: number) => (samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] as number) / 1000;

const perSecond = ITERATIONS / (batchNs / 1e9);
const quadrants = leads.map(({ lead, events }) => score(defaultModel, lead, events, NOW).quadrant).join(',');
console.log(`scoring: lead with ${EVENTS_PER_LEAD} events, default model (${LEADS} leads: ${quadrants})`);
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, node ${process.version}`);
console.log(`throughput: ${Math.round(perSecond).toLocaleString('en-US')} scorings/s (one core)`);
console.log(
  `latency: p50 ${percentile(0.5).toFixed(2)} µs, p99 ${percentile(0.99).toFixed(2)} µs, max ${percentile(1).toFixed(2)} µs`,
);
console.log(`targets: ≥100,000/s ${perSecond >= 100_000 ? 'met' : 'MISSED'}, p99 < 50 µs ${percentile(0.99) < 50 ? 'met' : 'MISSED'}`);
if (sink === Number.MIN_VALUE) console.log('unreachable');
