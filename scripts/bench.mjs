#!/usr/bin/env node
// Full-build benchmark: for each digest folder, the analysis alone (scripts/bench-analysis.ts, per stage) and a
// clean `npm run build` (scripts/build.mjs: analysis and pages, then the Pagefind index) into a temporary
// outDir with a fresh cache, reporting wall time, peak memory of the build's process tree, pages per second, per-phase times and output sizes.
//
//   npm run bench -- [<folder>...] [--scale <papers>[,<papers>...]] [--mode words|titles] [--json <file>] [--keep] [--no-analysis] [--no-build] [--no-baseline]
//
// Default folder: content/digests (the seed); name a larger digest folder to benchmark it too (the project's
// benchmark corpus is not in the repository). --scale N (default 20000 when a folder other than the seed is given;
// 0 turns it off; a list such as 20000,75000 makes one corpus per size) also makes an N-paper corpus from
// the last folder with scripts/make-corpus.ts (titles made unique with " (variant k)"; --mode words, the default,
// also gives each copy its own vocabulary so that copied abstracts do not turn every phrase into a shared term:
// see make-corpus.ts) and benchmarks it.
// Peak memory: the sum of the RSS of the build process and all its descendants (the Pagefind binary too),
// sampled every 100 ms from /proc, and, when Debian's `time` is installed, its "Maximum resident set size"
// (the largest single process), plus its user + system CPU time of the whole tree, a figure that other load on
// the machine disturbs far less than wall time. Analysis share = analysis time / the baseline's build time, the
// baseline being as many plain pages built and indexed by the same Astro and Pagefind (scripts/baseline-site/).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scratchDir } from './scratch-dir.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const astroBin = path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
const SEED = 'content/digests';
const MB = 1024 * 1024;

function parseArgs(argv) {
  const opts = { folders: [], scales: undefined, mode: 'words', json: undefined, keep: false, analysis: true, build: true, baseline: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--scale') opts.scales = String(argv[++i]).split(',').map(Number);
    else if (a === '--json') opts.json = argv[++i];
    else if (a === '--mode') opts.mode = argv[++i];
    else if (a === '--keep') opts.keep = true;
    else if (a === '--no-analysis') opts.analysis = false;
    else if (a === '--no-build') opts.build = false;
    else if (a === '--no-baseline') opts.baseline = false;
    else if (a === '--help' || a === '-h') {
      console.log('Usage: npm run bench -- [<folder>...] [--scale <papers>[,<papers>...]] [--mode words|titles] [--json <file>] [--keep] [--no-analysis] [--no-build] [--no-baseline]');
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`Unknown option ${a}`);
    else opts.folders.push(a);
  }
  if (opts.folders.length === 0) {
    opts.folders = [SEED];
    console.log(
      'Benchmarking the seed only. For figures at size, name a larger digest folder (a few weeks of saved listings, or\n' +
        'the benchmark corpus that the project measures with), e.g. `npm run bench -- path/to/bench-corpus`; a 20,000-paper\n' +
        'corpus is then made from it (--scale; see scripts/make-corpus.ts).',
    );
  }
  const big = opts.folders.some((f) => path.resolve(root, f) !== path.resolve(root, SEED));
  opts.scales ??= big ? [20_000] : [];
  if (opts.scales.some((n) => !Number.isInteger(n) || n < 0)) throw new Error('--scale takes whole numbers of papers, e.g. 20000 or 20000,75000');
  opts.scales = opts.scales.filter((n) => n > 0);
  if (opts.mode !== 'words' && opts.mode !== 'titles') throw new Error(`--mode must be words or titles, not ${opts.mode}`);
  return opts;
}

/** Pids of a process and all its descendants, from /proc. */
function processTree(rootPid) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const statLine = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(statLine.slice(statLine.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // the process ended meanwhile
    }
  }
  const out = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop();
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Resident set size of one process in bytes (0 when it is gone). */
function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The role of a process of a build, from its command line: what the per-process peaks are reported by. */
function roleOf(pid) {
  let cmd = '';
  try {
    cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return 'other';
  }
  if (/paper-worker/.test(cmd)) return 'analysis workers';
  if (/pagefind/.test(cmd)) return 'Pagefind';
  if (/index-search/.test(cmd)) return 'index-search (Node)';
  if (/astro\.mjs/.test(cmd)) return 'astro build';
  if (/build\.mjs/.test(cmd)) return 'build.mjs';
  if (/^\/usr\/bin\/time /.test(cmd)) return 'time';
  return cmd.split(' ')[0]?.split('/').at(-1) || 'other';
}

