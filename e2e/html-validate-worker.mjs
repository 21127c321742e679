// Worker thread for e2e/dist.spec.ts: validates a share of the built pages with html-validate and posts back
// the messages. One HtmlValidate instance per worker, so the resolved configuration is reused across files.
// Pages whose exact content already passed with the same configuration and html-validate version (`known`,
// SHA-1 of the file) are skipped; the hashes of pages that pass now are sent back for the cache.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { HtmlValidate } from 'html-validate';

const { dir, files, config, known } = workerData;
const passedBefore = new Set(known);
const htmlvalidate = new HtmlValidate(config);
const messages = [];
const passed = [];
let validated = 0;
for (const rel of files) {
  const html = readFileSync(path.join(dir, rel), 'utf8');
  const hash = createHash('sha1').update(html).digest('hex');
  if (passedBefore.has(hash)) continue;
  validated++;
  const report = await htmlvalidate.validateString(html, rel);
  if (report.valid && report.warningCount === 0) passed.push(hash);
  for (const result of report.results) {
    for (const m of result.messages) messages.push({ file: rel, line: m.line, column: m.column, rule: m.ruleId, message: m.message, severity: m.severity });
  }
}
parentPort.postMessage({ files: files.length, validated, messages, passed });
