import { z } from 'zod';
import type { GalleryEntry } from '../contracts/gallery';
import { Slug } from '../contracts/common';
import type { GalleryListing } from '../adapters/mode-catalog';

const Command = z.discriminatedUnion('command', [
  z.object({ command: z.literal('list') }),
  z.object({ command: z.literal('hide'), id: Slug }),
  z.object({ command: z.literal('unhide'), id: Slug }),
]);

export const USAGE = `Usage: npm run modes -- list
       npm run modes -- hide <id>
       npm run modes -- unhide <id>`;

/** What the command needs of the catalogue (StoredModeCatalog against the app's Blob storage). */
export interface GalleryAdmin {
  gallery(): Promise<GalleryListing[]>;
  decide(id: string, moderation: 'hidden' | 'approved'): Promise<GalleryEntry | undefined>;
}

/** argv (after the script name) → a validated command; throws a ZodError naming what is wrong. */
export function parseModesArgs(argv: string[]): z.infer<typeof Command> {
  const [command, id] = argv;
  return Command.parse(command === 'list' ? { command } : { command, id });
}

/** Runs one operator command and returns what to print. */
export async function runModesCommand(argv: string[], admin: GalleryAdmin): Promise<string> {
  const cmd = parseModesArgs(argv);
  if (cmd.command === 'list') {
    const rows = await admin.gallery();
    if (rows.length === 0) return 'No generated modes.';
    return rows
      .map(
        (m) =>
          `${m.id.padEnd(40)} ${m.moderation.padEnd(8)} ${m.companyName} (${m.name})${m.reason ? `  — ${m.reason}` : ''}`,
      )
      .join('\n');
  }
  const entry = await admin.decide(cmd.id, cmd.command === 'hide' ? 'hidden' : 'approved');
  if (!entry) throw new Error(`No generated mode ${cmd.id} (see "list"; pre-built modes cannot be hidden).`);
  return cmd.command === 'hide'
    ? `Hid ${cmd.id}: it is gone from every gallery list (within 2 s on running instances); its link still opens it.`
    : `Unhid ${cmd.id}: it is approved and listed for everyone again.`;
}
