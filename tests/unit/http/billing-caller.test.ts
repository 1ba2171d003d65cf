import { HttpRequest } from '@azure/functions';
import { describe, expect, it } from 'vitest';
import { visitorOf } from '../../../api/http/billing-caller';

const request = (headers: Record<string, string>, body: unknown = { sessionId: 's-1' }) =>
  new HttpRequest({
    method: 'POST',
    url: 'http://127.0.0.1/api/chat',
    headers: { 'content-type': 'application/json', ...headers },
    body: { string: JSON.stringify(body) },
  });

describe('visitorOf: who a keyless call is', () => {
  it('takes the address the platform front end set (client-ip, port dropped) over an x-forwarded-for the client can invent', async () => {
    expect(
      await visitorOf(request({ 'client-ip': '203.0.113.9:51234', 'x-forwarded-for': '10.9.9.9, 203.0.113.9:51234' })),
    ).toEqual({ address: '203.0.113.9', session: 's-1' });
    expect(await visitorOf(request({ 'client-ip': '[2001:db8::7]:443', 'x-forwarded-for': '10.9.9.9' }))).toEqual({
      address: '2001:db8::7',
      session: 's-1',
    });
    expect(await visitorOf(request({ 'client-ip': '2001:db8::7' }))).toEqual({
      address: '2001:db8::7',
      session: 's-1',
    });
    // A source port never makes a new visitor, whatever the address form.
    expect(await visitorOf(request({ 'client-ip': '::ffff:203.0.113.9:40001' }))).toEqual({
      address: '::ffff:203.0.113.9',
      session: 's-1',
    });
    expect(await visitorOf(request({ 'x-client-ip': '198.51.100.3', 'x-forwarded-for': '10.9.9.9' }))).toEqual({
      address: '198.51.100.3',
      session: 's-1',
    });
  });

  it('falls back to the first x-forwarded-for entry where no front end runs, then to "unknown"; a body without a sessionId is the address alone', async () => {
    expect(await visitorOf(request({ 'x-forwarded-for': '198.51.100.7, 10.0.0.1' }))).toEqual({
      address: '198.51.100.7',
      session: 's-1',
    });
    expect(await visitorOf(request({}, { hello: 1 }))).toEqual({ address: 'unknown', session: '' });
  });
});
