import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './scripts/browser.mjs';

const port = Number(process.env.E2E_PORT ?? 4399);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  // axe on the larger pages (the corpus map) runs beside html-validate's worker threads on a 2-core machine:
  // give each test room rather than flake on load.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs },
  },
  webServer: {
    command: `node scripts/serve.mjs ${process.env.ASTRO_OUT_DIR ?? 'dist'} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
