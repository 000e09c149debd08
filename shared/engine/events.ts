import type { ScoringEvent } from '../schemas/lead';
import type { EvalState } from './compile';
import { parseIsoMs } from './time';

function grow(state: EvalState, size: number): void {
  let capacity = state.times.length;
  while (capacity < size) capacity *= 2;
  state.times = new Float64Array(capacity);
  state.eventSlot = new Int32Array(capacity);
  state.eventTime = new Float64Array(capacity);
}

/**
 * Parses each event's time once and buckets the times by slot (event type). Events whose type
 * no rule or condition names are skipped: they are stored but never score. Events with an
 * unreadable time are skipped too rather than poisoning sums with NaN.
 */
export function indexEvents(state: EvalState, slotOf: Map<string, number>, events: readonly ScoringEvent[]): void {
  if (events.length > state.times.length) grow(state, events.length);
  const { slotCount, slotStart, eventSlot, eventTime, times } = state;
  slotCount.fill(0);
  let count = 0;
  let minTime = Number.POSITIVE_INFINITY;
  let maxTime = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as ScoringEvent;
    const slot = slotOf.get(event.type);
    if (slot === undefined) continue;
    // Stored events carry their time pre-parsed (`atMs`, see ScoringEventSchema); parse only when they do not.
    const at = event.atMs ?? parseIsoMs(event.at);
    if (Number.isNaN(at)) continue;
    eventSlot[count] = slot;
    eventTime[count] = at;
    if (at < minTime) minTime = at;
    if (at > maxTime) maxTime = at;
    slotCount[slot] = (slotCount[slot] as number) + 1;
    count++;
  }
  state.eventCount = count;
  state.minEventTime = minTime;
  state.maxEventTime = maxTime;
  let offset = 0;
  for (let slot = 0; slot < slotCount.length; slot++) {
    slotStart[slot] = offset;
    offset += slotCount[slot] as number;
  }
  // Second pass fills each slot's bucket; slotStart is restored afterwards.
  for (let i = 0; i < count; i++) {
    const slot = eventSlot[i] as number;
    times[slotStart[slot] as number] = eventTime[i] as number;
    slotStart[slot] = (slotStart[slot] as number) + 1;
  }
  for (let slot = 0; slot < slotCount.length; slot++) {
    slotStart[slot] = (slotStart[slot] as number) - (slotCount[slot] as number);
  }
}
