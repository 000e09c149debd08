import type { CDPSession } from 'playwright-core';

/**
 * Who used the renderer's main thread during a page load, from a Chromium trace (CDP `Tracing`).
 * `longtask` entries and long-animation-frame entries do not name content scripts (they run in
 * an isolated world), but the trace's script events carry the script URL, so the time spent in
 * `chrome-extension://…` scripts — and the long tasks it happened in — can be counted exactly.
 */

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string } };
}

/** A main-thread task longer than the long-task threshold and how much of it was extension script. */
export interface TracedLongTask {
  durationMs: number;
  extensionScriptMs: number;
}

export interface MainThreadTrace {
  /** Extension script time on renderer main threads (overlaps merged, so nested events count once). */
  extensionScriptMs: number;
  /** Of which compiling extension scripts (`v8.compile`): the price of the bundle's size alone. */
  extensionCompileMs: number;
  longTasks: TracedLongTask[];
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute'];
/** Script events whose `args.data.url` names the script they ran or compiled. */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.evaluateModule', 'TimerFire']);
/** DevTools' task event; newer builds may only emit the scheduler's own, which then stands in for it. */
const TASK_EVENT = 'RunTask';
const SCHEDULER_TASK_EVENT = 'ThreadControllerImpl::RunTask';

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
}

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  const chunks: string[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle });
    chunks.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return chunks.join('');
}

export async function stopTrace(cdp: CDPSession, longTaskMs: number): Promise<MainThreadTrace> {
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) throw new Error('the trace came back without a stream');
  const parsed = JSON.parse(await readStream(cdp, stream)) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return analyse(Array.isArray(parsed) ? parsed : parsed.traceEvents, longTaskMs);
}

function isExtensionScript(event: TraceEvent): boolean {
  const url = event.args?.data?.url ?? event.args?.data?.scriptName ?? '';
  return SCRIPT_EVENTS.has(event.name) && url.startsWith('chrome-extension://');
}

/** Merges [start, end) intervals (µs) so nested and overlapping events are counted once. */
function mergeIntervals(intervals: [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function overlap(intervals: [number, number][], start: number, end: number): number {
  let total = 0;
  for (const [a, b] of intervals) total += Math.max(0, Math.min(b, end) - Math.max(a, start));
  return total;
}

function analyse(events: TraceEvent[], longTaskMs: number): MainThreadTrace {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur !== undefined);
  const byThread = new Map<string, [number, number][]>();
  for (const event of onMain.filter(isExtensionScript)) {
    const key = `${event.pid}:${event.tid}`;
    const list = byThread.get(key) ?? [];
    list.push([event.ts, event.ts + (event.dur ?? 0)]);
    byThread.set(key, list);
  }
  const merged = new Map([...byThread].map(([key, list]) => [key, mergeIntervals(list)]));
  let extensionScriptUs = 0;
  for (const list of merged.values()) for (const [a, b] of list) extensionScriptUs += b - a;

  const taskEvent = onMain.some((e) => e.name === TASK_EVENT) ? TASK_EVENT : SCHEDULER_TASK_EVENT;
  const longTasks = onMain
    .filter((e) => e.name === taskEvent && (e.dur ?? 0) / 1000 > longTaskMs)
    .map((task) => ({
      durationMs: (task.dur ?? 0) / 1000,
      extensionScriptMs:
        overlap(merged.get(`${task.pid}:${task.tid}`) ?? [], task.ts, task.ts + (task.dur ?? 0)) / 1000,
    }));
  const compileUs = mergeIntervals(
    onMain.filter((e) => e.name === 'v8.compile' && isExtensionScript(e)).map((e) => [e.ts, e.ts + (e.dur ?? 0)]),
  ).reduce((sum, [a, b]) => sum + b - a, 0);
  return { extensionScriptMs: extensionScriptUs / 1000, extensionCompileMs: compileUs / 1000, longTasks };
}
