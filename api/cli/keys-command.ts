import { z } from 'zod';
import { newApiKey } from '../adapters/billing/key-material';
import { PLAN_NAMES, PLANS } from '../domain/billing/plans';
import type { ApiKeyStore } from '../domain/billing/ports';

const Id = z.string().regex(/^key_[0-9a-f]{12}$/, 'a key id such as key_0123456789ab (see "list")');
const Command = z.discriminatedUnion('command', [
  z.object({ command: z.literal('create'), name: z.string().trim().min(1).max(64), plan: z.enum(PLAN_NAMES) }),
  z.object({ command: z.literal('list') }),
  z.object({ command: z.literal('revoke'), id: Id }),
  z.object({ command: z.literal('set-plan'), id: Id, plan: z.enum(PLAN_NAMES) }),
]);

export const USAGE = `Usage: npm run keys -- create --name <name> --plan <${PLAN_NAMES.join('|')}>
       npm run keys -- list
       npm run keys -- revoke <id>
       npm run keys -- set-plan <id> <plan>`;

/** argv (after the script name) → a validated command; throws a ZodError naming what is wrong. */
export function parseKeysArgs(argv: string[]): z.infer<typeof Command> {
  const [command, ...rest] = argv;
  const flag = (name: string) => {
    const at = rest.indexOf(`--${name}`);
    return at >= 0 ? rest[at + 1] : undefined;
  };
  if (command === 'create') return Command.parse({ command, name: flag('name'), plan: flag('plan') ?? 'free' });
  if (command === 'set-plan') return Command.parse({ command, id: rest[0], plan: rest[1] });
  return Command.parse({ command, id: rest[0] });
}

/** Runs one operator command and returns what to print. The key itself is printed by `create` only, once. */
export async function runKeysCommand(argv: string[], store: ApiKeyStore, now: () => Date): Promise<string> {
  const cmd = parseKeysArgs(argv);
  switch (cmd.command) {
    case 'create': {
      const { key, id, hash } = newApiKey();
      await store.create({ id, name: cmd.name, plan: cmd.plan, createdAt: now().toISOString() }, hash);
      return `Created ${id} (${cmd.name}, plan ${cmd.plan}).\nAPI key (shown once, store it now): ${key}`;
    }
    case 'list': {
      const keys = await store.list();
      if (keys.length === 0) return 'No API keys.';
      return keys
        .map(
          (k) =>
            `${k.id}  ${k.plan.padEnd(8)} ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}  ${k.createdAt}  ${k.name}`,
        )
        .join('\n');
    }
    case 'revoke':
      if (!(await store.update(cmd.id, { revokedAt: now().toISOString() }))) throw new Error(`No key ${cmd.id}.`);
      return `Revoked ${cmd.id}: its next call gets 401.`;
    case 'set-plan':
      if (!(await store.update(cmd.id, { plan: cmd.plan }))) throw new Error(`No key ${cmd.id}.`);
      return `${cmd.id} is now on ${cmd.plan}: ${JSON.stringify(PLANS[cmd.plan])}`;
  }
}
