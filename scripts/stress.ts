/**
 * `npm run stress`: a local `wrangler dev` (loopback, temp D1, random ADMIN_TOKEN) under ingestion
 * and lookups together, with bounded concurrency and a time cap. Event batches carry ~10 % events
 * already sent (duplicates) and ~10 % of batches are sent twice whole (a client retrying after a
 * lost response); connect attempts are each sent twice with the same Idempotency-Key. Afterwards
 * the stored counts are read back through the API and must match what was sent exactly.
 */
import { randomUUID } from 'node:crypto';
import { startWorker } from '../tests/e2e/helpers/worker';

const MAX_SECONDS = Number(process.env.STRESS_SECONDS ?? 60);
const CONCURRENCY = Number(process.env.STRESS_CONCURRENCY ?? 8);
const PEOPLE = 200;
const BATCHES = Number(process.env.STRESS_BATCHES ?? 200);
const BATCH_SIZE = 50;
const DUPLICATE_SHARE = 0.1;
const RETRY_SHARE = 0.1;
const ATTEMPTS = 100;

const TYPES = ['page_view', 'pricing_view', 'demo_request', 'content_download', 'email_open', 'email_click'];
const emailOf = (i: number) => `stress.${i}@example.com`;

async function main() {
  const started = Date.now();
  const deadline = started + MAX_SECONDS * 1000;
  const worker = await startWorker();
  const bootMs = Date.now() - started;
  let requests = 0;
  let failures = 0;
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    requests++;
    const res = await fetch(`${worker.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${worker.adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 500) failures++;
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  try {
    // The people exist first (as MQLs) so attempts have leads to land on.
    const upsert = await send(
      'PUT',
      '/v1/leads',
      Array.from({ length: PEOPLE }, (_, i) => ({ email: emailOf(i), lifecycleStage: 'mql' })),
    );
    if (upsert.status !== 200) throw new Error(`seeding leads failed: ${upsert.status}`);
    const leadIds: string[] = upsert.body.results.map((r: { id: string }) => r.id);

    const sentIds: string[] = [];
    const uniqueIds = new Set<string>();
    const perPerson = new Map<string, number>();
    let eventsSent = 0;
    let accepted = 0;
    let attemptsSent = 0;
    const attemptKeys = new Set<string>();
    let lookups = 0;

    const jobs: (() => Promise<void>)[] = [];
    for (let b = 0; b < BATCHES; b++) {
      jobs.push(async () => {
        if (Date.now() > deadline) return;
        const batch = Array.from({ length: BATCH_SIZE }, () => {
          if (sentIds.length > 0 && Math.random() < DUPLICATE_SHARE) {
            // Resend an event already sent (same id, same content): must not be stored twice.
            return JSON.parse(sentIds[Math.floor(Math.random() * sentIds.length)] as string);
          }
          const person = Math.floor(Math.random() * PEOPLE);
          const event = {
            id: randomUUID(),
            email: emailOf(person),
            type: TYPES[Math.floor(Math.random() * TYPES.length)],
            at: new Date(Date.UTC(2025, 0, 1) + Math.floor(Math.random() * 300 * 86_400_000)).toISOString(),
          };
          return event;
        });
        const deduped = new Map(batch.map((e) => [e.id as string, e]));
        for (const e of deduped.values()) {
          if (!uniqueIds.has(e.id)) {
            uniqueIds.add(e.id);
            perPerson.set(e.email, (perPerson.get(e.email) ?? 0) + 1);
            sentIds.push(JSON.stringify(e));
          }
        }
        const times = Math.random() < RETRY_SHARE ? 2 : 1;
        for (let t = 0; t < times; t++) {
          eventsSent += batch.length;
          const res = await send('POST', '/v1/events', batch);
          if (res.status !== 200) throw new Error(`event batch answered ${res.status}`);
          accepted += res.body.accepted;
        }
      });
      if (b % 2 === 0) {
        jobs.push(async () => {
          if (Date.now() > deadline) return;
          lookups++;
          const res = await send(
            'GET',
            `/v1/leads/lookup?email=${encodeURIComponent(emailOf(Math.floor(Math.random() * PEOPLE)))}`,
          );
          if (res.status !== 200) throw new Error(`lookup answered ${res.status}`);
        });
      }
      if (b < ATTEMPTS) {
        jobs.push(async () => {
          if (Date.now() > deadline) return;
          const key = randomUUID();
          const leadId = leadIds[b % leadIds.length] as string;
          const body = { channel: 'email', outcome: 'no_answer', at: '2025-06-01T09:00:00.000Z' };
          attemptKeys.add(`${leadId} ${key}`);
          // The same attempt twice, concurrently: a retry racing the original.
          const answers = await Promise.all(
            [0, 1].map(() => send('POST', `/v1/leads/${leadId}/attempts`, body, { 'idempotency-key': key })),
          );
          attemptsSent += 2;
          for (const a of answers)
            if (a.status !== 201 && a.status !== 409) throw new Error(`attempt answered ${a.status}`);
        });
      }
    }

    const runStarted = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++];
          await job?.();
        }
      }),
    );
    const runMs = Date.now() - runStarted;

    // Read back through the API: interest counters per lead (kept by trigger with each stored event) and attempts.
    let stored = 0;
    let storedAttempts = 0;
    for (const id of leadIds) {
      const detail = await send('GET', `/v1/leads/${id}`);
      stored += Object.values(detail.body.interest as Record<string, number>).reduce((s, n) => s + n, 0);
      storedAttempts += (detail.body.attempts as unknown[]).length;
    }
    const unique = uniqueIds.size;
    const lost = Math.max(0, unique - stored);
    const doubled = Math.max(0, stored - unique);
    const attemptsUnique = attemptKeys.size;
    console.log(
      `stress: ${eventsSent} events sent, ${unique} unique, stored ${stored}, lost ${lost}, doubled ${doubled}` +
        ` (accepted reported ${accepted}); attempts ${attemptsSent} sent, ${attemptsUnique} unique, stored ${storedAttempts};` +
        ` ${lookups} lookups; ${requests} requests in ${(runMs / 1000).toFixed(1)} s at concurrency ${CONCURRENCY}` +
        ` (worker boot ${(bootMs / 1000).toFixed(1)} s), ${failures} answered 5xx`,
    );
    if (lost || doubled || accepted !== unique || storedAttempts !== attemptsUnique || failures) process.exitCode = 1;
  } finally {
    await worker.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
