import { describe, expect, it } from 'vitest';
import { ConfigEnv, loadConfig } from '../../api/config';

// Issue #11 item 9: `NAME=` in a .env file, an azd output that was never set or an app setting
// cleared in the portal leaves a variable set but empty. That must mean "not set" for every
// variable, never a validation error on the first request.
describe('an empty variable is an unset one', () => {
  const names = Object.keys(ConfigEnv.shape);
  const defaults = loadConfig({});

  it.each(names)('%s= behaves as if it were not set', (name) => {
    for (const empty of ['', '   ']) {
      const config = loadConfig({ [name]: empty });
      expect(config, `${name}=${JSON.stringify(empty)}`).toEqual(defaults);
    }
  });

  it('covers every variable the schema reads (a new one is wrapped without being listed)', () => {
    expect(names.length).toBeGreaterThan(30);
    expect(names).toContain('AZURE_OPENAI_ENDPOINT');
  });

  it('an empty AZURE_OPENAI_ENDPOINT is the offline engine, not a broken azure provider', () => {
    expect(loadConfig({ AZURE_OPENAI_ENDPOINT: '' }).provider).toBe('offline');
  });

  it('an empty companion of AZURE_CREDENTIAL=client-secret is named as missing', () => {
    expect(() =>
      loadConfig({
        AZURE_CREDENTIAL: 'client-secret',
        AZURE_TENANT_ID: 't',
        AZURE_CLIENT_ID: ' ',
        AZURE_CLIENT_SECRET: 's',
      }),
    ).toThrow(/AZURE_CLIENT_ID: required when AZURE_CREDENTIAL=client-secret/);
  });
});
