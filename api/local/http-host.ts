// One origin, like SWA in front of the Functions app: `/<routePrefix>/*` goes to the registered
// httpTrigger functions, everything else is the SPA from `staticRoot` with
// staticwebapp.config.json applied. globalHeaders go on every response, API ones included.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Registration } from './functions-core-shim';
import { handleApiRequest, sendJsonError } from './http-api';
import { safeDecodePath, serveStatic } from './http-static';
import { consoleLogger, describeError, logLine, type Logger } from './invocation';
import { compileRoutes, matchRoutes } from './route-template';
import { findRoute, headersFor, loadSwaConfig } from './swa-config';

export interface HttpHostOptions {
  port: number;
  host?: string;
  registry: Registration[];
  staticRoot: string;
  swaConfigPath?: string;
  routePrefix?: string;
  /**
   * Request bodies above this are refused with 413 (default 1 MiB). Deliberately far below the
   * real host's FUNCTIONS_REQUEST_BODY_SIZE_LIMIT (100 MB), so handlers must not rely on it.
   */
  maxBodyBytes?: number;
  logger?: Logger;
}

export interface HttpHost {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? consoleLogger;
  const config = loadSwaConfig(options.swaConfigPath);
  const site = { root: resolve(options.staticRoot), config };
  const prefix = `/${(options.routePrefix ?? 'api').replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  const api = { routes: compileRoutes(options.registry), logger, maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024 };

  const server = createServer((req, res) => {
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const lowerPath = rawPath.toLowerCase();
    // With an empty routePrefix the functions share the root with the SPA: a matching route wins.
    const isApi =
      prefix === ''
        ? matchRoutes(api.routes, rawPath).length > 0
        : lowerPath === prefix || lowerPath.startsWith(`${prefix}/`);
    if (!isApi) return serveStatic(req, res, site, rawPath);

    const method = (req.method ?? 'GET').toUpperCase();
    const decoded = safeDecodePath(rawPath) ?? rawPath;
    const route = findRoute(config, decoded, method);
    const headers = headersFor(config, route);
    if (route?.redirect) {
      res.writeHead(route.statusCode ?? 302, { ...headers, location: route.redirect }).end();
      return;
    }
    handleApiRequest(req, res, api, rawPath.slice(prefix.length), headers).catch((error: unknown) => {
      logLine(logger, `${method} ${req.url} failed in the local host: ${describeError(error)}`);
      sendJsonError(res, 500, 'internal', 'The local host failed while handling the request.', headers);
    });
  });
  // Node closes an idle keep-alive socket after 5 s by default
  // (https://nodejs.org/api/http.html#serverkeepalivetimeout). A client that reuses the socket at
  // that moment (Playwright's request context, an http.Agent with keepAlive) gets ECONNRESET on a
  // good request. Keep idle sockets far longer than any pause in a demo or a test, and wait one
  // second longer than that for headers, as the Node docs advise.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // SSE must leave the socket chunk by chunk: no Nagle delay on any connection.
  server.on('connection', (socket) => socket.setNoDelay(true));
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    server,
    port,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        // Open SSE streams and keep-alive sockets would otherwise hold close() forever.
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      }),
  };
}
