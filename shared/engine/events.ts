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

/*
 * Finding an event's slot by its type was a `Map` lookup per event, about a quarter of a stored
 * lead's scoring. A model names a handful of types, so a 256-entry table indexed by a hash of the
 * type's length and three of its characters answers with one string comparison; a table entry two
 * known types share defers to the map, and a type no entry holds is unknown, as the map would say.
 */
const TABLE_SIZE = 256;
const NO_TYPE = -1;
const SHARED_ENTRY = -2;

interface SlotTable {
  size: number;
  types: (string | undefined)[];
  slots: Int32Array;
}

const slotTables = new WeakMap<Map<string, number>, SlotTable>();

function typeHash(type: string): number {
  const n = type.length;
  return (n * 31 + type.charCodeAt(0) * 7 + type.charCodeAt(n - 1) * 3 + type.charCodeAt(n >> 1)) & (TABLE_SIZE - 1);
}

function slotTableOf(slotOf: Map<string, number>): SlotTable {
  let table = slotTables.get(slotOf);
  if (table && table.size === slotOf.size) return table;
  table = {
    size: slotOf.size,
    types: new Array(TABLE_SIZE).fill(undefined),
    slots: new Int32Array(TABLE_SIZE).fill(NO_TYPE),
  };
  for (const [type, slot] of slotOf) {
    const at = typeHash(type);
    if (table.slots[at] === NO_TYPE) {
      table.slots[at] = slot;
      table.types[at] = type;
    } else table.slots[at] = SHARED_ENTRY;
  }
  slotTables.set(slotOf, table);
  return table;
}

/**
 * Parses each event's time once and buckets the times by slot (event type). Events whose type
 * no rule or condition names are skipped: they are stored but never score. Events with an
 * unreadable time are skipped too rather than poisoning sums with NaN.
 */
export function indexEvents(state: EvalState, slotOf: Map<string, number>, events: readonly ScoringEvent[]): void {
  if (events.length > state.times.length) grow(state, events.length);
  const { slotCount, slotStart, eventSlot, eventTime, times } = state;
  const table = slotTableOf(slotOf);
  const tableTypes = table.types;
  const tableSlots = table.slots;
  slotCount.fill(0);
  let count = 0;
  let minTime = Number.POSITIVE_INFINITY;
  let maxTime = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as ScoringEvent;
    const type = event.type;
    const at0 = typeHash(type);
    const entry = tableSlots[at0] as number;
    let slot: number | undefined;
    if (entry >= 0) {
      if (tableTypes[at0] !== type) continue;
      slot = entry;
    } else if (entry === NO_TYPE) continue;
    else {
      slot = slotOf.get(type);
      if (slot === undefined) continue;
    }
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
