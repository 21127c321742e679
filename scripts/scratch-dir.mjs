// A scratch working directory for a build of the project from outside it (benchmarks, rebuild tests).
//
// Such builds run from a temporary folder with `--root <project>`, so that Astro's prerender bundle lands in
// that folder (<outDir>/.prerender, or <cwd>/.astro/) and parallel builds never share the project's `.astro/`.
// The bundle imports the packages it does not inline by bare name (`piccolore`, `katex`, …), and Node resolves
// those from the bundle's own folder upwards: a folder under /tmp has no node_modules above it, and the build
// fails with "Cannot find package 'piccolore' imported from …/.prerender/prerender-entry….mjs" (Astro issue
// #4006). So the scratch folder gets a `node_modules` link to the project's.
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Makes a new folder under the system's temporary folder, with `node_modules` linked to the project's; returns its path. */
export function scratchDir(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}
