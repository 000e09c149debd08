import type { D1Database } from '@cloudflare/workers-types/2023-07-01';
import { type AlignmentModel, defaultModel } from '../../shared';
import { canonicalJson, sha256Hex } from './crypto';
import { getModelVersion, latestVersionHead } from './db/modelVersions';

/**
 * The live model: the newest published version, or — before anything is published — the
 * built-in default model served as version 0. `/healthz`, `GET /v1/model`, scoring and
 * lookups all read it through here so they always agree on the version.
 */
export interface PublishedModel {
  version: number;
  hash: string;
  etag: string;
  model: AlignmentModel;
  note: string;
  publishedAt: string | null;
  publishedBy: string | null;
  rollbackOf: number | null;
}

export const DEFAULT_MODEL_NOTE = 'Built-in default model (nothing published yet)';

/** Strong ETag of a model version: `"v<version>-<first 16 hex of its SHA-256>"`. */
export function modelEtag(version: number, hash: string): string {
  return `"v${version}-${hash.slice(0, 16)}"`;
}

export async function hashModel(model: AlignmentModel): Promise<string> {
  return sha256Hex(canonicalJson(model));
}

let defaultHash: Promise<string> | null = null;

export async function defaultPublishedModel(): Promise<PublishedModel> {
  defaultHash ??= hashModel(defaultModel);
  const hash = await defaultHash;
  return {
    version: 0,
    hash,
    etag: modelEtag(0, hash),
    model: defaultModel,
    note: DEFAULT_MODEL_NOTE,
    publishedAt: null,
    publishedBy: null,
    rollbackOf: null,
  };
}

/** Version and ETag of the live model without loading it (what conditional requests need). */
export async function publishedModelHead(db: D1Database): Promise<{ version: number; hash: string; etag: string }> {
  const head = await latestVersionHead(db);
  if (!head) {
    const fallback = await defaultPublishedModel();
    return { version: 0, hash: fallback.hash, etag: fallback.etag };
  }
  return { ...head, etag: modelEtag(head.version, head.hash) };
}

function fromRow(row: NonNullable<Awaited<ReturnType<typeof getModelVersion>>>): PublishedModel {
  return {
    version: row.version,
    hash: row.hash,
    etag: modelEtag(row.version, row.hash),
    model: row.model,
    note: row.note,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy,
    rollbackOf: row.rollbackOf,
  };
}

/** A published version (0 = the built-in default), or null. */
export async function loadModelVersion(db: D1Database, version: number): Promise<PublishedModel | null> {
  if (version === 0) return defaultPublishedModel();
  const row = await getModelVersion(db, version);
  return row ? fromRow(row) : null;
}

// Published versions are immutable, so a parsed copy per isolate is safe; keyed by version
// and hash so a reset database can never be answered from a stale copy. Only the cheap
// head query runs per request.
let cachedLatest: PublishedModel | null = null;

/** The model every score is computed with right now. */
export async function loadPublishedModel(db: D1Database): Promise<PublishedModel> {
  return publishedModelAt(db, await latestVersionHead(db));
}

/**
 * The live model given its head as just read (e.g. in the same D1 batch as a lead, which saves a round
 * trip per lookup); null means nothing is published. Only a version not cached in this isolate is read.
 */
export async function publishedModelAt(
  db: D1Database,
  head: { version: number; hash: string } | null,
): Promise<PublishedModel> {
  if (!head) return defaultPublishedModel();
  if (cachedLatest && cachedLatest.version === head.version && cachedLatest.hash === head.hash) return cachedLatest;
  const loaded = await loadModelVersion(db, head.version);
  if (!loaded) return defaultPublishedModel(); // deleted between the two reads: fall back rather than fail
  cachedLatest = loaded;
  return loaded;
}
