// The trace player (--format html) in Debian's headless Chromium, driven over
// its DevTools protocol on a pipe (--remote-debugging-pipe): nothing but Node
// and Chromium is needed. Every chapter writes its page under every preset into
// a temporary folder that holds only the pages and the MathJax files the book
// carries; beside each page the chapter's own JSON trace (--format json) is the
// reference. For every page the test
//   - counts the drawing: one element per unit and per weight (biases too); a
//     layer of more than 12 units is drawn as its first and last three units
//     and a strip whose data-count says how many units it stands for, and the
//     weights of a strip's units are one bundle element with its data-count; a
//     network of more than 8 layers is drawn as its first and last three layers
//     around a gap whose data-units and data-weights count the rest: drawn
//     elements plus those counts must equal the network's units and weights;
//   - presses Home, then → through every step, and at each asserts that the
//     page shows the step the JSON trace has at that place, that the elements
//     lit as its result and as its operands are exactly the record's matrix
//     m<n> and its operands' m<ref>, on the drawing exactly the units, weights,
//     biases or cost those records stand on (for a chain record, exactly the
//     elements of its factors), and that → at the end, ←, End and space do
//     what they say;
//   - clicks a number of the result and a number on the drawing and reads the
//     equation, the full-precision value and the source line they show;
//   - sees the current equation typeset by MathJax, no console error, no
//     request outside the page's folder, nothing that fails to load.
// A run that refuses a preset must be listed in `refusals` below, and give one
// line and exit status 2 and write no page (since chapter 10 takes each
// preset's own split into training and held-out samples, the list is empty). A
// 784-16-10 network (a Fashion-MNIST-sized input layer), a 10-layer network and
// the chains of four weights (--weight) are played too. Screenshots of three
// steps of chapter 4 (δ⁽³⁾, ∂J/∂a⁽²⁾ = δ⁽³⁾ (W⁽²⁾)ᵀ, δ⁽²⁾), of the wide network
// and of a hidden weight's chain go
// to SHOT_DIR.
//
//   node player_test.mjs BIN_DIR MATHJAX_DIR MATHJAX_MANIFEST SHOT_DIR
// Exit 0 when all holds, 1 with the list of what does not, 77 (skipped)
// without Chromium or MathJax.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync,
         writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expectedDrawing, expectedStep, stepsOf, unitCounts } from './expected.mjs';

const [bin, mathjaxDir, manifest, shotDir] = process.argv.slice(2);
if (!bin || !mathjaxDir || !manifest || !shotDir) {
  console.error('usage: node player_test.mjs BIN_DIR MATHJAX_DIR MATHJAX_MANIFEST SHOT_DIR');
  process.exit(2);
}
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
if (!chromium) { console.log('Chromium is not installed (sudo apt-get install chromium); skipped'); process.exit(77); }
if (!existsSync(join(mathjaxDir, 'MathJax.js'))) {
  console.log(`${mathjaxDir}/MathJax.js is missing (sudo apt-get install libjs-mathjax); skipped`);
  process.exit(77);
}
const started = Date.now();
const problems = [];
let assertions = 0;
const check = (ok, what) => { assertions++; if (!ok) problems.push(what); return ok; };

// ---- The pages, in a folder of their own --------------------------------------
const work = mkdtempSync(join(tmpdir(), 'bpw-player-'));
const folder = join(work, 'pages');
for (const line of readFileSync(manifest, 'utf8').split('\n')) {
  const file = line.trim();
  if (!file || file.startsWith('#')) continue;
  mkdirSync(dirname(join(folder, 'mathjax', file)), { recursive: true });
  copyFileSync(join(mathjaxDir, file), join(folder, 'mathjax', file));
}
const run = (program, args) => spawnSync(join(bin, program), args, { encoding: 'utf8', maxBuffer: 1 << 28 });
const chapters = readdirSync(bin).filter((f) => /^ch\d\d_/.test(f)).sort();
const presets = ['sleep-study', 'logistic', 'moons', 'columns', 'linear-errors', 'mazur'];
// The chapter runs a preset refuses, each in one line with exit status 2: none
// since chapter 10 takes each preset's own split into training and held-out samples.
const refusals = [];
const pages = [];  // { name, file, trace: the JSON records }
function makePage(name, program, args) {
  const file = join(folder, name + '.html');
  const page = run(program, [...args, '--format', 'html', '--output', file]);
  const json = run(program, [...args, '--format', 'json']);
  if (!check(page.status === 0 && json.status === 0, `${name}: exit status ${page.status} (html), ${json.status} (json): ${page.stderr}${json.stderr}`)) return;
  check(page.stdout === '', `${name}: --output FILE still writes to the standard output`);
  pages.push({ name, file, trace: json.stdout.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)) });
}
// BPW_PLAYER_ONLY=REGEX plays only the pages whose names match (while working on the player).
const only = new RegExp(process.env.BPW_PLAYER_ONLY || '');
for (const program of chapters) {
  for (const preset of presets) {
    const name = `${program}.${preset}`;
    if (!only.test(name)) continue;
    if (refusals.includes(name)) {
      const r = run(program, ['--preset', preset, '--format', 'html', '--output', join(folder, name + '.html')]);
      check(r.status === 2 && r.stderr.split('\n').length === 2, `${name}: expected a refusal in one line with exit status 2, got ${r.status}: ${r.stderr}`);
      check(!existsSync(join(folder, name + '.html')), `${name}: a refused run left ${name}.html behind`);
      continue;
    }
    makePage(name, program, ['--preset', preset]);
  }
}
check(chapters.length === 10, `${chapters.length} chapter programs in ${bin}, expected 10`);

