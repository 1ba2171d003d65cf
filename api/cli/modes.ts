// `npm run modes -- …`: the operator's gallery tool. It talks to the same Blob storage as the app
// (AzureWebJobsStorage, or the identity-based blob URI), so Azurite locally.
import { ZodError } from 'zod';
import { StoredModeCatalog } from '../adapters/mode-catalog';
import { BlobDocumentStore } from '../adapters/storage/blob-document-store';
import { loadConfig } from '../config';
import { runModesCommand, USAGE } from './modes-command';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.length === 0 || argv[0] === '--help') {
    console.log(USAGE);
    return;
  }
  try {
    console.log(await runModesCommand(argv, new StoredModeCatalog(new BlobDocumentStore(loadConfig()))));
  } catch (error) {
    const detail =
      error instanceof ZodError
        ? error.issues.map((i) => `${i.path.join('.') || 'command'}: ${i.message}`).join('; ')
        : (error as Error).message;
    console.error(`modes: ${detail}\n${USAGE}`);
    process.exitCode = 1;
  }
}

void main();
