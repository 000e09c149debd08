import Dexie, { type EntityTable } from 'dexie';
import { describe, expect, it } from 'vitest';

// Guards the test environment itself: the Dexie cache needs a working IndexedDB (fake-indexeddb).
describe('extension test environment', () => {
  it('stores and reads rows through Dexie on the in-memory IndexedDB', async () => {
    const db = new Dexie('leadlens-environment-check') as Dexie & {
      rows: EntityTable<{ id: string; value: number }, 'id'>;
    };
    db.version(1).stores({ rows: 'id' });
    await db.rows.bulkPut([
      { id: 'a', value: 1 },
      { id: 'b', value: 2 },
    ]);
    expect(await db.rows.get('b')).toEqual({ id: 'b', value: 2 });
    expect(await db.rows.count()).toBe(2);
    await db.delete();
  });
});
