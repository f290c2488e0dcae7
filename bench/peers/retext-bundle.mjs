#!/usr/bin/env node
// retext-bundle.mjs - the JavaScript peer of libmemo's analysis benchmark
// (scripts/bench.sh analyze; docs/performance.md "Analysis").
//
// One node process reads every file into memory first (I/O is not timed),
// then runs the same unified pipeline over each file, one at a time:
//
//   remark-parse + remark-frontmatter + remark-gfm   Markdown -> mdast
//   remark-retext (bridge) + retext-english          mdast -> English nlcst
//   retext-readability   Flesch, Flesch-Kincaid, Gunning fog, SMOG,
//                        Coleman-Liau, ARI, Dale-Chall, Spache per sentence
//   retext-passive       passive voice
//   retext-simplify      wordy phrases with simpler alternatives (padding)
//   retext-intensify     weasel words, hedges, fillers
//   retext-repeated-words  "the the"
//
// These are the plugins whose checks match libmemo's metrics (readability,
// passive share, padding phrases, hedges/weasels, repeated words). Like
// bench_analyze, there is one untimed warm-up pass (which also lets V8
// compile the hot code), then --repeat timed passes; a file's time is
// performance.now() around parse + run, its CPU time process.cpuUsage()
// (user + system) around the same; the summary is the median pass.
//
// usage: node retext-bundle.mjs [--repeat N] [--warmup N] [--json OUT]
//                               (@LIST | FILE)...
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import retextReadability from 'retext-readability';
import retextPassive from 'retext-passive';
import retextSimplify from 'retext-simplify';
import retextIntensify from 'retext-intensify';
import retextRepeatedWords from 'retext-repeated-words';
import { VFile } from 'vfile';

let repeat = 3;
let warmup = 1;
let jsonOut = null;
const paths = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--repeat') repeat = Number(argv[++i]);
  else if (a === '--warmup') warmup = Number(argv[++i]);
  else if (a === '--json') jsonOut = argv[++i];
  else if (a.startsWith('@')) {
    for (const l of readFileSync(a.slice(1), 'utf8').split('\n'))
      if (l.trim()) paths.push(l.replace(/\r$/, ''));
  } else paths.push(a);
}
if (paths.length === 0 || !(repeat >= 1)) {
  console.error('usage: retext-bundle.mjs [--repeat N] [--warmup N] ' +
    '[--json OUT] (@LIST | FILE)...');
  process.exit(2);
}

const files = paths.map((p) => ({ path: p, data: readFileSync(p) }));
const bytes = files.reduce((s, f) => s + f.data.length, 0);

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkGfm)
  .use(remarkRetext, unified()
    .use(retextEnglish)
    .use(retextReadability)
    .use(retextPassive)
    .use(retextSimplify)
    .use(retextIntensify)
    .use(retextRepeatedWords))
  .freeze();

// One file: decode, parse, run every plugin. Returns the message count.
async function one(f) {
  const file = new VFile({ path: f.path, value: f.data.toString('utf8') });
  const tree = processor.parse(file);
  await processor.run(tree, file);
  return file.messages.length;
}

function median(v) {
  const s = [...v].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

let failures = 0;
let messages = 0;
for (let w = 0; w < warmup; w++) {
  for (const f of files) {
    try {
      const m = await one(f);
      if (w === 0) messages += m;
    } catch (e) {
      if (w === 0) {
        failures++;
        console.error(`${f.path}: ${e.message}`);
      }
    }
  }
}

const wall = [];
const cpu = [];
for (let r = 0; r < repeat; r++) {
  let tw = 0;
  let tc = 0;
  for (const f of files) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    try {
      await one(f);
    } catch {
      // counted in the warm-up pass
    }
    tw += performance.now() - t0;
    const c = process.cpuUsage(c0);
    tc += (c.user + c.system) / 1e3;
  }
  wall.push(tw / 1e3);
  cpu.push(tc / 1e3);
}

const res = {
  engine: 'retext-bundle',
  node: process.version,
  files: files.length,
  bytes,
  repeat,
  warmup,
  failures,
  messages,
  pass_s: wall,
  pass_cpu_s: cpu,
  median_s: median(wall),
  cpu_median_s: median(cpu),
  mb_per_s: bytes / 1e6 / median(wall),
  cpu_mb_per_s: bytes / 1e6 / median(cpu),
  // kilobytes, like getrusage(2)
  maxrss_kb: process.resourceUsage().maxRSS,
};
const line = `retext-bundle: ${res.files} files, ${(bytes / 1e6).toFixed(3)} MB, ` +
  `${repeat} passes: median ${res.median_s.toFixed(3)} s ` +
  `(${res.mb_per_s.toFixed(2)} MB/s), CPU ${res.cpu_median_s.toFixed(3)} s ` +
  `(${res.cpu_mb_per_s.toFixed(2)} MB/s); ${messages} messages, ` +
  `${failures} failures; peak RSS ${res.maxrss_kb} KiB`;
console.log(line);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(res) + '\n');
