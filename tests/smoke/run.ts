// CLI: `npm run smoke [-- --json] [-- --emulator]`. Prints the table (or JSON) and exits 1 when any
// check failed. Progress goes to stderr so `--json` output stays machine-readable.
import { resolve } from 'node:path';
import { exitCode, formatJson, formatTable } from './report';
import { runSmoke } from './smoke';

const USAGE = `usage: npm run smoke [-- --json] [-- --emulator]

Checks a deployment end to end: chat with a tool call, structured mode design, a realtime voice
session over WebRTC, image generation (if AZURE_OPENAI_IMAGE_DEPLOYMENT is set), a Blob/Queue/Table
round trip and the timer's registration (and GET $API_URL/api/health when API_URL is set).
Settings: the environment, then \`azd env get-values\`, then local.settings.json. Without
AZURE_OPENAI_ENDPOINT (or with --emulator) it runs against the bundled Foundry emulator.`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.filter((a) => a !== '--json' && a !== '--emulator');
  if (unknown.length) {
    console.error(`smoke: unknown argument ${unknown.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  const json = args.includes('--json');
  // stdout carries only the report: anything the app's code logs goes to stderr with the progress.
  console.log = console.info = (...parts: unknown[]) => console.error(...parts);
  // dist/tests/smoke/run.js → the project root.
  const root = resolve(__dirname, '../../..');
  const report = await runSmoke({
    root,
    processEnv: process.env,
    emulator: args.includes('--emulator'),
    log: (line) => console.error(line),
  });
  // Written with a callback: on a pipe stdout may be asynchronous, and we exit right after.
  await new Promise<void>((done) =>
    process.stdout.write(`${json ? formatJson(report) : formatTable(report)}\n`, () => done()),
  );
  return exitCode(report);
}

main().then(
  // Exit explicitly: an SDK keep-alive socket or a credential's timer must not hold the prompt.
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`smoke: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
