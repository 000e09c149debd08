import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoringEvent } from '../schemas/lead';
import { createEvalState } from './compile';
import { indexEvents } from './events';
import { NOW_MS } from './testSupport';

/** Per slot, how many of the events a plain map lookup of their type finds there. */
function countsByMap(slotOf: Map<string, number>, events: ScoringEvent[]): number[] {
  const counts = new Array<number>(slotOf.size).fill(0);
  for (const event of events) {
    const slot = slotOf.get(event.type);
    if (slot !== undefined) counts[slot] = (counts[slot] as number) + 1;
  }
  return counts;
}

function indexedCounts(slotOf: Map<string, number>, events: ScoringEvent[]): number[] {
  const state = createEvalState(slotOf.size);
  indexEvents(state, slotOf, events);
  return Array.from(state.slotCount);
}

const at = new Date(NOW_MS).toISOString();
const typeArb = fc.oneof(
  fc.constantFrom('page_view', 'pricing_view', 'demo_request', 'email_open', 'email_click', 'form_submit'),
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
);

describe('indexEvents', () => {
  it('finds every event of a known type in its slot and skips unknown types, as a map lookup does', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(typeArb, { minLength: 1, maxLength: 400 }),
        fc.array(typeArb, { maxLength: 200 }),
        (known, unknown) => {
          const slotOf = new Map(known.map((type, slot) => [type, slot]));
          // Known types as fresh string objects (as parsed from JSON or read from D1), plus other types.
          const types = [...known.map((type) => `${type} `.slice(0, type.length)), ...unknown];
          const events = types.map((type, i) => ({ id: `e${i}`, type, at }));
          expect(indexedCounts(slotOf, events)).toEqual(countsByMap(slotOf, events));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tells apart types that share a table entry (hundreds of types in a 256-entry table)', () => {
    const known = Array.from({ length: 600 }, (_, i) => `type_${i}`);
    const slotOf = new Map(known.map((type, slot) => [type, slot]));
    const events = [...known, 'type_600', 'type_9999', 'TYPE_1'].map((type, i) => ({ id: `e${i}`, type, at }));
    expect(indexedCounts(slotOf, events)).toEqual(new Array(600).fill(1));
  });

  it('follows the model when types are added to its map after a first use', () => {
    const slotOf = new Map([['page_view', 0]]);
    const events = [
      { id: 'a', type: 'page_view', at },
      { id: 'b', type: 'demo_request', at },
    ];
    expect(indexedCounts(slotOf, events)).toEqual([1]);
    slotOf.set('demo_request', 1);
    expect(indexedCounts(slotOf, events)).toEqual([1, 1]);
  });
});
