import type { Config } from '../../config';
import { Billing } from '../../domain/billing/billing';
import type { Clock } from '../../domain/ports';
import { TableApiKeyStore } from '../storage/table-api-keys';
import { TableUsageStore } from '../storage/table-usage';
import { sha256 } from './key-material';

/** Billing on Table Storage with the demo budget from config; tables are opened on first use. */
export function createBilling(config: Config, clock: Clock): Billing {
  const demo = {
    requestsPerMinute: config.PRESTO_DEMO_REQUESTS_PER_MINUTE,
    tokensPerDay: config.PRESTO_DEMO_TOKENS_PER_DAY,
    imagesPerDay: config.PRESTO_DEMO_IMAGES_PER_DAY,
    generationsPerDay: config.PRESTO_DEMO_GENERATIONS_PER_DAY,
    realtimeSessionsPerDay: config.PRESTO_DEMO_REALTIME_SESSIONS_PER_DAY,
  };
  const times = config.PRESTO_DEMO_VISITORS_PER_NETWORK;
  return new Billing({
    keys: new TableApiKeyStore(config),
    usage: new TableUsageStore(config),
    clock,
    hash: sha256,
    demo,
    demoNetwork: Object.fromEntries(Object.entries(demo).map(([name, limit]) => [name, limit * times])) as typeof demo,
  });
}
