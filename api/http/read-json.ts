import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { MAX_BODY_BYTES } from '../contracts/chat';
import { DomainError } from '../domain/errors';
import { bodyBytes } from './body-bytes';

class PayloadTooLarge extends DomainError {
  constructor() {
    super('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`, 413);
  }
}

/**
 * Reads and validates a JSON body: 413 past the size cap (checked on the header and on the bytes),
 * 415/400 for wrong type or broken JSON, and the schema's own 400 for wrong shapes.
 */
export async function readJson<S extends z.ZodType>(request: HttpRequest, schema: S): Promise<z.infer<S>> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw new PayloadTooLarge();
  const type = request.headers.get('content-type') ?? '';
  if (type && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type) && !/^text\/plain\b/i.test(type)) {
    throw new DomainError('unsupported_media_type', 'Send the body as application/json.', 415);
  }
  const bytes = await bodyBytes(request);
  if (bytes.byteLength > MAX_BODY_BYTES) throw new PayloadTooLarge();
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new DomainError('invalid_json', 'The request body is not valid JSON.', 400);
  }
  return schema.parse(value);
}
