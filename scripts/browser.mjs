// Finds a Chromium for Playwright: Debian's /usr/bin/chromium first, then Playwright's own download.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Flags that keep Chromium quiet on a machine with no network beyond localhost. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const systemCandidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The executable to launch, or undefined to let Playwright use its own browser. Throws with advice when neither exists. */
export function chromiumExecutable() {
  const system = systemCandidates.find((p) => p && existsSync(p));
  if (system) return system;
  let bundled;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return undefined;
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one of:\n' +
      '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium\n' +
      "  Playwright's own browser (where its download host is reachable):  npx playwright install chromium\n" +
      'or point CHROMIUM_PATH at a Chromium/Chrome executable.',
  );
}