// A 784-16-10 network on two samples, and a network of ten layers.
function writeNetwork(name, sizes, withBias) {
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5);
  const layers = sizes.slice(1).map((n, k) => {
    const layer = { W: Array.from({ length: sizes[k] }, () => Array.from({ length: n }, () => +random().toFixed(3))),
                    activation: k === sizes.length - 2 ? 'sigmoid' : 'tanh' };
    if (withBias) layer.b = Array.from({ length: n }, () => +random().toFixed(3));
    return layer;
  });
  const X = [0, 1].map(() => Array.from({ length: sizes[0] }, () => +(random() + 0.5).toFixed(3)));
  const y = [0, 1].map((m) => Array.from({ length: sizes.at(-1) }, (_, k) => (k === m ? 1 : 0)));
  writeFileSync(join(work, name + '.network.json'), JSON.stringify({ cost: 'sse', layers }));
  writeFileSync(join(work, name + '.data.json'), JSON.stringify({ X, y }));
  return ['--network', join(work, name + '.network.json'), '--data', join(work, name + '.data.json')];
}
if (only.test('wide')) makePage('wide', 'ch01_forward_pass', writeNetwork('wide', [784, 16, 10], true));
if (only.test('deep')) makePage('deep', 'ch04_hidden_delta', writeNetwork('deep', [2, 3, 3, 3, 3, 3, 3, 3, 3, 1], false));

// The chain of one weight (--weight): the last layer's, a hidden layer's (its
// factor a sum over the next layer), after a step, and with samples as columns.
for (const [name, program, args] of [['chain', 'ch05_gradients', ['--weight', 'W2[1,1]']],
                                     ['chain-hidden', 'ch05_gradients', ['--weight', 'W1[1,2]']],
                                     ['chain-step', 'ch06_update', ['--weight', 'W2[1,1]']],
                                     ['chain-columns', 'ch05_gradients', ['--preset', 'columns', '--weight', 'W1[2,1]']]]) {
  if (!only.test(name)) continue;
  makePage(name, program, args);
  check(pages.at(-1)?.name === name && pages.at(-1).trace.some((r) => r.kind === 'chain'),
        `${program} ${args.join(' ')} writes no chain record`);
}

check(pages.length > 0, `no page matches BPW_PLAYER_ONLY=${process.env.BPW_PLAYER_ONLY}`);