/**
 * Runs a command, timestamping each output line as it arrives and sampling the RSS of its process tree.
 * Resolves with { code, ms, lines: [{ t, text }], peakTreeRss, peaks (per process role: the largest RSS seen of
 * one process of that role and how many processes had it), and from /usr/bin/time (else null): maxRss, cpuMs
 * (user + system time of the whole tree) }.
 */
function runMeasured(cmd, args, env, { echo = false, cwd = root } = {}) {
  const haveTime = existsSync('/usr/bin/time');
  const timeFile = haveTime ? path.join(tmpdir(), `bench-time-${process.pid}-${Date.now()}.txt`) : null;
  const [c, a] = haveTime ? ['/usr/bin/time', ['-v', '-o', timeFile, cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(c, a, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = [];
    let peakTreeRss = 0;
    /** Per process id: its role and largest RSS seen. */
    const perProcess = new Map();
    const sample = () => {
      if (process.platform !== 'linux') return;
      let total = 0;
      for (const pid of processTree(child.pid)) {
        const rss = rssOf(pid);
        total += rss;
        const known = perProcess.get(pid) ?? { role: roleOf(pid), rss: 0 };
        known.rss = Math.max(known.rss, rss);
        perProcess.set(pid, known);
      }
      peakTreeRss = Math.max(peakTreeRss, total);
    };
    const timer = setInterval(sample, 100);
    const collect = (stream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const t = performance.now() - started;
        const parts = (rest + chunk).split('\n');
        rest = parts.pop() ?? '';
        for (const text of parts) {
          lines.push({ t, text });
          if (echo) console.log(text);
        }
      });
      stream.on('end', () => rest && lines.push({ t: performance.now() - started, text: rest }));
    };
    collect(child.stdout);
    collect(child.stderr);
    child.on('error', reject);
    child.on('close', async (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      let maxRss = null;
      let cpuMs = null;
      if (timeFile) {
        const text = await readFile(timeFile, 'utf8').catch(() => '');
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
        maxRss = m ? Number(m[1]) * 1024 : null;
        const user = /User time \(seconds\): ([\d.]+)/.exec(text);
        const sys = /System time \(seconds\): ([\d.]+)/.exec(text);
        cpuMs = user && sys ? (Number(user[1]) + Number(sys[1])) * 1000 : null;
        await rm(timeFile, { force: true });
      }
      const peaks = {};
      for (const { role, rss } of perProcess.values()) {
        const p = (peaks[role] ??= { rss: 0, processes: 0 });
        p.rss = Math.max(p.rss, rss);
        p.processes += 1;
      }
      resolve({ code, ms, lines, peakTreeRss, peaks, maxRss, cpuMs });
    });
  });
}

/** Phase times of an astro build from the arrival times of its log lines (ms). */
function buildPhases(lines, totalMs) {
  const plain = lines.map((l) => ({ t: l.t, text: l.text.replace(/\x1b\[[0-9;]*m/g, '') }));
  const at = (re, from = 0) => plain.find((l) => l.t >= from && re.test(l.text))?.t;
  const synced = at(/\[content\] Synced content/);
  const analysed = at(/\[digest-loader:\w+\] .*papers/);
  const routes = at(/generating static routes/);
  const rendered = routes === undefined ? undefined : at(/✓ Completed in/, routes);
  const pagefindLine = plain.find((l) => /Search index: \d+ pages/.test(l.text));
  const pagefindSecs = pagefindLine ? Number(/\(([\d.]+) s\)/.exec(pagefindLine.text)?.[1]) : NaN;
  const renderSecs = (() => {
    const i = plain.findIndex((l) => /generating static routes/.test(l.text));
    const done = plain.slice(i).find((l) => /✓ Completed in ([\d.]+)s/.test(l.text));
    return done ? Number(/Completed in ([\d.]+)s/.exec(done.text)?.[1]) : NaN;
  })();
  const pageLines = plain.filter((l) => /^\S+\s+[├└]─ \/.*\.html/.test(l.text)).length;
  return {
    // start → the loader's summary line: astro start-up, config, reading + parsing + analysis
    untilAnalysed: analysed ?? null,
    // start → content synced (includes storing every entry in the data store)
    contentSync: synced ?? null,
    // content synced → first page rendered: Vite bundling of pages and client scripts
    bundle: synced !== undefined && routes !== undefined ? routes - synced : null,
    // Astro's own figure for rendering all static routes
    render: Number.isFinite(renderSecs) ? renderSecs * 1000 : rendered !== undefined && routes !== undefined ? rendered - routes : null,
    // The Pagefind integration's own figure
    pagefind: Number.isFinite(pagefindSecs) ? pagefindSecs * 1000 : null,
    // after rendering: sitemap, pagefind, exit
    afterRender: rendered !== undefined ? totalMs - rendered : null,
    pageLines,
  };
}

/** Bytes under a folder, optionally only for files whose name passes `keep`. */
async function folderBytes(dir, keep = () => true) {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && keep(e.name)) total += (await stat(path.join(e.parentPath, e.name))).size;
  }
  return total;
}

