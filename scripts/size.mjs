// Prints each entrypoint's raw and gzipped size from a fresh production build, so size
// claims come from this script and not from memory. `--json` prints the figures as JSON.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = '.output/chrome-mv3';
if (!process.argv.includes('--no-build')) execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });

const read = (file) => readFileSync(join(OUT, file));

/** The scripts and styles an HTML page loads, followed through static imports. */
function pageFiles(html) {
  const text = read(html).toString();
  const refs = [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return followImports(refs);
}

function followImports(files) {
  const seen = new Set();
  const queue = [...files];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = read(file).toString();
    for (const m of code.matchAll(/(?:import|from)\s*["']\.{0,2}\/?([^"']+\.js)["']/g)) {
      const target = m[1].startsWith('chunks/') ? m[1] : join('chunks', m[1]);
      queue.push(target);
    }
  }
  return [...seen];
}

const entrypoints = {
  'content script (every CRM page)': ['crm-page.js'],
  background: followImports(['background.js']),
  ...Object.fromEntries(
    readdirSync(OUT)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f.replace('.html', ''), [f, ...pageFiles(f)]]),
  ),
};

const rows = Object.entries(entrypoints).map(([name, files]) => {
  const bytes = Buffer.concat(files.map(read));
  return {
    entrypoint: name,
    files: files.length,
    rawKB: +(bytes.length / 1024).toFixed(1),
    gzipKB: +(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1),
  };
});

if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else console.table(rows);