// ---- Chromium over the DevTools protocol -------------------------------------------
const browser = spawn(chromium, [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-extensions', '--disable-default-apps', '--mute-audio', '--hide-scrollbars',
  `--user-data-dir=${join(work, 'profile')}`, '--remote-debugging-pipe', 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
browser.stderr.on('data', () => {});
const toBrowser = browser.stdio[3], fromBrowser = browser.stdio[4];
let nextId = 1, buffered = '';
const waiting = new Map(), listeners = [];
fromBrowser.on('data', (chunk) => {
  buffered += chunk.toString();
  for (let end; (end = buffered.indexOf('\0')) >= 0;) {
    const message = JSON.parse(buffered.slice(0, end));
    buffered = buffered.slice(end + 1);
    const pending = waiting.get(message.id);
    if (pending) {
      waiting.delete(message.id);
      if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}`));
      else pending.resolve(message.result);
    } else if (message.method) {
      for (const listener of [...listeners]) listener(message);
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
const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
const tab = (method, params) => send(method, params, sessionId);
for (const domain of ['Page', 'Runtime', 'Network', 'Log']) await tab(`${domain}.enable`);
await tab('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false });
await tab('Emulation.setFocusEmulationEnabled', { enabled: true });
await tab('Page.addScriptToEvaluateOnNewDocument', { source: `
  window.__mathErrors = [];
  window.MathJax = { AuthorInit: function () {
    for (const kind of ['TeX Jax - parse error', 'Math Processing Error', 'file load error'])
      MathJax.Hub.Register.MessageHook(kind, function (m) { window.__mathErrors.push(String(m)); });
  } };` });

let current = null;
const root = pathToFileURL(folder).href + '/';
const urls = new Map();
listeners.push((m) => {
  if (m.sessionId !== sessionId || !current) return;
  const p = m.params;
  if (m.method === 'Network.requestWillBeSent') {
    urls.set(p.requestId, p.request.url);
    if (!/^(data|about|blob):/.test(p.request.url))
      check(p.request.url.startsWith(root), `${current}: requests ${p.request.url}, outside the page's folder`);
  } else if (m.method === 'Network.loadingFailed' && !p.canceled) {
    check(false, `${current}: could not load ${urls.get(p.requestId)}: ${p.errorText}`);
  } else if (m.method === 'Runtime.consoleAPICalled' && ['error', 'assert', 'warning'].includes(p.type)) {
    check(false, `${current}: console ${p.type}: ${p.args.map((a) => a.value ?? a.description).join(' ')}`);
  } else if (m.method === 'Runtime.exceptionThrown') {
    check(false, `${current}: uncaught exception: ${p.exceptionDetails.exception?.description ?? p.exceptionDetails.text}`);
  } else if (m.method === 'Log.entryAdded' && p.entry.level === 'error') {
    check(false, `${current}: browser error: ${p.entry.text} ${p.entry.url ?? ''}`);
  }
});
function loaded() {
  return new Promise((resolve, reject) => {
    const listener = (m) => {
      if (m.method !== 'Page.loadEventFired' || m.sessionId !== sessionId) return;
      listeners.splice(listeners.indexOf(listener), 1);
      resolve();
    };
    listeners.push(listener);
    setTimeout(() => reject(new Error('no load event in 20 s')), 20000);
  });
}
async function evaluate(expression) {
  const { result, exceptionDetails } = await tab('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error(`${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}
const codes = { ArrowRight: 39, ArrowLeft: 37, Home: 36, End: 35, ' ': 32, Escape: 27 };
async function press(key) {
  const event = { key, code: key === ' ' ? 'Space' : key, windowsVirtualKeyCode: codes[key] };
  await tab('Input.dispatchKeyEvent', { type: 'keyDown', ...event, ...(key === ' ' ? { text: ' ' } : {}) });
  await tab('Input.dispatchKeyEvent', { type: 'keyUp', ...event });
}
async function click(selector) {
  const at = await evaluate(`(() => { const e = document.querySelector(${JSON.stringify(selector)});
    if (!e) return null; const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`);
  if (!at) return false;
  for (const type of ['mousePressed', 'mouseReleased'])
    await tab('Input.dispatchMouseEvent', { type, x: at[0], y: at[1], button: 'left', clickCount: 1 });
  return true;
}
const mathDone = `(async () => {
  const until = (ms) => new Promise((r) => setTimeout(r, ms));
  for (let i = 0; i < 100 && !(window.MathJax && MathJax.Hub && MathJax.Hub.queue); i++) await until(50);
  if (!(window.MathJax && MathJax.Hub)) return 'MathJax did not load';
  await Promise.race([new Promise((r) => MathJax.Hub.Register.StartupHook('End', r)), until(15000)]);
  await Promise.race([new Promise((r) => MathJax.Hub.Queue(r)), until(15000)]);
  return 'done';
})()`;
// The current equation typeset: the player typesets it once the steps stop
// changing for a moment.
const typesetNow = `(async () => {
  const m = document.querySelector('#stage .math');
  for (let i = 0; m && i < 200 && !m.classList.contains('typeset'); i++) await new Promise((r) => setTimeout(r, 50));
  return !m || (m.classList.contains('typeset') && !!m.querySelector('.MathJax_SVG svg'));
})()`;
const shown = `(() => {
  const ids = (cls, within) => [...document.querySelectorAll(within + ' .' + cls)].map((e) => e.id).filter(Boolean).sort();
  const player = document.getElementById('player');
  return { step: player.dataset.step, counter: document.getElementById('counter').textContent,
           result: ids('lit-result', '#stage'), operands: ids('lit-operand', '#stage'),
           drawnResult: ids('lit-result', '#net'), drawnOperands: ids('lit-operand', '#net'),
           chain: ids('lit-chain', '#net'), playing: player.dataset.playing };
})()`;
const same = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

// ---- Each page -------------------------------------------------------------------------
mkdirSync(shotDir, { recursive: true });
const shots = [];
let stepsPlayed = 0;
for (const page of pages) {
  current = page.name;
  const done = loaded();
  await tab('Page.navigate', { url: root + page.name + '.html' });
  try { await done; } catch (e) { check(false, `${page.name}: ${e.message}`); continue; }
  check(await evaluate(mathDone) === 'done', `${page.name}: MathJax did not start`);
  await checkDrawing(page);
  await playEveryStep(page);
  await clickNumbers(page);
  const errors = await evaluate('window.__mathErrors');
  check(errors.length === 0, `${page.name}: MathJax: ${errors.join(' | ')}`);
}
if (pages.some((p) => p.name === 'ch04_hidden_delta.sleep-study')) await keysThatPlay('ch04_hidden_delta.sleep-study');
current = null;

async function checkDrawing(page) {
  const net = page.trace.find((r) => r.kind === 'network');
  const want = expectedDrawing(net);
  const got = await evaluate(`(() => {
    const count = (selector, key) => [...document.querySelectorAll('#net ' + selector)]
      .reduce((s, e) => s + Number(e.dataset[key] || 0), 0);
    return { units: [...document.querySelectorAll('#net .unit')].map((e) => e.id),
             weights: [...document.querySelectorAll('#net .weight, #net .bias')].map((e) => e.id),
             unitsInStrips: count('.strip:not(.gap)', 'count') + count('.gap', 'units'),
             weightsInBundles: count('.bundle', 'count') + count('.gap', 'weights'),
             note: document.getElementById('drawing-note').textContent };
  })()`);
  const { units, weights } = unitCounts(net);
  check(same(got.units, want.units), `${page.name}: the drawing has units ${got.units.join(' ')}, expected ${want.units.join(' ')}`);
  check(same(got.weights, want.weights), `${page.name}: the drawing has weights ${got.weights.length}, expected ${want.weights.length}`);
  check(got.units.length + got.unitsInStrips === units,
        `${page.name}: ${got.units.length} units drawn and ${got.unitsInStrips} in strips, but the network has ${units}`);
  check(got.weights.length + got.weightsInBundles === weights,
        `${page.name}: ${got.weights.length} weights drawn and ${got.weightsInBundles} in bundles, but the network has ${weights}`);
  if (want.collapsed) check(/strip|not drawn/.test(got.note), `${page.name}: a collapsed drawing without a note: "${got.note}"`);
}

async function playEveryStep(page) {
  const steps = stepsOf(page.trace);
  const net = page.trace.find((r) => r.kind === 'network');
  await press('Home');
  for (let i = 0; i < steps.length; i++) {
    const s = await evaluate(shown), want = expectedStep(page.trace, net, steps[i], settingsOf(page));
    stepsPlayed++;
    const where = `${page.name} step ${i + 1} (${steps[i].id})`;
    if (!check(s.step === steps[i].id, `${where}: the page shows ${s.step}`)) break;
    check(s.counter === `step ${i + 1} of ${steps.length}`, `${where}: the counter reads "${s.counter}"`);
    check(same(s.result, want.result), `${where}: lit as result in the matrices ${s.result}, expected ${want.result}`);
    check(same(s.operands, want.operands), `${where}: lit as operands in the matrices ${s.operands}, expected ${want.operands}`);
    check(same(s.drawnResult, want.drawnResult), `${where}: lit as result on the drawing ${s.drawnResult}, expected ${want.drawnResult}`);
    check(same(s.drawnOperands, want.drawnOperands), `${where}: lit as operands on the drawing ${s.drawnOperands}, expected ${want.drawnOperands}`);
    check(same(s.chain, want.chain), `${where}: lit as the chain ${s.chain}, expected ${want.chain}`);
    if (shotAt(page, steps[i])) await screenshot(`player-${page.name}-${steps[i].id}.png`);
    if (i + 1 < steps.length) await press('ArrowRight');
  }
  const last = steps.at(-1).id;
  await press('ArrowRight');
  check((await evaluate(shown)).step === last, `${page.name}: → after the last step leaves it`);
  if (steps.length > 1) {
    await press('ArrowLeft');
    check((await evaluate(shown)).step === steps.at(-2).id, `${page.name}: ← from the last step does not go back one`);
    await press('End');
    check((await evaluate(shown)).step === last, `${page.name}: End does not go to the last step`);
  }
  check(await evaluate(typesetNow), `${page.name}: the last step's equation is not typeset`);
}
function settingsOf(page) {
  return JSON.parse(readFileSync(page.file, 'utf8')
    .match(/<script type="application\/json" id="settings">([\s\S]*?)<\/script>/)[1]);
}

// A number of the result and a number on the drawing: each shows its value at
// full precision, its equation and the line that computed it.
async function clickNumbers(page) {
  const steps = stepsOf(page.trace), step = steps.findLast((s) => s.kind === 'matrix');
  if (!step) return;
  const index = steps.indexOf(step);
  await press('Home');
  for (let k = 0; k < index; k++) await press('ArrowRight');
  const r = step.record;
  await click(`#m${r.n}_1_1`);
  const detail = await evaluate(`[...document.querySelectorAll('#detail p')].map((p) => p.textContent).concat(document.getElementById('detail').hidden)`);
  check(detail[1] === String(r.value[0][0]) && detail[2].endsWith(r.text) &&
        detail[3] === (r.source ? 'computed at ' + r.source : 'given: no line of code computes it') && detail[4] === false,
        `${page.name}: clicking ${r.symbol}[1,1] shows "${detail.join(' | ')}"`);
  await press('Escape');
  const target = await evaluate(`(() => { const t = document.querySelector('#net .values text');
    return t ? { n: +t.dataset.n, row: +t.dataset.row, col: +t.dataset.col } : null; })()`);
  if (!check(target !== null, `${page.name}: no number on the drawing at step ${step.id}`)) return;
  await click('#net .values text');
  const drawn = page.trace.find((x) => x.kind === 'matrix' && x.n === target.n);
  const shownValue = await evaluate(`document.querySelector('#detail .value').textContent`);
  check(shownValue === String(drawn.value[target.row - 1][target.col - 1]),
        `${page.name}: clicking ${drawn.symbol}[${target.row},${target.col}] on the drawing shows ${shownValue}`);
  await press('Escape');
}

// Space plays (one step a second and a half) and pauses; at the end it stops.
async function keysThatPlay(name) {
  current = name;
  const done = loaded();
  await tab('Page.navigate', { url: root + name + '.html' });
  await done;
  await press('Home');
  await press(' ');
  await new Promise((r) => setTimeout(r, 1800));
  let s = await evaluate(shown);
  check(s.playing === 'yes' && s.counter === 'step 2 of ' + s.counter.split(' of ')[1], `${name}: space does not play (${s.counter})`);
  await press(' ');
  const paused = (await evaluate(shown)).counter;
  await new Promise((r) => setTimeout(r, 1800));
  s = await evaluate(shown);
  check(s.playing === 'no' && s.counter === paused, `${name}: space does not pause (${paused}, then ${s.counter})`);
}

function shotAt(page, step) {
  if (page.name === 'ch04_hidden_delta.sleep-study')
    return ['δ⁽³⁾', '∂J/∂a⁽²⁾', 'δ⁽²⁾'].includes(step.record.symbol) && step.kind === 'matrix';
  if (page.name === 'wide') return step.record.symbol === 'z⁽²⁾';
  return page.name === 'chain-hidden' && step.kind === 'chain';
}
async function screenshot(file) {
  check(await evaluate(typesetNow), `${file}: the equation is not typeset`);
  const { data } = await tab('Page.captureScreenshot', { format: 'png' });
  writeFileSync(join(shotDir, file), Buffer.from(data, 'base64'));
  shots.push(join(shotDir, file));
}

browser.kill();
await new Promise((r) => browser.once('exit', r));
rmSync(work, { recursive: true, force: true });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const summary = `${pages.length} pages, ${stepsPlayed} steps, ${assertions} assertions, ${refusals.length} refusals, ` +
                `${shots.length} screenshots in ${shotDir} (${seconds} s)`;
if (problems.length) {
  console.log(problems.slice(0, 60).join('\n'));
  console.log(`\n${problems.length} problems; ${summary}`);
  process.exit(1);
}
console.log(`the player: ${summary}`);
for (const s of shots) console.log('  ' + s);
