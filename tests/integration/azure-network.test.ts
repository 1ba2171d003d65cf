// A request to Azure OpenAI that gets no HTTP answer at all is not "busy": the retryable error
// names the cause (DNS, refused, timeout, TLS) and what to check, through the real openai SDK and
// the real sockets (loopback servers on free ports; the DNS case uses the reserved `.invalid` TLD,
// which never resolves: RFC 2606).
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAzureAdapters } from '../../api/adapters/azure/azure-adapters';
import { loadConfig } from '../../api/config';
import { freePort } from '../../api/local/azurite';

const servers: Server[] = [];
const sockets = new Set<Socket>();
let silentPort = 0;
let plainTextPort = 0;

/** A loopback TCP server; `onConnection` decides what a client gets (nothing, or not TLS). */
async function tcpServer(onConnection: (socket: Socket) => void): Promise<number> {
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

beforeAll(async () => {
  silentPort = await tcpServer((socket) => socket.resume()); // accepts, reads, never answers
  plainTextPort = await tcpServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n')); // not TLS
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

/** The chat call's error against `endpoint`, after two attempts that sleep no time between them. */
async function failureAt(endpoint: string): Promise<{ code: string; message: string; retryable: boolean }> {
  const config = loadConfig({
    AZURE_OPENAI_ENDPOINT: endpoint,
    AZURE_OPENAI_API_KEY: 'test-key',
    AZURE_OPENAI_MAX_ATTEMPTS: '2',
    AZURE_OPENAI_TIMEOUT_MS: '1000',
  });
  const adapters = createAzureAdapters(config, { retry: { sleep: async () => undefined } });
  const statuses: string[] = [];
  try {
    const request = {
      messages: [{ role: 'user' as const, content: 'hi' }],
      tools: [],
      maxCompletionTokens: 16,
      context: { modeId: 'banking', personaSeed: 1 },
    };
    for await (const chunk of adapters.chatModel.stream(request))
      if (chunk.type === 'status') statuses.push(chunk.message);
  } catch (error) {
    // While it waits to try again, the visitor is told Azure could not be reached, not that it is busy.
    expect(statuses).toEqual([expect.stringMatching(/^Could not reach Azure — retrying in \d+ s…$/)]);
    return error as { code: string; message: string; retryable: boolean };
  }
  throw new Error(`no error from ${endpoint}`);
}

describe('Azure OpenAI unreachable: the error names the cause and what to check', () => {
  it('a host name that does not resolve is DNS, never "busy"', async () => {
    const error = await failureAt('https://presto-change-o-test.invalid');
    expect(error).toMatchObject({ code: 'upstream_unavailable', retryable: true });
    expect(error.message).toMatch(/^Could not reach Azure OpenAI \((ENOTFOUND|EAI_AGAIN)[^)]*all 2 attempts\)/);
    expect(error.message).toMatch(/did not resolve \(DNS\).*AZURE_OPENAI_ENDPOINT/);
    expect(error.message).not.toMatch(/busy/i);
  });

  it('a closed port is a refused connection', async () => {
    const error = await failureAt(`http://127.0.0.1:${await freePort()}`);
    expect(error.message).toMatch(
      /^Could not reach Azure OpenAI \(ECONNREFUSED, all 2 attempts\): the connection was refused/,
    );
  });

  it('a server that accepts and never answers is a timeout, with the setting to raise', async () => {
    const error = await failureAt(`http://127.0.0.1:${silentPort}`);
    expect(error.message).toMatch(/^Could not reach Azure OpenAI \(all 2 attempts\): it did not answer in time/);
    expect(error.message).toMatch(/firewall.*AZURE_OPENAI_TIMEOUT_MS/);
  });

  it('an https endpoint that does not speak TLS is a TLS failure', async () => {
    const error = await failureAt(`https://127.0.0.1:${plainTextPort}`);
    expect(error.message).toMatch(
      /^Could not reach Azure OpenAI \([A-Z_]+, all 2 attempts\): the TLS handshake failed/,
    );
  });
});
