import type { HttpRequest } from '@azure/functions';
import { z } from 'zod';
import { API_KEY_HEADER } from '../contracts/billing';
import { MAX_BODY_BYTES } from '../contracts/chat';
import type { Visitor } from '../domain/billing/billing';

const SessionOnly = z.object({ sessionId: z.string().min(1).max(128) });

/**
 * The anonymous visitor behind a keyless call: the client address (the platform's front end sets
 * x-forwarded-for / x-client-ip) plus the body's sessionId where the route has one. The body is
 * read from a clone so the trigger still reads it itself.
 */
export async function visitorOf(request: HttpRequest): Promise<Visitor> {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const address = forwarded || request.headers.get('x-client-ip')?.trim() || 'unknown';
  let session = '';
  if (Number(request.headers.get('content-length') ?? '0') <= MAX_BODY_BYTES) {
    try {
      const parsed = SessionOnly.safeParse(JSON.parse(await request.clone().text()));
      if (parsed.success) session = parsed.data.sessionId;
    } catch {
      // Not JSON: the trigger answers 400 itself; the visitor is then the address alone.
    }
  }
  return { address, session };
}

/** The x-api-key header, or undefined when absent or blank (anonymous). */
export function apiKeyOf(request: HttpRequest): string | undefined {
  const key = request.headers.get(API_KEY_HEADER)?.trim();
  return key ? key : undefined;
}
