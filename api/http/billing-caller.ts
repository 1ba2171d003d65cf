import type { HttpRequest } from '@azure/functions';
import { isIP } from 'node:net';
import { z } from 'zod';
import { API_KEY_HEADER } from '../contracts/billing';
import { MAX_BODY_BYTES } from '../contracts/chat';
import type { Visitor } from '../domain/billing/billing';
import { bodyBytes } from './body-bytes';

const SessionOnly = z.object({ sessionId: z.string().min(1).max(128) });

/**
 * The anonymous visitor behind a keyless call: the client address plus the body's sessionId where
 * the route has one. The body is read once and shared with the trigger's readJson (body-bytes.ts).
 *
 * The address comes from what the platform sets, not what the client sends: App Service's front
 * end (Functions included) adds `client-ip` (the peer address and port) and overwrites any a client
 * sent, so it cannot be spoofed (https://github.com/Azure/app-service-linux-docs/pull/140);
 * `x-client-ip` is the fallback. The first
 * `x-forwarded-for` entry is the client's to invent; it is only the fallback where no front end
 * runs (the local runtime, tests). The SPA calls the Function app directly (no proxy in between),
 * so the front end sees the visitor itself.
 */
export async function visitorOf(request: HttpRequest): Promise<Visitor> {
  const address =
    platformAddress(request) || request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
  let session = '';
  if (Number(request.headers.get('content-length') ?? '0') <= MAX_BODY_BYTES) {
    try {
      const parsed = SessionOnly.safeParse(JSON.parse(new TextDecoder().decode(await bodyBytes(request))));
      if (parsed.success) session = parsed.data.sessionId;
    } catch {
      // Not JSON: the trigger answers 400 itself; the visitor is then the address alone.
    }
  }
  return { address, session };
}

/** `client-ip` without its port (`1.2.3.4:5678`, `[2001:db8::1]:5678`), else `x-client-ip`. */
function platformAddress(request: HttpRequest): string | undefined {
  const withPort = request.headers.get('client-ip')?.trim();
  if (!withPort) return request.headers.get('x-client-ip')?.trim() || undefined;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(withPort);
  if (bracketed) return bracketed[1];
  if (isIP(withPort)) return withPort; // a bare address, IPv6 included
  // `address:port`, also for an unbracketed IPv6 (`::ffff:1.2.3.4:5678`): a port must never make a new visitor.
  const cut = withPort.lastIndexOf(':');
  return cut > 0 && /^\d+$/.test(withPort.slice(cut + 1)) && isIP(withPort.slice(0, cut))
    ? withPort.slice(0, cut)
    : withPort;
}

/** The x-api-key header, or undefined when absent or blank (anonymous). */
export function apiKeyOf(request: HttpRequest): string | undefined {
  const key = request.headers.get(API_KEY_HEADER)?.trim();
  return key ? key : undefined;
}
