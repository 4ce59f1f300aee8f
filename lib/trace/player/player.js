// The trace player: the page --format html writes holds a chapter's JSON trace
// (docs/json.md) and this script, which draws the network as SVG and steps
// through the trace one record at a time.
//
//   → next step   ← step back   space play / pause   Home, End first, last step
//
// A step is a matrix record (an equation, or a given quantity), a table or a
// chain record. The current step lights its result and its operands, in the
// matrices (each record's table has the id m<n>, its cells m<n>_<row>_<col>)
// and on the drawing (units u<l>_<j>, weights w<l>_<i>_<j> from unit i of layer
// l to unit j of layer l + 1, biases b<l>_<j>, the cost "cost"). A layer of more
// than a dozen units is drawn as its first and last three units and a strip
// u<l>_more standing for the rest (w<l>_more, b<l>_more for their weights); a
// network of more than eight layers is drawn as its first and last three layers
// and a gap standing for the layers between. Clicking a number shows its
// equation, its value at full precision and the line of code that computed it.
(function () {
  'use strict';

  const settings = JSON.parse(document.getElementById('settings').textContent);
  const records = document.getElementById('trace').textContent.split('\n')
    .filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
  const columns = settings.layout === 'columns';
  const network = records.find((r) => r.kind === 'network') ||
                  { sizes: [], activations: [], biases: [], cost: '' };
  const sizes = network.sizes;
  const L = sizes.length;
  const byN = new Map();
  const svgNS = 'http://www.w3.org/2000/svg';
  const player = document.getElementById('player');
  const state = { step: 0, sample: 1, playing: null };

  // ---- Small helpers ----------------------------------------------------------
  function element(tag, attributes, text) {
    const e = tag.startsWith('svg:') ? document.createElementNS(svgNS, tag.slice(4))
                                     : document.createElement(tag);
    for (const [k, v] of Object.entries(attributes || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function number(v) {
    if (v === null || v === undefined) return 'NaN';
    const a = Math.abs(v), p = settings.precision;
    const s = a !== 0 && (a >= 1e6 || a < Math.pow(10, -p)) ? v.toExponential(Math.max(1, p - 1))
                                                             : v.toFixed(p);
    return s.replace('-', '−');
  }
  const fullPrecision = (v) => (v === null ? 'NaN or infinite' : String(v));
  const bare = (symbol) => symbol.replace(/⁽[^⁾]*⁾/g, '');  // "∂J/∂W⁽²⁾" → "∂J/∂W"
  const label = (r) => (r.eq ? '(' + r.eq + ')' : 'given');

  // ---- The steps ------------------------------------------------------------------
  // Notes belong to the step after them (the last step keeps the ones after
  // it), checks to the step before them.
  function buildSteps() {
    const steps = [];
    let notes = [], tables = 0, chains = 0, sampleCount = 1;
    const skipFirstNote = records.filter((r) => r.kind === 'note').length > 0;
    let firstNoteSeen = false;
    for (const r of records) {
      let step = null;
      if (r.kind === 'matrix') {
        if (r.id === 'X') sampleCount = columns ? r.shape[1] : r.shape[0];
        r.samples = sampleCount;
        byN.set(r.n, r);
        step = { kind: 'matrix', id: 'm' + r.n, record: r };
      } else if (r.kind === 'table') {
        step = { kind: 'table', id: 't' + ++tables, record: r };
      } else if (r.kind === 'chain') {
        step = { kind: 'chain', id: 'c' + ++chains, record: r };
      } else if (r.kind === 'note') {
        if (skipFirstNote && !firstNoteSeen) firstNoteSeen = true;
        else notes.push(r.text);
      } else if (r.kind === 'tip') {
        notes.push(r.text);  // a tip reads as a note; its command is in the text
      } else if (r.kind === 'check' && steps.length) {
        steps[steps.length - 1].checks.push(r);
      }
      if (step) {
        step.notes = notes;
        step.checks = [];
        notes = [];
        steps.push(step);
      }
    }
    if (steps.length && notes.length) steps[steps.length - 1].after = notes;
    return steps;
  }
  const steps = buildSteps();

  // ---- Where a record stands on the drawing ---------------------------------------
  // The units of layer l hold a matrix with one column per unit (one row per
  // unit with samples as columns); the weights W⁽ˡ⁾ and everything named after
  // them (∂J/∂W⁽ˡ⁾, ΔW⁽ˡ⁾, n(W⁽ˡ⁾)) stand on the edges, b⁽ˡ⁾ and its kin on the
  // bias edges, J and its kin on the cost.
  const shown = (rows, cols) => (columns ? [cols, rows] : [rows, cols]);
  const sameShape = (a, b) => a[0] === b[0] && a[1] === b[1];
  function placeOf(r) {
    if (!r || r.kind !== 'matrix') return null;
    const l = r.layer;
    if (/^J/.test(r.symbol)) return { kind: 'cost', key: 'cost' };
    if (/W⁽/.test(r.symbol) && l >= 1 && l < L && sameShape(r.shape, shown(sizes[l - 1], sizes[l])))
      return { kind: 'weights', layer: l, key: 'w' + l };
    if (/b⁽/.test(r.symbol) && l >= 1 && l < L && sameShape(r.shape, shown(1, sizes[l])))
      return { kind: 'biases', layer: l, key: 'b' + l };
    const [samples, units] = columns ? [r.shape[1], r.shape[0]] : r.shape;
    if (l >= 1 && l <= L && units === sizes[l - 1] && samples === r.samples)
      return { kind: 'units', layer: l, key: 'u' + l };
    return null;
  }
  // The row and column (from 0) of one number of a placed record: unit j of
  // sample m, or the weight from unit i to unit j.
  function cellOf(place, m, i, j) {
    if (place.kind === 'units') return columns ? [j, m] : [m, j];
    if (place.kind === 'weights') return columns ? [j, i] : [i, j];
    if (place.kind === 'biases') return columns ? [j, 0] : [0, j];
    return columns ? [0, m] : [m, 0];  // the cost: J, or Jₘ of sample m
  }

  // ---- The drawing --------------------------------------------------------------
  const most = 12, keep = 3, deepest = 8;
  // The units drawn of a layer: all of them, or the first and last three and "more".
  function unitsDrawn(n) {
    if (n <= most) return Array.from({ length: n }, (_, k) => k + 1);
    return [1, 2, 3, 'more', n - 2, n - 1, n];
  }
  // The layers drawn: all, or the first and last three around a gap.
  function layersDrawn() {
    const all = Array.from({ length: L }, (_, k) => k + 1);
    return L <= deepest ? all : [1, 2, 3, 'gap', L - 2, L - 1, L];
  }
  const geometry = { column: 170, slot: 100, radius: 22, top: 56, cost: 120 };
  const positions = new Map();  // "u<l>_<j>" → [x, y]
  const drawnLayers = new Set();
  let drawingNote = '';

  function drawNetwork() {
    const layers = layersDrawn();
    const slots = Math.max(1, ...layers.map((l) => (l === 'gap' ? 1 : unitsDrawn(sizes[l - 1]).length)));
    const height = geometry.top + slots * geometry.slot + 20;
    const width = layers.length * geometry.column + geometry.cost;
    const svg = element('svg:svg', { id: 'net', viewBox: `0 0 ${width} ${height}`, role: 'img',
                                     'aria-label': 'the network' });
    const edges = element('svg:g', { class: 'edges' }), units = element('svg:g', { class: 'units' });
    svg.append(edges, units);
    layers.forEach((l, c) => {
      const x = geometry.column * (c + 0.5);
      if (l === 'gap') return drawGap(units, x, height, layers);
      drawnLayers.add(l);
      const drawn = unitsDrawn(sizes[l - 1]);
      const offset = geometry.top + ((slots - drawn.length) * geometry.slot) / 2 + geometry.slot / 2;
      units.append(element('svg:text', { x, y: 24, class: 'layer-name' }, layerName(l)));
      drawn.forEach((j, k) => {
        positions.set(`u${l}_${j}`, [x, offset + k * geometry.slot]);
        units.append(j === 'more' ? drawStrip(`u${l}_more`, x, offset + k * geometry.slot, sizes[l - 1] - 6)
                                  : drawUnit(l, j, x, offset + k * geometry.slot));
      });
    });
    const cost = [geometry.column * layers.length + geometry.cost / 2, height / 2];
    positions.set('cost', cost);
    units.append(drawCost(cost));
    for (let l = 1; l < L; l++) drawWeights(edges, units, l);
    for (const j of unitsDrawn(sizes[L - 1]))
      edges.append(element('svg:line', { class: 'to-cost', x1: positions.get(`u${L}_${j}`)[0],
                                         y1: positions.get(`u${L}_${j}`)[1], x2: cost[0], y2: cost[1] }));
    return svg;
  }
  function layerName(l) {
    if (l === 1) return 'inputs · X';
    const name = l === L ? 'outputs · ŷ' : `layer ${l}`;
    return `${name} · ${network.activations[l - 2] || ''}`;
  }
  function drawUnit(l, j, x, y) {
    const g = element('svg:g', { id: `u${l}_${j}`, class: 'unit', transform: `translate(${x},${y})` });
    g.append(element('svg:circle', { r: geometry.radius }),
             element('svg:text', { class: 'unit-name', y: 5 }, String(j)),
             element('svg:g', { class: 'values', transform: `translate(0,${geometry.radius + 15})` }));
    return g;
  }
  function drawStrip(id, x, y, hidden) {
    const g = element('svg:g', { id, class: 'strip', 'data-count': hidden, transform: `translate(${x},${y})` });
    g.append(element('svg:rect', { x: -geometry.radius, y: -geometry.slot / 2 + 6, width: 2 * geometry.radius,
                                   height: geometry.slot - 12, rx: 8 }),
             element('svg:text', { y: 5 }, `⋮ ${hidden}`));
    return g;
  }
  function drawGap(parent, x, height, layers) {
    const hidden = layers.length ? L - 6 : 0;
    let units = 0, weights = 0;
    for (let l = 4; l <= L - 3; l++) units += sizes[l - 1];
    for (let l = 3; l <= L - 3; l++) weights += sizes[l - 1] * sizes[l] + (network.biases[l - 1] ? sizes[l] : 0);
    const g = element('svg:g', { id: 'gap', class: 'strip gap', 'data-units': units, 'data-weights': weights,
                                 transform: `translate(${x},${height / 2})` });
    g.append(element('svg:rect', { x: -40, y: -height / 2 + 40, width: 80, height: height - 70, rx: 10 }),
             element('svg:text', { y: 5 }, `… ${hidden} layers`));
    parent.append(g);
    drawingNote = `Layers 4 to ${L - 3} of ${L} are not drawn: the gap stands for their ${units} units ` +
                  `and ${weights} weights.`;
  }
  function drawCost([x, y]) {
    const g = element('svg:g', { id: 'cost', class: 'cost', transform: `translate(${x},${y})` });
    g.append(element('svg:rect', { x: -28, y: -18, width: 56, height: 36, rx: 6 }),
             element('svg:text', { class: 'unit-name', y: 5 }, 'J'),
             element('svg:g', { class: 'values', transform: 'translate(0,32)' }));
    return g;
  }
  // The weights of layer l, one element each, and its biases from a "+1" node.
  function drawWeights(edges, units, l) {
    if (!drawnLayers.has(l) || !drawnLayers.has(l + 1)) return;
    const from = unitsDrawn(sizes[l - 1]), to = unitsDrawn(sizes[l]);
    const shownEdges = from.filter((i) => i !== 'more').length * to.filter((j) => j !== 'more').length;
    // Labels along the edges, staggered by the unit they leave, so that those
    // meeting at one unit do not stand on one another.
    const labelled = shownEdges <= 24, sources = from.filter((i) => i !== 'more');
    sources.forEach((i, k) => {
      const along = sources.length > 1 ? 0.38 + (0.3 * k) / (sources.length - 1) : 0.5;
      for (const j of to) {
        if (j === 'more') continue;
        edges.append(drawEdge(`w${l}_${i}_${j}`, positions.get(`u${l}_${i}`), positions.get(`u${l + 1}_${j}`),
                              labelled ? along : null, 'weight'));
      }
    });
    const hidden = sizes[l - 1] * sizes[l] - shownEdges;
    if (hidden > 0) edges.append(drawBundle(`w${l}_more`, middleOf(l), middleOf(l + 1), hidden));
    if (!network.biases[l - 1]) return;
    const [x, y0] = positions.get(`u${l + 1}_${to[0]}`);
    const node = [x - geometry.column * 0.45, y0 - geometry.slot * 0.55];
    units.append(drawBiasNode(l, node));
    for (const j of to) {
      if (j === 'more') continue;
      edges.append(drawEdge(`b${l}_${j}`, node, positions.get(`u${l + 1}_${j}`), to.length <= 8 ? 0.55 : null, 'bias'));
    }
    if (sizes[l] > to.length - 1 && to.includes('more'))
      edges.append(drawBundle(`b${l}_more`, node, middleOf(l + 1), sizes[l] - 6));
  }
  function drawEdge(id, [x1, y1], [x2, y2], along, kind) {
    const g = element('svg:g', { id, class: kind });
    g.append(element('svg:line', { class: 'hit', x1, y1, x2, y2 }), element('svg:line', { x1, y1, x2, y2 }));
    if (along !== null) {  // the label along the edge, above it
      const angle = (Math.atan2(y2 - y1, x2 - x1) * 180) / Math.PI;
      g.append(element('svg:g', { class: 'values edge-values',
                                  transform: `translate(${x1 + (x2 - x1) * along},${y1 + (y2 - y1) * along}) ` +
                                             `rotate(${angle.toFixed(1)}) translate(0,-5)` }));
    }
    return g;
  }
  // The weights to or from the units a strip stands for: one element, counted,
  // from the strip (or the middle of a layer drawn whole, or the bias node) to
  // the strip (or the middle) of the next layer.
  function drawBundle(id, from, to, hidden) {
    const [x0, y0] = from, [x1, y1] = to;
    const g = element('svg:g', { id, class: 'bundle', 'data-count': hidden });
    g.append(element('svg:path', { d: `M${x0},${y0} L${x1},${y1}` }),
             element('svg:text', { x: (x0 + x1) / 2, y: (y0 + y1) / 2 - 8 }, `${hidden} more`));
    return g;
  }
  // The strip of layer l, or the middle of its units when it is drawn whole.
  function middleOf(l) {
    if (positions.has(`u${l}_more`)) return positions.get(`u${l}_more`);
    const ys = unitsDrawn(sizes[l - 1]).map((j) => positions.get(`u${l}_${j}`)[1]);
    return [positions.get(`u${l}_1`)[0], (Math.min(...ys) + Math.max(...ys)) / 2];
  }
  function drawBiasNode(l, [x, y]) {
    const g = element('svg:g', { class: 'bias-node', transform: `translate(${x},${y})` });
    g.append(element('svg:rect', { x: -14, y: -12, width: 28, height: 24, rx: 4 }),
             element('svg:text', { y: 4 }, '+1'));
    g.append(element('svg:title', {}, `b⁽${l}⁾: the biases of layer ${l + 1}`));
    return g;
  }

  // The drawing's elements that show a record, or one number of it.
  function placeElements(place) {
    if (!place) return [];
    if (place.kind === 'cost') return ['cost'];
    const l = place.layer;
    if (place.kind === 'units') {
      if (!drawnLayers.has(l)) return ['gap'];
      return unitsDrawn(sizes[l - 1]).map((j) => `u${l}_${j}`);
    }
    if (!drawnLayers.has(l) || !drawnLayers.has(l + 1)) return ['gap'];
    const from = unitsDrawn(sizes[l - 1]), to = unitsDrawn(sizes[l]);
    const ids = [];
    if (place.kind === 'weights') {
      for (const i of from) for (const j of to) if (i !== 'more' && j !== 'more') ids.push(`w${l}_${i}_${j}`);
      if (from.includes('more') || to.includes('more')) ids.push(`w${l}_more`);
    } else {
      for (const j of to) ids.push(j === 'more' ? `b${l}_more` : `b${l}_${j}`);
    }
    return ids;
  }
  // The element of one number (row and column from 1) of record n.
  const numberElement = (n, row, col) => elementAt(placeOf(byN.get(n)), row, col);
  function elementAt(place, row, col) {
    if (!place) return null;
    const [a, b] = columns ? [col, row] : [row, col];  // as if samples were rows
    const drawn = (l, j) => (unitsDrawn(sizes[l - 1]).includes(j) ? j : 'more');
    if (place.kind === 'cost') return 'cost';
    const l = place.layer;
    if (place.kind === 'units') return drawnLayers.has(l) ? `u${l}_${drawn(l, b)}` : 'gap';
    if (!drawnLayers.has(l) || !drawnLayers.has(l + 1)) return 'gap';
    if (place.kind === 'biases') return `b${l}_${drawn(l + 1, b)}`;
    const i = drawn(l, a), j = drawn(l + 1, b);
    return i === 'more' || j === 'more' ? `w${l}_more` : `w${l}_${i}_${j}`;
  }

  // ---- What the drawing shows at a step -------------------------------------------------
  // For each place, the latest record of each quantity up to the step, and the
  // one before it with the same name (before and after an update).
  function valuesAt(index) {
    const at = new Map();
    for (let k = 0; k <= index; k++) {
      const s = steps[k];
      if (s.kind !== 'matrix') continue;
      const place = placeOf(s.record);
      if (!place) continue;
      if (!at.has(place.key)) at.set(place.key, new Map());
      const quantities = at.get(place.key), name = bare(s.record.symbol);
      const before = quantities.get(name);
      quantities.delete(name);  // the latest last
      quantities.set(name, { n: s.record.n, before: before ? before.n : null });
    }
    return at;
  }
  function showValues(index) {
    const step = steps[index], current = step.kind === 'matrix' ? step.record.n : null;
    const operands = new Set(step.kind === 'matrix' ? step.record.operands.map((o) => o.ref) : []);
    const at = valuesAt(index);
    for (const g of player.querySelectorAll('#net .values')) g.textContent = '';
    const m = state.sample - 1;
    for (const [key, quantities] of at) {
      const place = placeOf(byN.get([...quantities.values()][0].n));
      const lines = [...quantities.entries()].slice(place.kind === 'weights' || place.kind === 'biases' ? -2 : -3);
      for (const target of placeTargets(place)) {
        const holder = document.querySelector(`#${target.id} .values`);
        if (!holder) continue;
        lines.forEach(([name, q], k) => {
          const [row, col] = cellOf(place, m, target.i - 1, target.j - 1);
          const value = valueAt(q.n, row, col);
          if (value === undefined) return;
          const before = q.before === null ? '' : number(valueAt(q.before, row, col)) + ' → ';
          const role = q.n === current ? ' now' : operands.has(q.n) ? ' operand' : '';
          const y = place.kind === 'units' || place.kind === 'cost' ? k * 15 : (k - lines.length + 1) * 14;
          const line = element('svg:text', { y, class: 'value' + role,
                                             'data-n': q.n, 'data-row': row + 1, 'data-col': col + 1 },
                               `${name} ${before}${number(value)}`);
          holder.append(line);
        });
      }
    }
  }
  function valueAt(n, row, col) {
    const r = byN.get(n);
    return r && r.value[row] !== undefined ? r.value[row][col] : undefined;
  }
  // The drawn units, weights or biases of a place, with their unit numbers.
  function placeTargets(place) {
    const targets = [];
    if (place.kind === 'cost') return [{ id: 'cost', i: 1, j: 1 }];
    const l = place.layer;
    for (const id of placeElements(place)) {
      const parts = id.slice(1).split('_').map(Number);
      if (parts.some(Number.isNaN)) continue;
      if (place.kind === 'units') targets.push({ id, i: 1, j: parts[1] });
      else if (place.kind === 'biases') targets.push({ id, i: 1, j: parts[1] });
      else targets.push({ id, i: parts[1], j: parts[2] });
    }
    return l ? targets : [];
  }

  // ---- The stage: the equation, its matrices, its notes ----------------------------------
  function matrixTable(r, caption) {
    const box = element('figure', { class: 'matrix-box' });
    box.append(element('figcaption', {}, caption));
    const table = element('table', { class: 'matrix', id: 'm' + r.n });
    const rows = cut(r.shape[0]), cols = cut(r.shape[1]);
    for (const i of rows) {
      const tr = element('tr');
      for (const j of cols) {
        if (i === null || j === null) { tr.append(element('td', { class: 'gap' }, i === null ? '⋮' : '…')); continue; }
        tr.append(element('td', { id: `m${r.n}_${i + 1}_${j + 1}`, class: 'number', 'data-n': r.n,
                                  'data-row': i + 1, 'data-col': j + 1 }, number(r.value[i][j])));
      }
      table.append(tr);
    }
    box.append(table);
    return box;
  }
  // The rows (or columns) shown of a long side: the first four and last two.
  function cut(count) {
    const all = Array.from({ length: count }, (_, k) => k);
    return settings.full || count <= 8 ? all : [0, 1, 2, 3, null, count - 2, count - 1];
  }
  function tableOf(step) {
    const r = step.record, box = element('figure', { class: 'matrix-box' });
    box.append(element('figcaption', {}, `${r.symbol} [${r.shape[0]}×${r.shape[1]}]`));
    const table = element('table', { class: 'matrix named', id: step.id });
    const head = element('tr');
    head.append(element('th'));
    for (const c of r.columns) head.append(element('th', {}, c));
    table.append(head);
    r.value.forEach((row, i) => {
      const tr = element('tr');
      tr.append(element('th', {}, r.rows[i]));
      row.forEach((v, j) => tr.append(element('td', { id: `${step.id}_${i + 1}_${j + 1}`, class: 'number',
                                                        'data-step': step.id, 'data-row': i + 1,
                                                        'data-col': j + 1 }, number(v))));
      table.append(tr);
    });
    box.append(table);
    return box;
  }
  function chainTable(step) {
    const c = step.record, sample = chainSample(c), table = element('table', { class: 'matrix chain', id: step.id });
    const box = element('figure', { class: 'matrix-box' });
    box.append(element('figcaption', {}, `∂J/∂${c.weight} of sample ${sample.sample}: the product of its factors`));
    for (const f of sample.factors) {
      const tr = element('tr');
      tr.append(element('th', {}, f.symbol),
                element('td', { class: 'number', 'data-n': f.ref, 'data-row': f.row, 'data-col': f.col },
                        number(f.value)));
      table.append(tr);
    }
    const total = element('tr', { class: 'total' });
    total.append(element('th', {}, 'product'), element('td', {}, number(sample.value)));
    table.append(total);
    box.append(table);
    return box;
  }
  const chainSample = (c) => c.samples.find((s) => s.sample === state.sample) || c.samples[0];

  function equationOf(step) {
    const r = step.record, box = element('div', { class: 'equation' });
    if (step.kind === 'chain') {
      box.append(element('span', { class: 'number-label' }, `(${r.eq})`),
                 element('span', { class: 'unicode' }, `∂J/∂${r.weight} = ${number(r.value)}, summed over the samples`));
      return box;
    }
    box.append(element('span', { class: 'number-label' }, label(r)));
    // Typeset once and kept: stepping back shows it again at once.
    if (!step.math) {
      step.math = element('span', { class: 'math' });
      step.math.append(element('span', { class: 'unicode' }, r.text));
    }
    box.append(step.math);
    return box;
  }
  function whereOf(step) {
    const r = step.record, p = element('p', { class: 'where' });
    if (step.kind === 'chain') { p.textContent = `the chain of ${r.weight}, from the cost down to the weight`; return p; }
    const shape = `[${r.shape[0]}×${r.shape[1]}]` + (r.factors && r.factors.length
      ? ' = ' + r.factors.map((f) => `[${f[0]}×${f[1]}]`).join('·') : '');
    p.append(element('span', { class: 'shape' }, shape), ' · ',
             element('code', { class: 'source' }, r.source || 'given: no equation computes it'));
    if (r.recap) p.append(' · ', element('span', { class: 'recap' }, 'recap of an earlier chapter'));
    return p;
  }
  function showStage(index) {
    const step = steps[index], stage = player.querySelector('#stage');
    stage.textContent = '';
    for (const note of step.notes) stage.append(element('p', { class: 'note' }, note));
    stage.append(equationOf(step), whereOf(step));
    if (step.record.explanation) stage.append(element('p', { class: 'explanation' }, step.record.explanation));
    const matrices = element('div', { class: 'matrices' });
    if (step.kind === 'matrix') {
      const seen = new Set();
      for (const o of step.record.operands) {
        if (seen.has(o.ref) || !byN.has(o.ref)) continue;
        seen.add(o.ref);
        matrices.append(matrixTable(byN.get(o.ref), `${o.symbol}${o.transposed ? ', enters as ' + o.symbol + 'ᵀ' : ''} [${o.shape[0]}×${o.shape[1]}]`));
      }
      if (seen.size) matrices.append(element('span', { class: 'arrow' }, '→'));
      matrices.append(matrixTable(step.record, `${step.record.symbol} [${step.record.shape[0]}×${step.record.shape[1]}]`));
    } else {
      matrices.append(step.kind === 'table' ? tableOf(step) : chainTable(step));
    }
    stage.append(matrices);
    for (const c of step.checks)
      stage.append(element('p', { class: c.passed ? 'check passed' : 'check failed' }, (c.passed ? '✓ ' : '✗ ') + c.message));
    for (const note of step.after || []) stage.append(element('p', { class: 'note' }, note));
  }

  // ---- Lighting the current step ----------------------------------------------------
  function light(index) {
    for (const e of player.querySelectorAll('.lit-result, .lit-operand, .lit-chain'))
      e.classList.remove('lit-result', 'lit-operand', 'lit-chain');
    for (const e of player.querySelectorAll('#net .factor')) e.remove();
    player.querySelector('#net').classList.remove('chain-shown');
    const step = steps[index], add = (id, cls) => { const e = document.getElementById(id); if (e) e.classList.add(cls); };
    add(step.id, 'lit-result');
    if (step.kind === 'matrix') {
      for (const o of step.record.operands) {
        add('m' + o.ref, 'lit-operand');
        for (const id of placeElements(placeOf(byN.get(o.ref)))) add(id, 'lit-operand');
      }
      for (const id of placeElements(placeOf(step.record))) add(id, 'lit-result');
    } else if (step.kind === 'chain') {
      const labels = new Map();  // element → the factors it stands for
      for (const f of chainElements(step.record)) {
        add(f.id, 'lit-chain');
        if (!f.factor) continue;
        if (!labels.has(f.id)) labels.set(f.id, []);
        labels.get(f.id).push(f.factor);
      }
      for (const [id, factors] of labels) labelFactors(id, factors);
      player.querySelector('#net').classList.add('chain-shown');
    }
  }
  // The drawing's elements on the chain of one weight, for the chosen sample,
  // each with the factor it stands for.
  // The cost starts the path; the weight ends it, labelled with the sample's product.
  function chainElements(c) {
    const out = [{ id: 'cost', factor: null }], sample = chainSample(c);
    const push = (f) => { const id = numberElement(f.ref, f.row, f.col); if (id) out.push({ id, factor: f }); };
    for (const f of sample.factors) {
      push(f);
      for (const t of f.terms || []) { push(t.delta); push(t.weight); }
    }
    const weight = elementAt({ kind: 'weights', layer: c.layer }, c.row, c.col);
    if (weight) out.push({ id: weight, factor: { symbol: '∂J/∂w', value: sample.value } });
    return out;
  }
  function labelFactors(id, factors) {
    const at = positionOf(id);
    if (!at) return;
    const svg = player.querySelector('#net');
    factors.forEach((f, k) => {
      const y = at[1] - geometry.radius - 8 - (factors.length - 1 - k) * 16;
      const clickable = f.ref ? { 'data-n': f.ref, 'data-row': f.row, 'data-col': f.col } : {};
      svg.append(element('svg:text', { class: 'factor', x: at[0], y, ...clickable }, `${f.symbol} ${number(f.value)}`));
    });
  }
  function positionOf(id) {
    if (positions.has(id)) return positions.get(id);
    const parts = id.match(/^w(\d+)_(\d+)_(\d+)$/);
    if (!parts) return null;
    const a = positions.get(`u${parts[1]}_${parts[2]}`), b = positions.get(`u${+parts[1] + 1}_${parts[3]}`);
    return a && b ? [a[0] + (b[0] - a[0]) * 0.6, a[1] + (b[1] - a[1]) * 0.6 + geometry.radius] : null;
  }

  // ---- Clicking a number ------------------------------------------------------------
  function detail(target) {
    const box = player.querySelector('#detail');
    const row = +target.dataset.row, col = +target.dataset.col;
    let symbol, value, equation, source;
    if (target.dataset.step) {
      const r = steps.find((s) => s.id === target.dataset.step).record;
      symbol = `${r.symbol}: ${r.rows[row - 1]}, ${r.columns[col - 1]}`;
      value = r.value[row - 1][col - 1];
      equation = `(${r.eq}) ${r.text}`;
      source = r.source;
    } else {
      const r = byN.get(+target.dataset.n);
      if (!r) return;
      symbol = `${r.symbol}[${row},${col}]`;
      value = r.value[row - 1][col - 1];
      equation = `${label(r)} ${r.text}`;
      source = r.source;
    }
    box.querySelector('.what').textContent = symbol;
    box.querySelector('.value').textContent = fullPrecision(value);
    box.querySelector('.equation').textContent = equation;
    box.querySelector('.source').textContent = source ? 'computed at ' + source : 'given: no line of code computes it';
    box.hidden = false;
  }

  // ---- The player -------------------------------------------------------------------
  function go(index) {
    if (!steps.length) return;
    state.step = Math.max(0, Math.min(steps.length - 1, index));
    const step = steps[state.step];
    player.dataset.step = step.id;
    showStage(state.step);
    showValues(state.step);
    light(state.step);
    typesetSoon();
    player.querySelector('#counter').textContent = `step ${state.step + 1} of ${steps.length}`;
    const list = player.querySelector('#steps');
    for (const b of list.querySelectorAll('.current')) b.classList.remove('current');
    const item = list.children[state.step];
    item.classList.add('current');
    if (item.offsetTop < list.scrollTop || item.offsetTop + item.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = item.offsetTop - list.clientHeight / 2;
    if (state.step === steps.length - 1) pause();
  }
  function play() {
    if (state.step === steps.length - 1) go(0);
    state.playing = setInterval(() => go(state.step + 1), 1500);
    player.querySelector('#play').textContent = 'pause';
    player.dataset.playing = 'yes';
  }
  function pause() {
    clearInterval(state.playing);
    state.playing = null;
    player.querySelector('#play').textContent = 'play';
    player.dataset.playing = 'no';
  }
  const toggle = () => (state.playing ? pause() : play());

  function onKey(event) {
    if (event.target.closest && event.target.closest('select, input, textarea')) return;
    const actions = { ArrowRight: () => go(state.step + 1), ArrowLeft: () => go(state.step - 1),
                      Home: () => go(0), End: () => go(steps.length - 1), ' ': toggle,
                      Escape: () => { player.querySelector('#detail').hidden = true; } };
    const action = actions[event.key];
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    action();
  }

  function stepName(step) {
    const r = step.record;
    if (step.kind === 'chain') return `(${r.eq}) chain of ${r.weight}`;
    return `${step.kind === 'table' ? '(' + r.eq + ')' : label(r)} ${r.symbol}`;
  }
  function build() {
    const header = element('header');
    const first = records.find((r) => r.kind === 'note');
    header.append(element('h1', {}, settings.title || 'The trace'),
                  element('p', { class: 'about' }, first ? first.text : ''));
    const controls = element('nav', { class: 'controls', 'aria-label': 'steps' });
    const button = (id, text, title, action) => {
      const b = element('button', { id, type: 'button', title }, text);
      b.addEventListener('click', action);
      controls.append(b);
    };
    button('first', '⇤ first', 'first step (Home)', () => go(0));
    button('back', '← back', 'step back (←)', () => go(state.step - 1));
    button('play', 'play', 'play or pause (space)', toggle);
    button('next', 'next →', 'next step (→)', () => go(state.step + 1));
    button('last', 'last ⇥', 'last step (End)', () => go(steps.length - 1));
    controls.append(element('span', { id: 'counter' }));
    controls.append(sampleChooser());
    header.append(controls);
    const figure = element('figure', { class: 'drawing' });
    figure.append(drawNetwork(), element('figcaption', { id: 'drawing-note' }, drawingNote || drawingCaption()));
    const main = element('main');
    main.append(figure, element('section', { id: 'stage', 'aria-live': 'polite' }));
    const list = element('ol', { id: 'steps' });
    steps.forEach((s, k) => {
      const item = element('li', { class: s.record.recap ? 'recap' : '' });
      const b = element('button', { type: 'button', 'data-index': k }, stepName(s));
      b.addEventListener('click', () => go(k));
      item.append(b);
      list.append(item);
    });
    const aside = element('aside', { id: 'detail', hidden: '' });
    aside.append(element('button', { type: 'button', class: 'close', title: 'close (Esc)' }, '×'),
                 element('p', { class: 'what' }), element('p', { class: 'value' }),
                 element('p', { class: 'equation' }), element('p', { class: 'source' }));
    aside.querySelector('.close').addEventListener('click', () => { aside.hidden = true; });
    player.append(header, main, list, aside);
    player.addEventListener('click', (e) => {
      const target = e.target.closest('[data-row]');
      if (target) detail(target);
    });
    document.addEventListener('keydown', onKey);
  }
  function drawingCaption() {
    const collapsed = sizes.map((n, k) => (n > most ? `layer ${k + 1} (${n} units)` : null)).filter(Boolean);
    return collapsed.length ? `Drawn as a strip: ${collapsed.join(', ')}, the first and last three units shown.`
                            : `The network ${sizes.join('-')}: units, weights on the edges${network.biases.some(Boolean) ? ', biases from +1' : ''}, and the cost J.`;
  }
  function sampleChooser() {
    const x = records.find((r) => r.kind === 'matrix' && r.id === 'X');
    const count = x ? (columns ? x.shape[1] : x.shape[0]) : 1;
    const labelElement = element('label', { class: 'sample' }, 'sample ');
    const select = element('select', { id: 'sample' });
    for (let m = 1; m <= count; m++) select.append(element('option', { value: m }, String(m)));
    select.addEventListener('change', () => { state.sample = +select.value; go(state.step); });
    labelElement.append(select, ` of ${count}`);
    return labelElement;
  }

  // ---- MathJax, from the folder beside the page ------------------------------------
  // The current equation is typeset once the steps stop changing for a moment,
  // so that holding → does not queue a formula for every step passed.
  let typesetTimer = null;
  function typesetSoon() {
    clearTimeout(typesetTimer);
    typesetTimer = setTimeout(typesetNow, 150);
  }
  function typesetNow() {
    const step = steps[state.step], math = step.math;
    if (!math || math.dataset.queued || !(window.MathJax && window.MathJax.Hub)) return;
    math.dataset.queued = 'yes';
    math.append(element('script', { type: 'math/tex; mode=display' }, step.record.latex));
    // A step left before its turn came is typeset when it is shown again.
    const stillShown = () => {
      if (math.isConnected) return;
      math.querySelector('script').remove();
      delete math.dataset.queued;
    };
    const done = () => { if (math.querySelector('.MathJax_SVG')) math.classList.add('typeset'); };
    window.MathJax.Hub.Queue(stillShown, ['Typeset', window.MathJax.Hub, math], done);
  }
  function loadMathJax() {
    const config = { skipStartupTypeset: true, messageStyle: 'none', showMathMenu: false,
                     jax: ['input/TeX', 'output/SVG'], extensions: [],
                     TeX: { extensions: ['AMSmath.js', 'AMSsymbols.js'] },
                     SVG: { linebreaks: { automatic: false } } };  // a wide equation scrolls (player.css)
    window.MathJax = Object.assign(window.MathJax || {}, config);
    const authorInit = window.MathJax.AuthorInit;
    window.MathJax.AuthorInit = function () {
      if (authorInit) authorInit();
      window.MathJax.Hub.Register.StartupHook('End', typesetNow);
    };
    const script = element('script', { src: 'mathjax/MathJax.js' });
    script.addEventListener('error', () => { player.dataset.mathjax = 'missing'; });
    document.head.append(script);
  }

  build();
  const firstOwn = steps.findIndex((s) => !s.record.recap);
  go(firstOwn < 0 ? 0 : firstOwn);
  loadMathJax();
})();
