import { Dexie, type Table } from 'dexie';
import type { AlignmentModel } from '../../../shared';

/** The published version a draft started from: publishing sends its ETag as If-Match. */
export interface DraftBase {
  version: number;
  etag: string;
  model: AlignmentModel;
}

/** The admin's unpublished model, saved on every edit so closing the tab loses nothing. */
export interface DraftRow {
  id: 'model';
  /** As edited: may be invalid (that is what the messages next to the fields are for). */
  draft: unknown;
  base: DraftBase | null;
  updatedAt: number;
}

/** The options page's own database (the background's cache is another one). */
export class OptionsDb extends Dexie {
  drafts!: Table<DraftRow, string>;

  constructor(name = 'leadlens-options') {
    super(name);
    this.version(1).stores({ drafts: 'id' });
  }
}

export class DraftStore {
  constructor(private readonly db: OptionsDb = new OptionsDb()) {}

  async load(): Promise<DraftRow | null> {
    return (await this.db.drafts.get('model')) ?? null;
  }

  async save(draft: unknown, base: DraftBase | null, now: number): Promise<void> {
    await this.db.drafts.put({ id: 'model', draft, base, updatedAt: now });
  }

  async discard(): Promise<void> {
    await this.db.drafts.delete('model');
  }
}
