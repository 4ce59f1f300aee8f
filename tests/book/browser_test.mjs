// The built book opened in Debian's headless Chromium, as a reader would open it:
// from a copy in a temporary folder, offline, at 800 px wide. Chromium is driven
// over its DevTools protocol on a pipe (--remote-debugging-pipe), so nothing but
// Node and Chromium is needed. For every page it asserts that
//   - every formula is typeset: no raw TeX left in the text, no MathJax error;
//   - nothing is requested from outside the book's folder, and nothing fails to load;
//   - no console error and no uncaught exception;
//   - every internal link and #anchor resolves; every image and object loads;
//   - the page does not scroll sideways at 800 px (code and output blocks,
//     tables and wide formulas may, inside themselves);
//   - section headings are smaller than the page title; a long page has a
//     table of contents; the lines of every code and output block keep their
//     columns (each character one cell wide);
// and, over the whole book, that every MathJax file it carries is used by some
// page. It saves screenshots of three pages for a person to look at.
//
//   node browser_test.mjs BOOK_HTML_DIR SCREENSHOT_DIR
// Exit 0 when all holds, 1 with the list of what does not, 77 (skipped) when
// the book or Chromium is missing.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const [bookDir, shotDir] = process.argv.slice(2);
if (!bookDir || !shotDir) {
  console.error('usage: node browser_test.mjs BOOK_HTML_DIR SCREENSHOT_DIR');
  process.exit(2);
}
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
if (!existsSync(join(bookDir, 'index.html'))) {
  console.log(`${bookDir}/index.html is missing: build the book first (--target docs); skipped`);
  process.exit(77);
}
if (!chromium) {
  console.log('Chromium is not installed (sudo apt-get install chromium); skipped');
  process.exit(77);
}
const started = Date.now();

// The copy, in a folder of its own: what a reader gets when the folder is moved.
const work = mkdtempSync(join(tmpdir(), 'bpw-book-'));
const book = join(work, 'book');
cpSync(bookDir, book, { recursive: true, verbatimSymlinks: true });
const root = pathToFileURL(book).href + '/';
const pages = readdirSync(book).filter((f) => f.endsWith('.html')).sort()
  .concat(readdirSync(join(book, 'search')).filter((f) => f.endsWith('.html')).map((f) => 'search/' + f));
const carried = [];
(function walk(dir) {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p); else carried.push(relative(book, p));
  }
})(join(book, 'mathjax'));

