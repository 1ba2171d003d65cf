import path from 'node:path';
import { freeAzuritePorts, startAzurite, type AzuriteHandle } from '../../api/local/azurite';

/** Azurite for one test file: in memory, on free loopback ports, stopped by the caller's afterAll. */
export async function startTestAzurite(): Promise<AzuriteHandle> {
  return startAzurite({
    root: path.resolve(__dirname, '../..'),
    inMemory: true,
    ...(await freeAzuritePorts()),
  });
}
