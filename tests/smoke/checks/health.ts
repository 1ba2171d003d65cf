import { Health } from '../../../api/contracts/health';
import type { Check } from '../runner';
import { CheckFailed } from '../runner';

/**
 * `GET ${API_URL}/api/health` of the deployed Function app (plain health: it never calls Azure
 * OpenAI). Only when API_URL is set (`azd env get-value API_URL`).
 */
export function healthCheck(apiUrl: string): Check {
  const url = `${apiUrl.replace(/\/+$/, '')}/api/health`;
  return {
    id: 'health',
    title: 'deployed app health',
    timeoutMs: 30_000,
    explain: (error) => ({
      detail: `${url}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
      fix: 'check API_URL (azd env get-value API_URL) and that `azd deploy api` succeeded',
    }),
    async run(signal) {
      const response = await fetch(url, { signal });
      const text = await response.text();
      const parsed = Health.safeParse(safeJson(text));
      if (!response.ok || !parsed.success)
        throw new CheckFailed(
          `${url} answered ${response.status}: ${text.replace(/\s+/g, ' ').slice(0, 160)}`,
          response.status === 404
            ? 'the API is not deployed at API_URL: run `azd deploy api`'
            : "see the Function app's log stream (azd monitor --logs) and its app settings",
        );
      const h = parsed.data;
      const summary = `${h.status}, provider ${h.provider}, storage ${h.storage}, version ${h.version}${h.voice.available ? '' : `, voice off (${h.voice.reason ?? 'no reason'})`}`;
      if (h.status !== 'ok' || h.provider !== 'azure' || h.storage !== 'ok')
        throw new CheckFailed(
          `${url}: ${summary}${h.hint ? ` — ${h.hint}` : ''}`,
          'check the Function app settings (GET /api/health?deep=1 names each deployment)',
        );
      return { outcome: 'ok', detail: `${url}: ${summary}` };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
