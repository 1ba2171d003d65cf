import type { z } from 'zod';
import type { JobKind } from '../../contracts/jobs';
import { readDocument, updateDocument } from '../documents';
import type { DocumentStore } from '../ports';
import { reportStale, type RunRecord } from './transitions';

/** Every job kind lives in one folder, so GET /api/jobs/{id} answers for mode and chart jobs alike. */
export const jobPath = (id: string) => `jobs/${id}.json`;

/** The fields a stored job of any kind has beyond its public view. */
export interface StoredJob extends RunRecord {
  id: string;
  kind: JobKind;
  createdAt: string;
  request: unknown;
  token: string;
  leaseUntil?: string | undefined;
}

/** A new job of `kind`: queued, no attempts yet, holding the request it runs and the token of its run. */
export function newJobRecord<K extends JobKind, R>(kind: K, id: string, request: R, token: string, now: Date) {
  const at = now.toISOString();
  return { id, kind, status: 'queued' as const, createdAt: at, updatedAt: at, attempts: 0, request, token };
}

/** What GET /api/jobs/{id} shows of any job: no request, token or lease, and a stale job reported as failed. */
export function publicView<J extends StoredJob>(job: J, now: Date, stalledMessage: string) {
  const { request: _r, token: _t, leaseUntil: _l, ...view } = job;
  return reportStale(view, job, now, stalledMessage);
}

/** Reading and compare-and-swap updating of one job kind's documents, validated with its record schema. */
export interface JobDocuments<J> {
  /** A job document, validated; a corrupt one reads as missing. */
  read: (store: DocumentStore, id: string) => Promise<{ job: J; etag: string } | undefined>;
  /** Compare-and-swap update (`updateDocument`); `changed` tells a caller whether its change won (a claim). */
  update: (
    store: DocumentStore,
    id: string,
    change: (job: J) => J | undefined,
  ) => Promise<{ job: J; changed: boolean } | undefined>;
}

export function jobDocuments<J>(schema: z.ZodType<J>): JobDocuments<J> {
  return {
    read: async (store, id) => {
      const doc = await readDocument(store, jobPath(id), schema);
      return doc && { job: doc.value, etag: doc.etag };
    },
    update: async (store, id, change) => {
      const updated = await updateDocument(store, jobPath(id), schema, change);
      return updated && { job: updated.value, changed: updated.changed };
    },
  };
}
