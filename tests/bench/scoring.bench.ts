/**
 * Scoring throughput and latency: leads with 200 events each, scored against the default model.
 * Target (issue "Foundation"): ≥ 100,000 scorings/s on one core, p99 < 50 µs.
 * Run with `npm run bench`. A plain script, not a vitest test: timing never goes in assertions.
 *
 * Scenarios: "stored" scores a lead as the Worker reads it from D1: each event carries `atMs`, its
 * time as epoch milliseconds, stored once on write (events.at_ms, migration 0005) and handed to the
 * engine next to `at` (worker/src/db/leadStore.ts `toEvent`, handed to the engine as read by
 * `scoreStoredLead`, in the property order used here), and the context has `quadrantSince` (what the API knows
 * about a stored lead). "replayed" scores the same events without `atMs` (the engine parses every
 * `at`, as for events from any other source) and without `quadrantSince`, so hot leads replay their
 * events to find when they turned hot. "stored, replayed" is the Worker's lookup as it is today: it
 * passes `atMs` but no `quadrantSince`. Pre-parsed times never change a score (checked below).
 * Throughput is reported against wall time and against this process's CPU time,
 * because on a shared machine other processes steal the core; the load average and a reference
 * loop are printed so figures from different machines can be compared.
 */
import os from 'node:os';
import {
  defaultModel,
  type LeadEvent,
  type LeadFacts,
  parseIsoMs,
  type ScoreContext,
  type ScoringEvent,
  STANDARD_EVENT_TYPES,
  score,
} from '../../shared';

const NOW = '2025-06-01T12:00:00.000Z';
const NOW_MS = Date.parse(NOW);
const EVENTS_PER_LEAD = 200;
const LEADS = 8;
const WARM_UP = 20_000;
const ITERATIONS = 100_000;

/** Small deterministic generator so every run scores the same leads. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const titles = [
  'Head of IT',
  '情報システム部長',
  'Direttore IT',
  'مدير تقنية المعلومات',
  'CFO',
  'Marketing Operations Manager',
  'Operations Manager',
  'Software Engineer',
];
const countries = ['JP', 'US', 'IT', 'AE'];
const industries = ['Banking', 'Software', 'Manufacturing', 'Retail'];

interface BenchLead {
  lead: LeadFacts;
  /** As an API client sends them: the engine parses `at`. */
  events: LeadEvent[];
  /** As the Worker reads them back from D1, in the same property order: `at` pre-parsed into `atMs`. */
  storedEvents: ScoringEvent[];
}

function makeLead(index: number): BenchLead {
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
  const storedEvents = events.map(({ id, type, at }) => ({ id, type, at, atMs: parseIsoMs(at) }));
  return { lead, events, storedEvents };
}

const leads = Array.from({ length: LEADS }, (_, index) => makeLead(index));
let sink = 0;

function run(context: ScoreContext, source: 'events' | 'storedEvents') {
  for (let i = 0; i < WARM_UP; i++) {
    const entry = leads[i % LEADS] as BenchLead;
    sink += score(defaultModel, entry.lead, entry[source], NOW, context).score;
  }
  // Throughput: a tight loop without per-call timers.
  const cpuStart = process.cpuUsage();
  const wallStart = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) {
    const entry = leads[i % LEADS] as BenchLead;
    sink += score(defaultModel, entry.lead, entry[source], NOW, context).score;
  }
  const wallNs = Number(process.hrtime.bigint() - wallStart);
  const cpu = process.cpuUsage(cpuStart);
  // Latency: each call timed on its own.
  const samples = new Float64Array(ITERATIONS);
  for (let i = 0; i < ITERATIONS; i++) {
    const entry = leads[i % LEADS] as BenchLead;
    const start = process.hrtime.bigint();
    sink += score(defaultModel, entry.lead, entry[source], NOW, context).score;
    samples[i] = Number(process.hrtime.bigint() - start);
  }
  samples.sort();
  const percentile = (p: number) =>
    (samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] as number) / 1000;
  return {
    wallPerSecond: ITERATIONS / (wallNs / 1e9),
    cpuPerSecond: ITERATIONS / ((cpu.user + cpu.system) / 1e6),
    p50: percentile(0.5),
    p99: percentile(0.99),
  };
}

