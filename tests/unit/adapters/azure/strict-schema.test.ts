import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dropNullOptionals, toStrictJsonSchema } from '../../../../api/adapters/azure/strict-schema';

const Schema = z.object({
  title: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[A-Z]/),
  note: z.string().optional(),
  count: z.number().int().min(0),
  kind: z.literal('mode'),
  parent: z.string().nullable(),
  items: z
    .array(z.object({ id: z.string(), extra: z.number().optional() }))
    .min(1)
    .max(3),
  email: z.email().optional(),
});

describe('toStrictJsonSchema (https://learn.microsoft.com/azure/ai-foundry/openai/how-to/structured-outputs)', () => {
  const { schema } = toStrictJsonSchema(Schema);
  const text = JSON.stringify(schema);

  it('requires every property and closes every object', () => {
    expect(schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['title', 'note', 'count', 'kind', 'parent', 'items', 'email'],
    });
    const item = (schema.properties as Record<string, { items: Record<string, unknown> }>).items!.items;
    expect(item).toMatchObject({ additionalProperties: false, required: ['id', 'extra'] });
  });

  it('makes optional properties nullable instead, and keeps nullable ones as they are', () => {
    const props = schema.properties as Record<string, Record<string, unknown>>;
    expect(props.note).toMatchObject({ type: ['string', 'null'] });
    expect(props.parent).toMatchObject({ type: ['string', 'null'] });
    expect(props.count).toMatchObject({ type: 'integer' });
  });

  it('strips keywords strict mode rejects and turns const into enum', () => {
    for (const keyword of [
      'minLength',
      'maxLength',
      'pattern',
      'format',
      'minimum',
      'maximum',
      'minItems',
      'maxItems',
      '$schema',
      '"const"',
    ]) {
      expect(text).not.toContain(keyword);
    }
    expect((schema.properties as Record<string, unknown>).kind).toMatchObject({ enum: ['mode'] });
  });

  it('refuses what strict mode cannot express: a non-object root, records', () => {
    expect(() => toStrictJsonSchema(z.array(z.string()))).toThrow(/object at the root/);
    expect(() => toStrictJsonSchema(z.object({ tags: z.record(z.string(), z.number()) }))).toThrow(/record/);
  });

  it('maps the nulls a strict answer must send for optional fields back to "absent", so zod accepts them', () => {
    const { original } = toStrictJsonSchema(Schema);
    const answer = {
      title: 'Vet',
      note: null,
      count: 2,
      kind: 'mode',
      parent: null,
      items: [{ id: 'a', extra: null }],
      email: null,
    };
    const cleaned = dropNullOptionals(answer, original);
    expect(cleaned).toEqual({ title: 'Vet', count: 2, kind: 'mode', parent: null, items: [{ id: 'a' }] });
    expect(Schema.safeParse(cleaned).success).toBe(true);
    expect(Schema.safeParse(answer).success).toBe(false);
  });
});
