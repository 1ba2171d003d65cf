import { defineConfig } from '@playwright/test';

/**
 * E2E against the real local runtime (same registered functions, in-memory Azurite) and the
 * system Chromium — no browser download (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  globalSetup: './global-setup.ts',
  timeout: 45_000,
  expect: { timeout: 8_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  // One folder per provider: `npm run test:e2e` runs the suite offline, then against the Foundry emulator.
  outputDir: `../../test-results/e2e-${process.env.E2E_PROVIDER ?? 'offline'}`,
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
        // Voice (#5): a fake microphone that needs no prompt, and WebRTC to the emulator's loopback peer (https://github.com/shinyoshiaki/werift-webrtc).
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        '--allow-loopback-in-peer-connection',
      ],
    },
  },
});
