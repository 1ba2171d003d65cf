// `npm run keys -- …`: the operator's API key tool. It talks to the same Table Storage as the app
// (AzureWebJobsStorage, or the identity-based table URI), so Azurite locally.
import { ZodError } from 'zod';
import { TableApiKeyStore } from '../adapters/storage/table-api-keys';
import { loadConfig } from '../config';
import { runKeysCommand, USAGE } from './keys-command';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv[0] === '--help') {
    console.log(USAGE);
    return;
  }
  try {
    console.log(await runKeysCommand(argv, new TableApiKeyStore(loadConfig()), () => new Date()));
  } catch (error) {
    const detail =
      error instanceof ZodError
        ? error.issues.map((i) => `${i.path.join('.') || 'command'}: ${i.message}`).join('; ')
        : (error as Error).message;
    console.error(`keys: ${detail}\n${USAGE}`);
    process.exitCode = 1;
  }
}

void main();
