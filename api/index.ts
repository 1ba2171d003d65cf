import { app } from '@azure/functions';

// Global host options live here, not in a route file; `main` loads this file first.
// Streaming is needed for chat SSE (https://learn.microsoft.com/azure/azure-functions/functions-reference-node#http-streams).
app.setup({ enableHttpStream: true });
