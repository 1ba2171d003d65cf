import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';

/** One write of an entity group transaction: an insert, or a replace guarded by the entity's ETag. */
export type GroupWrite =
  { kind: 'insert'; entity: TableEntity } | { kind: 'replace'; entity: TableEntity; etag: string };

/** An entity as the usage counters store it: string keys and plain string or integer properties. */
export type TableEntity = { partitionKey: string; rowKey: string } & Record<string, string | number>;

/** The SDK's pipeline pieces, loaded with the SDK (a cold start that bills nothing never loads them). */
type Pipeline = typeof import('@azure/core-rest-pipeline');
let pipelineModule: Promise<Pipeline> | undefined;
let httpClient: import('@azure/core-rest-pipeline').HttpClient | undefined;

/**
 * Sends an entity group transaction through the table client's own pipeline (its credential,
 * retry and user-agent policies), as `TableClient.submitTransaction` does, but without what that
 * method builds for every call: a second TableClient with its own pipeline, and an intercepting
 * pipeline run per operation to render each sub-request. On the per-turn path of every chat (the
 * visitor's and its network's counters change together) that build was half of the write's CPU.
 * The wire format is the one the SDK sends (@azure/data-tables src/TableTransaction.ts and
 * src/utils/transactionHelpers.ts) and the service documents:
 * https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions.
 * Returns each write's new ETag in order; a refused transaction throws an error whose
 * `statusCode` is the refusing sub-response's (412 for a stale ETag, 409 for an existing entity),
 * as the SDK's does, so callers can tell a lost race from an outage.
 */
export async function submitEntityGroup(
  table: TableClient,
  writes: readonly GroupWrite[],
  options: { abortSignal?: AbortSignal } = {},
): Promise<Array<string | undefined>> {
  const { createPipelineRequest, createHttpHeaders, createDefaultHttpClient, RestError } = await (pipelineModule ??=
    import('@azure/core-rest-pipeline'));
  httpClient ??= createDefaultHttpClient();
  const batch = `batch_${randomUUID()}`;
  const changeset = `changeset_${randomUUID()}`;
  const tableUrl = table.url.endsWith('/') ? `${table.url}${table.tableName}` : `${table.url}/${table.tableName}`;
  const parts = writes.map((write) => {
    const { partitionKey, rowKey, ...properties } = write.entity;
    const body = JSON.stringify({ PartitionKey: partitionKey, RowKey: rowKey, ...properties });
    const head =
      write.kind === 'insert'
        ? [
            `POST ${tableUrl} HTTP/1.1`,
            'Content-Type: application/json;odata=nometadata',
            'Accept: application/json;odata=minimalmetadata',
            'DataServiceVersion: 3.0',
            'Prefer: return-no-content',
          ]
        : [
            `PUT ${tableUrl}(PartitionKey='${key(partitionKey)}',RowKey='${key(rowKey)}') HTTP/1.1`,
            'Content-Type: application/json',
            'Accept: application/json',
            'DataServiceVersion: 3.0',
            `If-Match: ${write.etag}`,
          ];
    return [
      `--${changeset}`,
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      ...head,
      '',
      body,
    ].join(CRLF);
  });
  const body = [
    `--${batch}`,
    `Content-Type: multipart/mixed; boundary=${changeset}`,
    '',
    ...parts,
    `--${changeset}--`,
    `--${batch}--`,
    '',
  ].join(CRLF);
  const base = table.url.replace(/\/$/, '');
  const request = createPipelineRequest({
    url: `${base}/$batch`,
    method: 'POST',
    body,
    headers: createHttpHeaders({
      accept: 'application/json',
      'x-ms-version': '2019-02-02',
      DataServiceVersion: '3.0;',
      MaxDataServiceVersion: '3.0;NetFx',
      'Content-Type': `multipart/mixed; boundary=${batch}`,
    }),
    abortSignal: options.abortSignal,
    allowInsecureConnection: base.startsWith('http:'),
  });
  const response = await table.pipeline.sendRequest(httpClient, request);
  const text = response.bodyAsText ?? '';
  const refused = (status: number, errorBody: string) => {
    const error = parseODataError(errorBody);
    return new RestError(error.message ?? `The entity group transaction was refused (${status}).`, {
      code: error.code,
      statusCode: status,
      request,
      response,
    });
  };
  if (response.status < 200 || response.status >= 300) throw refused(response.status, text);
  const subResponses = text.split('--changesetresponse_').slice(1, -1);
  const etags = subResponses.map((part) => {
    const status = Number(/HTTP\/1\.1 (\d{3})/.exec(part)?.[1]);
    if (!Number.isInteger(status)) throw refused(502, part);
    if (status >= 300) throw refused(status, part.slice(part.indexOf('{')));
    return /^ETag: (.*)$/im.exec(part)?.[1]?.trim();
  });
  // A refused transaction answers one sub-response (the operation that failed), not one per write.
  if (etags.length !== writes.length) throw refused(502, text);
  return etags;
}

const CRLF = '\r\n';

/** A key inside an entity's address: quotes doubled (OData string literal), then URL-encoded. */
const key = (value: string) => encodeURIComponent(value.replace(/'/g, "''"));

function parseODataError(text: string): { code?: string; message?: string } {
  try {
    const parsed = JSON.parse(text) as { 'odata.error'?: { code?: string; message?: { value?: string } } };
    const error = parsed['odata.error'];
    return { code: error?.code || undefined, message: error?.message?.value };
  } catch {
    return {};
  }
}