/**
 * The same per-call timing applied to plain arithmetic that takes as long as one scoring (p50):
 * what a p99 of that length looks like on this machine when nothing about scoring is involved.
 * On the 2-core VM these figures come from, such a loop has a p99 about 5× its p50 (timer
 * interrupts and the hypervisor land in roughly 1 % of 10 µs windows), so a scoring p99 near it
 * is the machine's floor, not the engine's.
 */
function timingFloor(targetP50Us: number): { p50: number; p99: number } {
  const work = (rounds: number) => {
    let total = 0;
    for (let i = 0; i < rounds; i++) total += (i * 7) & 15;
    return total;
  };
  // Calibrate the loop length to the scoring's p50.
  let rounds = 1_000;
  for (let attempt = 0; attempt < 20; attempt++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < 200; i++) sink += work(rounds);
    const us = Number(process.hrtime.bigint() - start) / 1000 / 200;
    rounds = Math.max(1, Math.round((rounds * targetP50Us) / us));
  }
  const samples = new Float64Array(ITERATIONS);
  for (let i = 0; i < ITERATIONS; i++) {
    const start = process.hrtime.bigint();
    sink += work(rounds);
    samples[i] = Number(process.hrtime.bigint() - start);
  }
  samples.sort();
  const at = (p: number) => (samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] as number) / 1000;
  return { p50: at(0.5), p99: at(0.99) };
}

function referenceLoopNs(): number {
  let total = 0;
  const start = process.cpuUsage();
  for (let i = 0; i < 50_000_000; i++) total += i & 7;
  const used = process.cpuUsage(start);
  sink += total;
  return ((used.user + used.system) * 1000) / 50_000_000;
}

const format = (n: number) => Math.round(n).toLocaleString('en-US');
const quadrants = leads.map(({ lead, events }) => score(defaultModel, lead, events, NOW).quadrant).join(', ');
console.log(`scoring ${LEADS} leads × ${EVENTS_PER_LEAD} events with the default model (quadrants: ${quadrants})`);
console.log(
  `machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, node ${process.version}, load average ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}, reference loop ${referenceLoopNs().toFixed(2)} ns/iteration (CPU time)`,
);
// Pre-parsed times never change a score: shared/engine/preParsedTimes.test.ts proves it in general, this for these leads.
for (const { lead, events, storedEvents } of leads) {
  for (const context of [{}, { quadrantSince: '2025-05-31T00:00:00.000Z' }]) {
    const parsed = JSON.stringify(score(defaultModel, lead, events, NOW, context));
    if (JSON.stringify(score(defaultModel, lead, storedEvents, NOW, context)) !== parsed) {
      throw new Error(`${lead.email}: scores differ with and without atMs`);
    }
  }
}
const results: number[] = [];
for (const [name, context, source] of [
  [
    'stored (atMs, quadrantSince given)',
    { modelVersion: 1, attempts: [], quadrantSince: '2025-05-31T00:00:00.000Z' },
    'storedEvents',
  ],
  ['replayed (times parsed, hot start from events)', { modelVersion: 1, attempts: [] }, 'events'],
  ['stored, replayed (atMs, hot start from events)', { modelVersion: 1, attempts: [] }, 'storedEvents'],
] as const) {
  const result = run(context, source);
  results.push(result.p50);
  console.log(
    `${name}: ${format(result.wallPerSecond)} scorings/s wall, ${format(result.cpuPerSecond)} scorings/s per CPU-second; ` +
      `p50 ${result.p50.toFixed(2)} µs, p99 ${result.p99.toFixed(2)} µs; ` +
      `targets ≥100,000/s ${result.wallPerSecond >= 100_000 ? 'met' : 'MISSED'}, p99 < 50 µs ${result.p99 < 50 ? 'met' : 'MISSED'}`,
  );
}
const floor = timingFloor(results[0] as number);
console.log(
  `timing floor: plain arithmetic timed the same way, p50 ${floor.p50.toFixed(2)} µs (sized to the stored p50): p99 ${floor.p99.toFixed(2)} µs`,
);
if (sink === Number.MIN_VALUE) console.log('unreachable');
