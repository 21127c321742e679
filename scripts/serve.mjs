#!/usr/bin/env node
// Serves a built site folder on localhost, as a static host would: `node scripts/serve.mjs [dir] [port]`.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';

const dir = path.resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 4321);
const notFoundPage = path.join(dir, '404.html');
const serve = sirv(dir, { dev: false, etag: true, gzip: false, brotli: false, extensions: ['html'] });

createServer((req, res) => {
  serve(req, res, () => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found');
  });
}).listen(port, '127.0.0.1', () => console.log(`Serving ${dir} on http://127.0.0.1:${port}/`));
