// The built book's structure, read from its HTML (no browser needed):
//   - a self-contained folder: no symbolic link, no path into the system, and
//     html/mathjax holds exactly the files docs/mathjax_files.txt lists;
//   - the navigation tree lists every chapter, in order, then the reference pages;
//   - every chapter page links to the previous and the next chapter and has a
//     table of contents; search is on;
//   - every numbered equation has one anchor in the whole book, the equation
//     index links each number to it, and no page shows one number twice (an
//     exercise links to an equation its page already displays);
//   - figures are numbered within their chapter and have a caption;
//   - each listing numbers its lines as its source file does, so that
//     "main.cpp:37" in a trace is line 37 of the listing.
//
//   node check_book.mjs BOOK_HTML_DIR SOURCE_DIR
// Exit 0 when all holds, 1 with what does not, 77 (skipped) without a built book.
import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const [html, source] = process.argv.slice(2);
if (!html || !source) {
  console.error('usage: node check_book.mjs BOOK_HTML_DIR SOURCE_DIR');
  process.exit(2);
}
if (!existsSync(join(html, 'index.html'))) {
  console.log(`${html}/index.html is missing: build the book first (--target docs); skipped`);
  process.exit(77);
}
const problems = [];
const fail = (what) => problems.push(what);
const read = (f) => readFileSync(join(html, f), 'utf8');
const chapters = ['ch01_forward_pass', 'ch02_cost', 'ch03_output_delta', 'ch04_hidden_delta',
                  'ch05_gradients', 'ch06_update', 'ch07_gradient_check', 'ch08_training',
                  'ch09_bfgs', 'ch10_overfitting'];
const entities = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };
const text = (h) => h.replace(/<[^>]*>/g, '').replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e) =>
  e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
               : entities[e] ?? m);

// ---- A folder that works wherever it is copied ------------------------------
const files = [];
(function walk(dir) {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f), s = lstatSync(p);
    if (s.isSymbolicLink()) fail(`${relative(html, p)} is a symbolic link; a copied book would lose what it points to`);
    else if (s.isDirectory()) walk(p);
    else files.push(relative(html, p));
  }
})(html);
for (const f of files.filter((f) => /\.(html|js|css|svg)$/.test(f)))
  if (/file:\/\/|\/usr\/share\//.test(read(f))) fail(`${f} refers to a path outside the book`);
const manifest = readFileSync(join(source, 'docs/mathjax_files.txt'), 'utf8').split('\n')
  .map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => 'mathjax/' + l).sort();
const carried = files.filter((f) => f.startsWith('mathjax/')).sort();
if (JSON.stringify(manifest) !== JSON.stringify(carried))
  fail(`html/mathjax holds ${carried.length} files, docs/mathjax_files.txt lists ${manifest.length}: ` +
       `${carried.filter((f) => !manifest.includes(f)).concat(manifest.filter((f) => !carried.includes(f))).join(', ')}`);
if (!read('index.html').includes('src="mathjax/MathJax.js"')) fail('index.html does not load mathjax/MathJax.js from the book');

// ---- Navigation ---------------------------------------------------------------
const tree = JSON.parse(read('navtreedata.js').match(/var NAVTREE =\s*(\[[\s\S]*?\]);/)[1]);
const top = tree[0][2].map((entry) => entry[1]);
const expected = ['index.html', ...chapters.map((c) => c + '.html'), 'formulations.html',
                  'concordance.html', 'equation_index.html', 'architecture.html', 'json.html'];
if (JSON.stringify(top) !== JSON.stringify(expected))
  fail(`the navigation tree lists ${top.join(', ')}; expected ${expected.join(', ')}`);
if (!existsSync(join(html, 'search/searchdata.js')) || !read('index.html').includes('MSearchResultsWindow'))
  fail('search is off: no search/searchdata.js or no search box');
chapters.forEach((c, i) => {
  const page = read(c + '.html');
  const pagers = page.match(/<div class="pager">[\s\S]*?<\/div>/g) || [];
  if (pagers.length !== 2) fail(`${c}.html has ${pagers.length} previous/next bars, not 2 (above and below)`);
  for (const bar of pagers) {
    if (i > 0 && !bar.includes(`href="${chapters[i - 1]}.html"`)) fail(`${c}.html does not link to the previous chapter`);
    if (i + 1 < chapters.length && !bar.includes(`href="${chapters[i + 1]}.html"`)) fail(`${c}.html does not link to the next chapter`);
  }
  if (!page.includes('<div class="toc">')) fail(`${c}.html has no table of contents`);
});

