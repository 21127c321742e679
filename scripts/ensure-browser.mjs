#!/usr/bin/env node
// Before the e2e tests: make sure a Chromium exists. As root on Debian, install the distribution's package;
// otherwise explain what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumExecutable } from './browser.mjs';

try {
  chromiumExecutable();
} catch (error) {
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error(String(error instanceof Error ? error.message : error));
    process.exit(1);
  }
  console.log('No Chromium found: installing Debian’s chromium package (running as root)…');
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (run(['update']).status !== 0 || run(['install', '-y', '--no-install-recommends', 'chromium']).status !== 0) {
    console.error('Installing chromium with apt-get failed; install it by hand: apt-get install -y chromium');
    process.exit(1);
  }
  chromiumExecutable();
}