/** Number of files under a folder whose name passes `keep`. */
async function countFiles(dir, keep) {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && keep(e.name)) n++;
  return n;
}

async function benchAnalysis(folder) {
  const jsonFile = path.join(tmpdir(), `bench-analysis-${process.pid}-${Date.now()}.json`);
  const run = await runMeasured(process.execPath, ['--expose-gc', '--max-semi-space-size=64', '--import', 'tsx', 'scripts/bench-analysis.ts', folder, '--json', jsonFile], process.env, { echo: true });
  if (run.code !== 0) throw new Error(`bench-analysis failed on ${folder}:\n${run.lines.map((l) => l.text).join('\n')}`);
  const [result] = JSON.parse(await readFile(jsonFile, 'utf8'));
  await rm(jsonFile, { force: true });
  return { ...result, processMs: run.ms, processPeakRss: run.maxRss ?? run.peakTreeRss };
}

async function benchBuild(folder, keep) {
  // Everything in one temporary folder, which is also the working directory (with --root pointing at the
  // project): Astro writes its prerender bundle under <cwd>/.astro/ when the outDir is outside the working
  // directory, and that folder would be shared with (and clash with) other builds running in the project.
  // scratchDir links the project's node_modules into it, for the bundle's imports.
  const work = scratchDir('bench-build-');
  const outDir = path.join(work, 'dist');
  const cacheDir = path.join(work, 'cache');
  const env = { ...process.env, ASTRO_OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir, DIGESTS_DIR: folder, TOPICS_STATE: 'off', ASTRO_TELEMETRY_DISABLED: '1' };
  console.log(`build: ${folder} → ${outDir}`);
  // `npm run build`: astro build, then the search index once Astro has exited (scripts/build.mjs).
  const run = await runMeasured(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--root', root], env, { cwd: work });
  if (run.code !== 0) {
    console.error(run.lines.slice(-40).map((l) => l.text).join('\n'));
    throw new Error(`npm run build failed on ${folder} (exit ${run.code})`);
  }
  const summary = run.lines.map((l) => l.text).find((t) => /digests read, .* papers/.test(t)) ?? '';
  const papers = Number(/(\d+) papers/.exec(summary)?.[1] ?? NaN);
  const html = await countFiles(outDir, (n) => n.endsWith('.html'));
  const files = await countFiles(outDir, () => true);
  const sizes = {
    total: await folderBytes(outDir),
    html: await folderBytes(outDir, (n) => n.endsWith('.html')),
    pagefind: await folderBytes(path.join(outDir, 'pagefind')),
    astro: await folderBytes(path.join(outDir, '_astro')),
    data: await folderBytes(path.join(outDir, 'data'), (n) => n.endsWith('.json')),
  };
  const phases = buildPhases(run.lines, run.ms);
  const indexedLine = run.lines.map((l) => l.text).find((t) => /Search index: \d+ pages/.test(t)) ?? '';
  const indexed = Number(/Search index: (\d+) pages/.exec(indexedLine)?.[1] ?? 0);
  if (keep) await rm(cacheDir, { recursive: true, force: true });
  else await rm(work, { recursive: true, force: true });
  return { folder, outDir: keep ? outDir : null, papers, pages: html, files, indexed, ms: run.ms, cpuMs: run.cpuMs, peakTreeRss: run.peakTreeRss, peaks: run.peaks, maxRss: run.maxRss, sizes, phases };
}

async function makeScaled(source, papers, mode) {
  const out = await mkdtemp(path.join(tmpdir(), `bench-corpus-${papers}-`));
  const run = await runMeasured(process.execPath, ['--import', 'tsx', 'scripts/make-corpus.ts', source, out, '--papers', String(papers), '--mode', mode], process.env, { echo: true });
  if (run.code !== 0) throw new Error(`make-corpus failed:\n${run.lines.map((l) => l.text).join('\n')}`);
  return out;
}

const s = (ms) => (ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
const mb = (b) => (b === null || b === undefined ? '–' : `${(b / MB).toFixed(0)} MB`);

/**
 * The baseline: as many plain pages as the real build wrote (title and abstract of a paper each, as many
 * indexed by Pagefind as the real build indexed), built by the same Astro and Pagefind integration with no
 * analysis (scripts/baseline-site/).
 */
async function benchBaseline(folder, pages, indexed) {
  const work = scratchDir('bench-baseline-');
  const env = {
    ...process.env,
    ASTRO_OUT_DIR: path.join(work, 'dist'),
    ASTRO_CACHE_DIR: path.join(work, 'cache'),
    DIGESTS_DIR: folder,
    BASELINE_PAGES: String(pages),
    BASELINE_INDEXED: String(indexed),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  console.log(`baseline: ${pages} plain pages (${indexed} indexed)`);
  const run = await runMeasured(process.execPath, [astroBin, 'build', '--root', path.join(root, 'scripts', 'baseline-site')], env, { cwd: work });
  await rm(work, { recursive: true, force: true });
  if (run.code !== 0) {
    console.error(run.lines.slice(-40).map((l) => l.text).join('\n'));
    throw new Error(`baseline build failed on ${folder} (exit ${run.code})`);
  }
  return { pages, indexed, ms: run.ms, cpuMs: run.cpuMs, peakTreeRss: run.peakTreeRss };
}

function printReport(results) {
  const loads = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`\n## Benchmarks (${os.cpus().length} cores, Node ${process.version}, load average now ${loads})\n`);
  const head = ['', ...results.map((r) => r.label)];
  const row = (name, f) => [name, ...results.map((r) => f(r))];
  const rows = [
    row('digests / papers', (r) => (r.analysis ? `${r.analysis.digests} / ${r.analysis.papers}` : `– / ${r.build?.papers ?? '–'}`)),
    row('topics / term pages', (r) => (r.analysis ? `${r.analysis.topics} / ${r.analysis.terms}` : '–')),
    row('pages built (HTML) / files written', (r) => (r.build ? `${r.build.pages} / ${r.build.files}` : '–')),
    row('analysis alone (read, parse, analyse)', (r) => s(r.analysis?.totalMs)),
    row('analysis alone, CPU time', (r) => s(r.analysis?.totalCpuMs)),
    row('analysis peak RSS', (r) => mb(r.analysis?.processPeakRss)),
    row('full build wall time', (r) => s(r.build?.ms)),
    row('full build CPU time (user + sys, all processes)', (r) => s(r.build?.cpuMs)),
    row('– start → analysed', (r) => s(r.build?.phases.untilAnalysed)),
    row('– content synced', (r) => s(r.build?.phases.contentSync)),
    row('– bundling', (r) => s(r.build?.phases.bundle)),
    row('– page rendering', (r) => s(r.build?.phases.render)),
    row('– Pagefind index', (r) => s(r.build?.phases.pagefind)),
    row('pages per second (whole build)', (r) => (r.build ? (r.build.pages / (r.build.ms / 1000)).toFixed(0) : '–')),
    row('pages per second (rendering)', (r) => (r.build?.phases.render ? (r.build.pages / (r.build.phases.render / 1000)).toFixed(0) : '–')),
    row('build peak memory (process tree)', (r) => mb(r.build?.peakTreeRss)),
    row('build max RSS (one process)', (r) => mb(r.build?.maxRss)),
    row('– by process (largest of each kind, ×count)', (r) =>
      r.build?.peaks
        ? Object.entries(r.build.peaks)
            .filter(([role]) => role !== 'time' && role !== 'build.mjs')
            .sort((a, b) => b[1].rss - a[1].rss)
            .map(([role, p]) => `${role} ${mb(p.rss)}${p.processes > 1 ? ` ×${p.processes}` : ''}`)
            .join(', ')
        : '–',
    ),
    row('baseline: same number of plain pages, Astro + Pagefind', (r) => s(r.baseline?.ms)),
    row('baseline CPU time', (r) => s(r.baseline?.cpuMs)),
    row('analysis / baseline, wall', (r) => (r.baseline && r.analysis ? `${((100 * r.analysis.totalMs) / r.baseline.ms).toFixed(0)} %` : '–')),
    row('analysis / baseline, CPU', (r) =>
      r.baseline?.cpuMs && r.analysis ? `${((100 * r.analysis.totalCpuMs) / r.baseline.cpuMs).toFixed(0)} %` : '–',
    ),
    row('analysis / (build − analysis), wall', (r) =>
      r.build && r.analysis ? `${((100 * r.analysis.totalMs) / (r.build.ms - r.analysis.totalMs)).toFixed(0)} %` : '–',
    ),
    row('analysis / (build − analysis), CPU', (r) =>
      r.build?.cpuMs && r.analysis ? `${((100 * r.analysis.totalCpuMs) / (r.build.cpuMs - r.analysis.totalCpuMs)).toFixed(0)} %` : '–',
    ),
    row('dist total', (r) => mb(r.build?.sizes.total)),
    row('– HTML', (r) => mb(r.build?.sizes.html)),
    row('– Pagefind index', (r) => mb(r.build?.sizes.pagefind)),
    row('– _astro (JS, CSS)', (r) => (r.build ? `${(r.build.sizes.astro / 1024).toFixed(0)} KB` : '–')),
    row('– data JSON', (r) => mb(r.build?.sizes.data)),
  ];
  const line = (cells) => `| ${cells.join(' | ')} |`;
  console.log(line(head));
  console.log(line(head.map((_, i) => (i === 0 ? '---' : '---:'))));
  for (const r of rows) console.log(line(r));
  for (const r of results) {
    // Targets: 20,000 papers in 5 minutes and 4 GB (process tree); 75,000 in 10 minutes and 6 GB (largest process).
    const large = (r.build?.papers ?? 0) > 50_000;
    const minutes = large ? 10 : 5;
    if (r.build && r.build.ms > minutes * 60_000) console.log(`\nWARNING: ${r.label} took ${s(r.build.ms)} (target: under ${minutes} minutes).`);
    if (r.build && !large && r.build.peakTreeRss > 4 * 1024 * MB) console.log(`\nWARNING: ${r.label} peaked at ${mb(r.build.peakTreeRss)} (target: under 4 GB).`);
    const largest = r.build?.maxRss ?? r.build?.peakTreeRss ?? 0;
    if (r.build && large && largest > 6e9) console.log(`\nWARNING: ${r.label}: largest process ${mb(largest)} (target: under 6 GB).`);
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const targets = opts.folders.map((f) => ({ label: path.basename(path.resolve(root, f)) === 'digests' ? 'seed' : path.basename(f), folder: path.resolve(root, f) }));
  const source = targets.at(-1).folder;
  const scaledDirs = [];
  for (const papers of opts.scales) {
    const dir = await makeScaled(source, papers, opts.mode);
    scaledDirs.push(dir);
    targets.push({ label: `${papers.toLocaleString('en-US')} papers (${opts.mode})`, folder: dir });
  }
  const results = [];
  try {
    for (const t of targets) {
      console.log(`\n=== ${t.label}: ${t.folder}`);
      const analysis = opts.analysis ? await benchAnalysis(t.folder) : null;
      const build = opts.build ? await benchBuild(t.folder, opts.keep) : null;
      const baseline = build && opts.baseline ? await benchBaseline(t.folder, build.pages, build.indexed) : null;
      if (build) {
        console.log(
          `build: ${build.pages} pages in ${s(build.ms)} (${(build.pages / (build.ms / 1000)).toFixed(0)} pages/s), peak ${mb(build.peakTreeRss)} (tree), ` +
            `render ${s(build.phases.render)}, Pagefind ${s(build.phases.pagefind)}, dist ${mb(build.sizes.total)}`,
        );
      }
      results.push({ label: t.label, folder: t.folder, analysis, build, baseline });
    }
  } finally {
    if (!opts.keep) for (const dir of scaledDirs) await rm(dir, { recursive: true, force: true });
  }
  printReport(results);
  if (opts.json) await writeFile(opts.json, JSON.stringify({ date: new Date().toISOString(), cores: os.cpus().length, loadavg: os.loadavg(), results }, null, 2));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