// ---- Equations: one anchor each, numbers linked, none shown twice on a page ----
const pages = files.filter((f) => f.endsWith('.html') && !f.includes('/'));
const anchors = new Map();
for (const f of pages) {
  const page = read(f);
  for (const [, key] of page.matchAll(/<a class="anchor" id="(eq_[a-z0-9_]+)"/g)) {
    if (anchors.has(key)) fail(`the anchor ${key} is in both ${anchors.get(key)} and ${f}`);
    anchors.set(key, f);
  }
  const tags = new Map();
  for (const [, n] of page.matchAll(/\\tag\{([0-9.]+)\}/g)) tags.set(n, (tags.get(n) || 0) + 1);
  for (const [n, count] of tags) if (count > 1) fail(`${f} displays equation (${n}) ${count} times`);
}
for (const f of pages)
  for (const [, target, key] of read(f).matchAll(/href="([a-z0-9_]+\.html)#(eq_[a-z0-9_]+)"/g))
    if (anchors.get(key) !== target) fail(`${f} links ${key} to ${target}, but its anchor is in ${anchors.get(key) ?? 'no page'}`);
const index = read('equation_index.html');
const numbers = [...new Set([...index.matchAll(/\((\d+\.\d+)\)<\/a>|\\tag\{(\d+\.\d+)\}/g)].map((m) => m[1] || m[2]))];
if (numbers.length < 40) fail(`the equation index shows ${numbers.length} numbers`);
for (const [, key, n] of index.matchAll(/href="[a-z0-9_]+\.html#(eq_[a-z0-9_]+)">\((\d+\.\d+)\)<\/a>/g))
  if (!anchors.has(key)) fail(`the equation index links (${n}) to ${key}, which no page has`);
if (anchors.size !== numbers.length)
  fail(`${anchors.size} equation anchors in the book, but the index numbers ${numbers.length} equations`);

// ---- Figures ------------------------------------------------------------------
for (const c of chapters) {
  const captions = [...read(c + '.html').matchAll(/<div class="image">[\s\S]*?<div class="caption">\s*([\s\S]*?)<\/div>/g)]
    .map((m) => text(m[1]).trim());
  const images = (read(c + '.html').match(/<div class="image">/g) || []).length;
  if (captions.length !== images) fail(`${c}.html has ${images} figures but ${captions.length} captions`);
  captions.forEach((caption, k) => {
    const want = `Figure ${Number(c.slice(2, 4))}.${k + 1} · `;
    if (!caption.startsWith(want) || caption.length < want.length + 10) fail(`${c}.html: "${caption}" should read "${want}…"`);
  });
}

// ---- Listings numbered as their files -------------------------------------------
let listed = 0;
for (const c of chapters) {
  const md = readFileSync(join(html, '../pages', c + '.md'), 'utf8');
  const snippets = [...md.matchAll(/\\snippet(\{lineno\})? (\S+) (.+)/g)];
  for (const s of snippets) if (!s[1]) fail(`${c}: \\snippet ${s[2]} has no line numbers`);
  const listings = [...read(c + '.html').matchAll(/<div class="fragment">([\s\S]*?)<\/div><!-- fragment -->/g)]
    .map((m) => m[1]).filter((f) => f.includes('class="lineno"'));
  if (listings.length !== snippets.length) {
    fail(`${c}.html has ${listings.length} numbered listings for ${snippets.length} snippets`);
    continue;
  }
  listings.forEach((listing, k) => {
    const file = ['chapters', 'lib'].map((d) => join(source, d, snippets[k][2])).find(existsSync);
    if (!file) { fail(`${c}: cannot find ${snippets[k][2]}`); return; }
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const [, number, rest] of listing.matchAll(/<span class="lineno">\s*(\d+)<\/span>([\s\S]*?)<\/div>/g)) {
      const shown = text(rest).replace(/\s+/g, ' ').trim(), real = (lines[number - 1] ?? '').replace(/\s+/g, ' ').trim();
      listed++;
      if (shown !== real) {
        fail(`${c}.html: line ${number} of the listing of ${snippets[k][2]} reads "${shown}", the file's "${real}"`);
        break;
      }
    }
  });
}
if (listed < 50) fail(`only ${listed} numbered listing lines in the chapters`);

if (problems.length) {
  console.log(problems.join('\n'));
  console.log(`\n${problems.length} problems in the book's structure`);
  process.exit(1);
}
console.log(`the book: ${pages.length} pages, no symbolic link, ${carried.length} MathJax files as listed, ` +
            `${chapters.length} chapters in the tree with previous/next links and contents, ${anchors.size} ` +
            `equations each anchored once and linked from the index, ${listed} listing lines numbered as in their files`);
