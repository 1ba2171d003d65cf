// Importing a trigger file outside the Functions host switches @azure/functions to "test mode",
// which prints one warning per registration; handlers are exported and tested directly instead.
const originalWarn = console.warn;
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('@azure/functions')) return;
  if (typeof args[0] === 'string' && args[0].includes('because the "@azure/functions" package is in test mode')) return;
  originalWarn(...args);
};
