// The hostile-input checker (tests/integration/hostile-input.harness.ts): background work of an
// accepted request is not blamed on a later refused one, and a refused request's own writes still are.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BackgroundWork,
  messageJob,
  refusedChanges,
  runRequests,
  type Snapshot,
  type StorageProbe,
} from '../integration/hostile-input.harness';
import type { HostileRequest } from '../integration/hostile-input.requests';

const ERROR = JSON.stringify({ error: { code: 'invalid_request', message: 'no', retryable: false } });
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64');

/**
 * A fake app: `/accept/<job>` answers 202 for that job, `/refuse/<n>` answers 400 after applying
 * writes[n] to the fake storage, as a background retry (or a leak) landing while it runs would.
 */
function fakeApp(storage: Map<string, string>, writes: Array<(s: Map<string, string>) => void>) {
  return createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const [, what, arg] = (req.url ?? '').split('/');
      if (what === 'accept') {
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ jobId: arg, statusUrl: `/api/jobs/${arg}` }));
      } else if (what === 'api') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: (req.url ?? '').split('/').at(-1) }));
      } else {
        writes[Number(arg)]?.(storage);
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(ERROR);
      }
    });
  });
}

const probeOf = (storage: Map<string, string>): StorageProbe => ({
  snapshot: async (): Promise<Snapshot> => new Map(storage),
});
const request = (target: string): HostileRequest => ({ method: 'POST', target, headers: {}, kind: 'valid' });

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function run(targets: string[], writes: Array<(s: Map<string, string>) => void>, storage = new Map()) {
  server = fakeApp(storage, writes);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return runRequests(url, probeOf(storage), targets.map(request));
}

describe('the refused-request storage check', () => {
  it('leaves out the job, mode and poison message of a job accepted earlier (the soak’s false alarm)', async () => {
    const result = await run(
      ['/accept/constructor--u', '/refuse/0', '/refuse/1', '/refuse/2'],
      [
        (s) => s.set('blob:jobs/constructor--u.json', '"etag-2"'),
        (s) => {
          s.set('queue:mode-generation-poison', '1');
          s.set(`queue:mode-generation-poison/constructor--u`, '5');
        },
        (s) => s.set('blob:jobs/constructor--u.json', '"etag-3"'),
      ],
      new Map([
        ['blob:jobs/constructor--u.json', '"etag-1"'],
        ['queue:mode-generation-poison', '0'],
      ]),
    );
    expect(result.failures).toEqual([]);
  });

  it('still blames a refused request for a job, mode or message nobody accepted', async () => {
    const result = await run(
      ['/accept/bakery', '/refuse/0', '/refuse/1', '/refuse/2', '/refuse/3'],
      [
        (s) => s.set('blob:jobs/constructor--u.json', '"etag-1"'),
        (s) => s.set('blob:modes/zoo.json', '"etag-1"'),
        (s) => s.set('queue:mode-generation-poison/zoo', '5'),
        (s) => s.set('blob:audit/2026-12-03/s1.jsonl', '"etag-1"'),
      ],
    );
    expect(result.failures.map((f) => f.replace(/^.*yet stored /, ''))).toEqual([
      'blob:jobs/constructor--u.json: added',
      'blob:modes/zoo.json: added',
      'queue:mode-generation-poison/zoo: added',
      'blob:audit/2026-12-03/s1.jsonl: added',
    ]);
  });

  it('with nothing accepted before, the same background-looking write is a failure', () => {
    const before: Snapshot = new Map([['blob:jobs/constructor--u.json', '"etag-1"']]);
    const after: Snapshot = new Map([['blob:jobs/constructor--u.json', '"etag-2"']]);
    expect(refusedChanges(before, after)).toEqual(['blob:jobs/constructor--u.json: changed ("etag-1" → "etag-2")']);
  });

  it('attributes exactly: a chart job owns its picture, a mode job not another key’s, poison only its own', () => {
    const work = new BackgroundWork();
    work.noteAccepted({
      status: 202,
      contentType: 'application/json',
      text: '{"jobId":"chart_' + 'a'.repeat(32) + '"}',
    });
    work.noteAccepted({ status: 200, contentType: 'text/event-stream', text: 'event: job\ndata: {"jobId":"zoo"}\n\n' });
    expect(work.owns(`blob:charts/${'a'.repeat(32)}.png`, undefined, '"e"')).toBe(true);
    expect(work.owns(`blob:charts/${'b'.repeat(32)}.png`, undefined, '"e"')).toBe(false);
    expect(work.owns('blob:modes/zoo.json', undefined, '"e"')).toBe(true);
    expect(work.owns('blob:gallery/zoo.json', '"d"', '"e"')).toBe(true);
    expect(work.owns('blob:modes/zoo--acme.json', undefined, '"e"')).toBe(false);
    expect(work.owns('queue:mode-generation-poison/zoo', undefined, '1')).toBe(true);
    expect(work.owns('queue:mode-generation-poison/bakery', undefined, '1')).toBe(false);
    // A worker may take a message from a live queue; a request adding one is never background work.
    expect(work.owns('queue:mode-generation', '2', '1')).toBe(true);
    expect(work.owns('queue:mode-generation', '1', '2')).toBe(false);
    expect(work.owns('table:usage/demo/day', '{}', '{"designs":1}')).toBe(false);
  });

  it('names a poison message by the job it points at, base64 (host.json) or plain; else not at all', () => {
    expect(messageJob(b64({ v: 1, jobId: 'zoo', token: 't' }))).toBe('zoo');
    expect(messageJob(JSON.stringify({ v: 1, jobId: 'zoo', token: 't' }))).toBe('zoo');
    expect(messageJob('not a message')).toBeUndefined();
  });
});