// ---- Chromium over the DevTools protocol ------------------------------------
const profile = join(work, 'profile');
const browser = spawn(chromium, [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-extensions', '--disable-default-apps', '--mute-audio', '--hide-scrollbars',
  `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
let stderr = '';
browser.stderr.on('data', (d) => { stderr += d; });
const toBrowser = browser.stdio[3], fromBrowser = browser.stdio[4];
let nextId = 1, buffered = '';
const waiting = new Map(), listeners = [];
fromBrowser.on('data', (chunk) => {
  buffered += chunk.toString();
  let end;
  while ((end = buffered.indexOf('\0')) >= 0) {
    const message = JSON.parse(buffered.slice(0, end));
    buffered = buffered.slice(end + 1);
    if (message.id && waiting.has(message.id)) {
      const { resolve, reject, method } = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
    } else if (message.method) {
      for (const listener of listeners) listener(message);
    }
  }
});
function send(method, params = {}, sessionId = undefined) {
  const id = nextId++;
  toBrowser.write(JSON.stringify({ id, method, params, sessionId }) + '\0');
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject, method });
    setTimeout(() => { if (waiting.delete(id)) reject(new Error(`${method}: no answer in 30 s`)); }, 30000);
  });
}
function once(method, sessionId, timeout = 20000) {
  return new Promise((resolve, reject) => {
    const listener = (m) => {
      if (m.method === method && m.sessionId === sessionId) {
        listeners.splice(listeners.indexOf(listener), 1);
        resolve(m.params);
      }
    };
    listeners.push(listener);
    setTimeout(() => {
      const at = listeners.indexOf(listener);
      if (at >= 0) { listeners.splice(at, 1); reject(new Error(`no ${method} in ${timeout / 1000} s`)); }
    }, timeout);
  });
}

const problems = [];
const fail = (page, what) => problems.push(`${page}: ${what}`);
const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
const page = (method, params) => send(method, params, sessionId);
for (const domain of ['Page', 'Runtime', 'Network', 'Log']) await page(`${domain}.enable`);
await page('Emulation.setDeviceMetricsOverride', { width: 800, height: 900, deviceScaleFactor: 1, mobile: false });
// Before any script of the page: collect MathJax's own error messages.
await page('Page.addScriptToEvaluateOnNewDocument', { source: `
  window.__bpwMathErrors = [];
  window.MathJax = { AuthorInit: function () {
    for (const kind of ['TeX Jax - parse error', 'Math Processing Error', 'file load error'])
      MathJax.Hub.Register.MessageHook(kind, function (m) { window.__bpwMathErrors.push(String(m)); });
  } };` });

// What every page load asks for and says, sorted by the page being checked.
let current = null;
const requests = new Map();  // requestId → url
const used = new Set();       // files of the book that some page loaded
listeners.push((m) => {
  if (m.sessionId !== sessionId || !current) return;
  const p = m.params;
  if (m.method === 'Network.requestWillBeSent') {
    const url = p.request.url;
    requests.set(p.requestId, url);
    if (/^(data|about|blob|chrome-error):/.test(url)) return;
    if (!url.startsWith(root)) fail(current, `requests ${url}, outside the book's folder`);
    else used.add(decodeURIComponent(url.slice(root.length).split(/[?#]/)[0]));
  } else if (m.method === 'Network.loadingFailed') {
    if (!p.canceled) fail(current, `could not load ${requests.get(p.requestId)}: ${p.errorText}`);
  } else if (m.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert')) {
    fail(current, `console error: ${p.args.map((a) => a.value ?? a.description).join(' ')}`);
  } else if (m.method === 'Runtime.exceptionThrown') {
    const d = p.exceptionDetails;
    fail(current, `uncaught exception: ${d.exception?.description ?? d.text} at ${d.url}:${d.lineNumber}`);
  } else if (m.method === 'Log.entryAdded' && p.entry.level === 'error') {
    fail(current, `browser error: ${p.entry.text} ${p.entry.url ?? ''}`);
  }
});

// Run in each page once MathJax is done: everything the test needs to know.
const inspect = `(async () => {
  const until = (ms) => new Promise((r) => setTimeout(r, ms));
  if (window.MathJax && MathJax.Hub) {
    await Promise.race([new Promise((r) => MathJax.Hub.Register.StartupHook('End', r)), until(15000)]);
    await Promise.race([new Promise((r) => MathJax.Hub.Queue(r)), until(15000)]);
  }
  await Promise.all([...document.querySelectorAll('object')].map((o) =>
    Promise.race([new Promise((r) => { if (o.clientWidth > 0) r(); o.addEventListener('load', r); }), until(3000)])));
  const report = { raw: [], mathErrors: window.__bpwMathErrors || [], unrendered: 0, formulas: 0,
                   links: [], ids: [], images: [], scrolls: [], headings: [], toc: false, tall: false,
                   misaligned: [], glyphsOutside: 0, title: document.title };
  // Raw TeX in the text a reader sees (code and output blocks aside).
  const skip = 'script, style, pre, code, .fragment, textarea, .MathJax_SVG, .MathJax_SVG_Display, #MSearchBox';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const tex = /\\\\[()\\[\\]]|\\\\f[$\\[\\]]|\\$\\$|\\\\(frac|begin|end|tag|partial|delta|hat|sum|odot|top)\\b/;
  for (let n; (n = walker.nextNode());) {
    if (n.parentElement.closest(skip)) continue;
    const m = n.textContent.match(tex);
    if (m) report.raw.push(n.textContent.trim().slice(0, 80));
  }
  const scripts = document.querySelectorAll('script[type^="math/tex"]');
  report.formulas = scripts.length;
  for (const s of scripts) {
    const shown = s.previousElementSibling;
    const frame = shown && (shown.matches('.MathJax_SVG') ? shown : shown.querySelector('.MathJax_SVG'));
    if (!frame || !frame.querySelector('svg') || frame.querySelector('[data-mml-node="merror"], .merror'))
      report.unrendered++;
  }
  report.mathErrors.push(...[...document.querySelectorAll('.MathJax_Error, [data-mjx-error]')].map((e) => e.textContent));
  for (const a of document.querySelectorAll('a[href]')) report.links.push(a.href);
  for (const e of document.querySelectorAll('[id]')) report.ids.push(e.id);
  for (const e of document.querySelectorAll('a[name]')) report.ids.push(e.name);
  for (const img of document.querySelectorAll('img'))
    if (!(img.complete && img.naturalWidth > 0) && img.offsetParent !== null) report.images.push('img ' + img.getAttribute('src'));
  for (const o of document.querySelectorAll('object')) {
    const r = o.getBoundingClientRect();
    if (r.width < 50 || r.height < 50) report.images.push('object ' + o.getAttribute('data') + ' is ' + r.width + '×' + r.height);
  }
  // Sideways scrolling: the page itself never; a block inside it only if it is
  // code, output, a table or a formula.
  const allowed = 'pre, div.fragment, table, .MathJax_SVG_Display, #nav-tree, #side-nav, .memproto';
  const page = document.scrollingElement;
  if (page.scrollWidth > innerWidth + 1) report.scrolls.push('the whole page is ' + page.scrollWidth + ' px wide');
  for (const e of document.querySelectorAll('body *')) {
    if (e.scrollWidth <= e.clientWidth + 1 || e.clientWidth === 0) continue;
    const overflow = getComputedStyle(e).overflowX;
    if (!['auto', 'scroll'].includes(overflow)) continue;  // it does not scroll
    if (!e.matches(allowed)) report.scrolls.push((e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + e.className) +
                                                 ' scrolls sideways (' + e.scrollWidth + ' > ' + e.clientWidth + ')');
  }
  // Headings smaller than the title; a table of contents on a long page.
  const title = document.querySelector('div.header .title');
  const size = (e) => parseFloat(getComputedStyle(e).fontSize);
  if (title) for (const h of document.querySelectorAll('div.contents h1, div.contents h2, div.contents h3'))
    if (size(h) >= size(title)) report.headings.push(h.tagName + ' "' + h.textContent.trim() + '" ' + size(h) + ' px ≥ title ' + size(title) + ' px');
  const content = document.getElementById('doc-content') || page;
  report.tall = content.scrollHeight > 3 * content.clientHeight;
  report.toc = !!document.querySelector('div.toc');
  // Every line of a code or output block as wide as its characters: one cell each.
  for (const block of document.querySelectorAll('pre.fragment, div.fragment')) {
    const probe = document.createElement('span');
    probe.textContent = '0'.repeat(40);
    const lines = block.matches('pre') ? block.innerHTML.split('\\n') : [...block.querySelectorAll('div.line')].map((l) => l.innerHTML);
    const host = block.matches('pre') ? block : block.querySelector('div.line');
    if (!host) continue;
    host.appendChild(probe);
    const cell = probe.getBoundingClientRect().width / 40;
    probe.remove();
    const holder = document.createElement('span');
    holder.style.cssText = 'position:absolute; left:0; top:0; visibility:hidden; white-space:pre; font:inherit';
    host.appendChild(holder);
    for (const html of lines) {
      const span = document.createElement('span');
      span.innerHTML = html;
      for (const n of span.querySelectorAll('.lineno, a[name]')) n.remove();
      holder.appendChild(span);
      const text = span.textContent;
      let cells = 0;
      for (const ch of text) if (!/[\\u0300-\\u036f]/.test(ch)) cells++;
      const outside = [...span.childNodes].some(function hasRaw(n) {
        if (n.nodeType === 3) return /[^\\x00-\\x7f]/.test(n.textContent) && !n.parentElement.matches('span.g');
        return n.matches && !n.matches('span.g') && [...n.childNodes].some(hasRaw);
      });
      if (outside) report.glyphsOutside++;
      const width = span.getBoundingClientRect().width;
      if (Math.abs(width - cells * cell) > 1.5 && text.trim()) report.misaligned.push(text.slice(0, 60) + ' (' + width.toFixed(1) + ' px, not ' + (cells * cell).toFixed(1) + ')');
      span.remove();
    }
    holder.remove();
  }
  return JSON.stringify(report);
})()`;

const ids = new Map();  // page → its ids
const linksFrom = new Map();
const shots = { 'index.html': 'book-main-page.png', 'ch03_output_delta.html': 'book-chapter-3.png',
                'ch08_training.html': 'book-chapter-8-plots.png' };
mkdirSync(shotDir, { recursive: true });
for (const name of pages) {
  current = name;
  const loaded = once('Page.loadEventFired', sessionId);
  await page('Page.navigate', { url: root + name });
  try { await loaded; } catch (e) { fail(name, e.message); continue; }
  const { result } = await page('Runtime.evaluate', { expression: inspect, awaitPromise: true, returnByValue: true });
  const r = JSON.parse(result.value);
  if (r.raw.length) fail(name, `raw TeX in the text: ${r.raw.slice(0, 3).join(' | ')}`);
  if (r.unrendered) fail(name, `${r.unrendered} of ${r.formulas} formulas are not typeset`);
  for (const e of r.mathErrors) fail(name, `MathJax: ${e}`);
  for (const i of r.images) fail(name, `does not load: ${i}`);
  for (const s of r.scrolls) fail(name, `at 800 px ${s}`);
  for (const h of r.headings) fail(name, `heading larger than the title: ${h}`);
  if (r.tall && !r.toc && !name.startsWith('search/') && !/^(pages|dir_)/.test(name)) fail(name, 'is more than three screens long and has no table of contents');
  for (const m of r.misaligned.slice(0, 3)) fail(name, `a line of a code or output block is not one cell per character: ${m}`);
  if (r.glyphsOutside) fail(name, `${r.glyphsOutside} lines hold a symbol outside ASCII that is not set one cell wide`);
  // Search, as a reader types into the box: results from the book's own index.
  if (name === 'index.html') {
    const { result: found } = await page('Runtime.evaluate', { awaitPromise: true, returnByValue: true, expression: `(async () => {
      const field = document.getElementById('MSearchField');
      if (!field || !window.searchBox) return 'no search box';
      field.value = 'delta';
      searchBox.Search();
      await new Promise((r) => setTimeout(r, 800));
      const shown = document.getElementById('MSearchResultsWindow');
      return shown && getComputedStyle(shown).display === 'block' ? 'shown' : 'no results window for "delta"';
    })()` });
    if (found.value !== 'shown') fail(name, `search: ${found.value}`);
  }
  ids.set(name, new Set(r.ids));
  linksFrom.set(name, r.links);
  if (shots[name]) {
    await page('Emulation.setDeviceMetricsOverride', { width: 1280, height: 1000, deviceScaleFactor: 1, mobile: false });
    await new Promise((r) => setTimeout(r, 300));
    const { data } = await page('Page.captureScreenshot', { format: 'png' });
    writeFileSync(join(shotDir, shots[name]), Buffer.from(data, 'base64'));
    await page('Emulation.setDeviceMetricsOverride', { width: 800, height: 900, deviceScaleFactor: 1, mobile: false });
  }
  // MathJax's menu, which a right click on a formula opens, loads its own
  // files on demand: open it once, so that they are checked like the rest.
  if (name === 'ch03_output_delta.html') {
    const { result: menu } = await page('Runtime.evaluate', { awaitPromise: true, returnByValue: true, expression: `(async () => {
      const formula = document.querySelector('.MathJax_SVG');
      if (!formula) return 'no formula to right-click';
      const at = formula.getBoundingClientRect();
      formula.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2,
                                                            clientX: at.left + 2, clientY: at.top + 2 }));
      for (let i = 0; i < 50 && !document.getElementById('MathJax_MenuFrame'); i++) await new Promise((r) => setTimeout(r, 100));
      return document.getElementById('MathJax_MenuFrame') ? 'open' : 'the menu did not open';
    })()` });
    if (menu.value !== 'open') fail(name, `MathJax's menu on a right click: ${menu.value}`);
  }
}
current = null;

// Every internal link to a file that exists, and to an anchor that its page has.
let checkedLinks = 0;
for (const [from, links] of linksFrom) {
  for (const href of links) {
    if (!href.startsWith('file:')) continue;
    if (!href.startsWith(root)) { fail(from, `links outside the book: ${href}`); continue; }
    const [path, anchor] = href.slice(root.length).split('#');
    const file = decodeURIComponent(path.split('?')[0]) || 'index.html';
    checkedLinks++;
    if (!existsSync(join(book, file))) { fail(from, `links to ${file}, which the book does not have`); continue; }
    if (anchor && ids.has(file) && !ids.get(file).has(decodeURIComponent(anchor)))
      fail(from, `links to ${file}#${anchor}, an anchor that page does not have`);
  }
}
// The MathJax files the book carries are the ones its pages use.
for (const file of carried)
  if (!used.has(file)) problems.push(`${file} is carried but no page loads it: take it out of docs/mathjax_files.txt`);

browser.kill();
await new Promise((r) => browser.once('exit', r));
rmSync(work, { recursive: true, force: true });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (process.env.BPW_LIST_MATHJAX) console.log([...used].filter((f) => f.startsWith('mathjax/')).sort().join('\n'));
if (problems.length) {
  console.log(problems.join('\n'));
  console.log(`\n${problems.length} problems in ${pages.length} pages (${seconds} s)`);
  process.exit(1);
}
console.log(`${pages.length} pages opened in Chromium from a copy of the book, offline: every formula typeset, ` +
            `${checkedLinks} internal links resolved, nothing loaded from outside the folder, ` +
            `${carried.length} MathJax files all used (${seconds} s). Screenshots: ` +
            Object.values(shots).map((s) => join(shotDir, s)).join(', '));
