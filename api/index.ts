import { app } from '@azure/functions';
import { configProblem } from './config';

// Global host options live here, not in a route file; `main` loads this file first.
// Streaming is needed for chat SSE (https://learn.microsoft.com/azure/azure-functions/functions-reference-node#http-streams).
app.setup({ enableHttpStream: true });

// The whole configuration is checked when the worker loads, not on the first request (issue #11
// item 9). The Functions host keeps running whatever a worker logs, so the functions stay
// registered: every route, health included, answers 503 `misconfigured` naming the variable
// (api/http/errors.ts), and this line is in the log stream / Application Insights from the start.
const problem = configProblem();
if (problem) console.error(`[presto] ${problem.message}. Every route answers 503 misconfigured until it is fixed.`);
