import { randomUUID } from 'node:crypto';
import {
  createBlobServiceClient,
  createQueueServiceClient,
  createTableClient,
} from '../../../api/adapters/storage/storage-account';
import { QUEUE_NAMES } from '../../../api/contracts/jobs';
import type { SmokeContext } from '../context';
import { CheckFailed, type Check } from '../runner';

/** Its own queue and table, so the smoke never takes the deployed app's messages. */
export const SMOKE_QUEUE = 'presto-smoke';
export const SMOKE_TABLE = 'prestosmoke';

/** The data role each service needs (what infra/ grants the app and you), named in the fix. */
const ROLES = {
  blob: 'Storage Blob Data Owner (or Contributor)',
  queue: 'Storage Queue Data Contributor',
  table: 'Storage Table Data Contributor',
} as const;
type Service = keyof typeof ROLES;

const status = (e: unknown): number | undefined =>
  e && typeof e === 'object' && 'statusCode' in e && typeof e.statusCode === 'number' ? e.statusCode : undefined;

async function blobRoundTrip(ctx: SmokeContext): Promise<string> {
  const service = await createBlobServiceClient(ctx.config);
  const container = service.getContainerClient(ctx.config.PRESTO_BLOB_CONTAINER);
  // The app creates it on first use too (BlobDocumentStore); on Azure, infra/ already has.
  await container.createIfNotExists();
  const blob = container.getBlockBlobClient(`smoke/${randomUUID()}.txt`);
  const body = `presto smoke ${new Date().toISOString()}`;
  await blob.upload(body, Buffer.byteLength(body));
  const read = (await blob.downloadToBuffer()).toString('utf8');
  await blob.delete();
  if (read !== body) throw new Error('read back different bytes');
  return 'blob write/read/delete';
}

async function queueRoundTrip(ctx: SmokeContext): Promise<string> {
  const service = await createQueueServiceClient(ctx.config);
  const queue = service.getQueueClient(SMOKE_QUEUE);
  // Kept between runs: a deleted queue's name cannot be reused for about 30 seconds.
  await queue.createIfNotExists();
  const text = Buffer.from(JSON.stringify({ smoke: randomUUID() })).toString('base64');
  await queue.sendMessage(text);
  const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 32, visibilityTimeout: 30 });
  const mine = receivedMessageItems.find((m) => m.messageText === text);
  for (const m of receivedMessageItems) await queue.deleteMessage(m.messageId, m.popReceipt);
  if (!mine) throw new Error('the message sent was not received');
  // The app's own queues are created by infra/ in Azure; locally the app creates them on first send.
  if (ctx.target === 'azure') {
    const missing: string[] = [];
    for (const name of QUEUE_NAMES) if (!(await service.getQueueClient(name).exists())) missing.push(name);
    if (missing.length) throw new MissingQueues(missing);
    return `queue send/receive/delete, ${QUEUE_NAMES.join(' + ')} exist`;
  }
  return 'queue send/receive/delete';
}

async function tableRoundTrip(ctx: SmokeContext): Promise<string> {
  const table = await createTableClient(ctx.config, SMOKE_TABLE);
  await table.createTable(); // "already exists" is not an error for createTable
  const entity = { partitionKey: 'smoke', rowKey: randomUUID(), note: 'presto smoke' };
  await table.createEntity(entity);
  const read = await table.getEntity<{ note: string }>(entity.partitionKey, entity.rowKey);
  await table.deleteEntity(entity.partitionKey, entity.rowKey);
  if (read.note !== entity.note) throw new Error('read back a different entity');
  return 'table write/read/delete';
}

class MissingQueues extends Error {
  constructor(readonly names: string[]) {
    super(`queue ${names.join(', ')} missing`);
  }
}

function explainStorage(service: Service, error: unknown, ctx: SmokeContext): { detail: string; fix: string } {
  const code =
    error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : '';
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 160);
  // An HTTP status says enough when the SDK has no error code (its message can be a whole XML body).
  const detail = `${service}: ${status(error) ?? ''} ${code || (status(error) ? '' : message)}`
    .replace(/\s+/g, ' ')
    .trim();
  const uri = `AzureWebJobsStorage__${service}ServiceUri`;
  if (error instanceof MissingQueues)
    return { detail: `${service}: ${error.message}`, fix: 'run `azd provision` (infra/ creates the app queues)' };
  if (status(error) === 403 && ctx.config.AzureWebJobsStorage)
    return { detail, fix: 'the storage account refused the key in the AzureWebJobsStorage connection string' };
  if (status(error) === 403)
    return {
      detail,
      fix: `grant "${ROLES[service]}" on the storage account to the identity running this (role assignments take minutes to apply)`,
    };
  const name = error instanceof Error ? error.name : '';
  if (
    /CredentialUnavailable|AuthenticationRequired|AggregateAuthentication|DefaultAzureCredential|az login/i.test(
      `${name} ${code} ${message}`,
    )
  )
    return { detail, fix: 'run `az login` (identity-based storage uses your Azure CLI sign-in)' };
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|getaddrinfo/i.test(`${code} ${message}`))
    return {
      detail,
      fix: ctx.config.AzureWebJobsStorage
        ? 'AzureWebJobsStorage points at storage that is not running or reachable (start Azurite, or set the AzureWebJobsStorage__*ServiceUri settings)'
        : `${uri} is not reachable from here (firewall, private endpoint?)`,
    };
  if (status(error) === 404 && service === 'blob')
    return {
      detail,
      fix: `PRESTO_BLOB_CONTAINER ("${ctx.config.PRESTO_BLOB_CONTAINER}") does not exist: run \`azd provision\``,
    };
  return { detail, fix: `check ${ctx.config.AzureWebJobsStorage ? 'AzureWebJobsStorage' : uri}` };
}

/**
 * A write, read and delete on each storage service the app uses, through the app's own client
 * factories (a connection string, or the identity-based `AzureWebJobsStorage__*ServiceUri` with
 * your az login): Blob in the app's container, a message on a smoke queue (and, in Azure, the app's
 * queues exist), an entity in a smoke table. All three run; the row names each one that failed.
 */
export function storageCheck(ctx: SmokeContext): Check {
  return {
    id: 'storage',
    title: 'Blob/Queue/Table round trip',
    timeoutMs: 45_000,
    explain: (error) => ({
      detail: error instanceof Error ? error.message : String(error),
      fix: 'check the AzureWebJobsStorage settings',
    }),
    async run() {
      const steps: [Service, (c: SmokeContext) => Promise<string>][] = [
        ['blob', blobRoundTrip],
        ['queue', queueRoundTrip],
        ['table', tableRoundTrip],
      ];
      const outcomes = await Promise.all(
        steps.map(async ([service, step]) => {
          try {
            return { service, ok: true as const, detail: await step(ctx) };
          } catch (error) {
            return { service, ok: false as const, ...explainStorage(service, error, ctx) };
          }
        }),
      );
      const failed = outcomes.filter((o) => !o.ok);
      const where = ctx.config.AzureWebJobsStorage ? 'connection string' : 'identity-based URIs';
      if (failed.length)
        throw new CheckFailed(
          outcomes.map((o) => (o.ok ? `${o.service} ok` : `${o.detail}`)).join(' · '),
          [...new Set(failed.map((o) => ('fix' in o ? o.fix : '')))].join('; '),
        );
      return { outcome: 'ok', detail: `${outcomes.map((o) => o.detail).join(' · ')} (${where})` };
    },
  };
}
