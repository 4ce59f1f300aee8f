// What the trace player must show, worked out from the JSON trace alone
// (docs/json.md), for tests/html/player_test.mjs: the steps in order, the
// drawing's elements, and which of them each step lights.
//
// The drawing's ids: u<l>_<j> unit j of layer l; w<l>_<i>_<j> the weight from
// unit i of layer l to unit j of layer l + 1; b<l>_<j> the bias of unit j of
// layer l + 1; cost. A layer of more than 12 units shows units 1–3 and the last
// three, and u<l>_more for the rest (w<l>_more, b<l>_more for their weights); a
// network of more than 8 layers shows layers 1–3 and the last three, and "gap".

const range = (from, to) => Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
const shownUnits = (n) => (n > 12 ? [1, 2, 3, n - 2, n - 1, n] : range(1, n));
const drawnLayer = (l, L) => L <= 8 || l <= 3 || l >= L - 2;

export function stepsOf(trace) {
  const steps = [];
  let tables = 0, chains = 0;
  for (const r of trace) {
    if (r.kind === 'matrix') steps.push({ kind: 'matrix', id: 'm' + r.n, record: r });
    if (r.kind === 'table') steps.push({ kind: 'table', id: 't' + ++tables, record: r });
    if (r.kind === 'chain') steps.push({ kind: 'chain', id: 'c' + ++chains, record: r });
  }
  return steps;
}

export function unitCounts(net) {
  const n = net.sizes;
  let weights = 0;
  for (let l = 1; l < n.length; l++) weights += n[l - 1] * n[l] + (net.biases[l - 1] ? n[l] : 0);
  return { units: n.reduce((a, b) => a + b, 0), weights };
}

// The units and weights (biases among them) drawn one element each.
export function expectedDrawing(net) {
  const n = net.sizes, L = n.length, units = [], weights = [];
  for (let l = 1; l <= L; l++) if (drawnLayer(l, L)) for (const j of shownUnits(n[l - 1])) units.push(`u${l}_${j}`);
  for (let l = 1; l < L; l++) {
    if (!drawnLayer(l, L) || !drawnLayer(l + 1, L)) continue;
    for (const i of shownUnits(n[l - 1])) for (const j of shownUnits(n[l])) weights.push(`w${l}_${i}_${j}`);
    if (net.biases[l - 1]) for (const j of shownUnits(n[l])) weights.push(`b${l}_${j}`);
  }
  return { units, weights, collapsed: L > 8 || n.some((s) => s > 12) };
}

// Where a matrix record stands: the units of its layer when it has a column per
// unit (a row per unit with samples as columns) and a row per sample of the
// latest X; the weights of its layer when it is named after W⁽ˡ⁾ and has its
// shape; the biases likewise after b⁽ˡ⁾; the cost when it is J or one of its kin.
function placeOf(trace, net, columns, r) {
  const n = net.sizes, L = n.length, l = r.layer;
  const asShown = (rows, cols) => (columns ? [cols, rows] : [rows, cols]);
  const is = (shape) => r.shape[0] === shape[0] && r.shape[1] === shape[1];
  if (r.symbol.startsWith('J')) return { kind: 'cost' };
  if (r.symbol.includes('W⁽') && l >= 1 && l < L && is(asShown(n[l - 1], n[l]))) return { kind: 'weights', l };
  if (r.symbol.includes('b⁽') && l >= 1 && l < L && is(asShown(1, n[l]))) return { kind: 'biases', l };
  const x = trace.filter((q) => q.kind === 'matrix' && q.id === 'X' && q.n <= r.n).at(-1);
  const samples = x ? (columns ? x.shape[1] : x.shape[0]) : 1;
  const [m, units] = columns ? [r.shape[1], r.shape[0]] : r.shape;
  if (l >= 1 && l <= L && units === n[l - 1] && m === samples) return { kind: 'units', l };
  return null;
}

function placeIds(net, place) {
  if (!place) return [];
  if (place.kind === 'cost') return ['cost'];
  const n = net.sizes, L = n.length, l = place.l;
  const strip = (count) => (count > 12 ? ['more'] : []);
  if (place.kind === 'units') {
    if (!drawnLayer(l, L)) return ['gap'];
    return [...shownUnits(n[l - 1]), ...strip(n[l - 1])].map((j) => `u${l}_${j}`);
  }
  if (!drawnLayer(l, L) || !drawnLayer(l + 1, L)) return ['gap'];
  if (place.kind === 'biases') return [...shownUnits(n[l]), ...strip(n[l])].map((j) => `b${l}_${j}`);
  const ids = [];
  for (const i of shownUnits(n[l - 1])) for (const j of shownUnits(n[l])) ids.push(`w${l}_${i}_${j}`);
  if (n[l - 1] > 12 || n[l] > 12) ids.push(`w${l}_more`);
  return ids;
}

// The element of one number (row and column from 1) of a record.
function numberId(trace, net, columns, ref, row, col) {
  const r = trace.find((q) => q.kind === 'matrix' && q.n === ref);
  const place = r && placeOf(trace, net, columns, r);
  if (!place) return null;
  if (place.kind === 'cost') return 'cost';
  const n = net.sizes, L = n.length, l = place.l;
  const [sampleOrFrom, unit] = columns ? [col, row] : [row, col];
  const name = (size, j) => (shownUnits(size).includes(j) ? j : 'more');
  if (place.kind === 'units') return drawnLayer(l, L) ? `u${l}_${name(n[l - 1], unit)}` : 'gap';
  if (!drawnLayer(l, L) || !drawnLayer(l + 1, L)) return 'gap';
  if (place.kind === 'biases') return `b${l}_${name(n[l], unit)}`;
  const i = name(n[l - 1], sampleOrFrom), j = name(n[l], unit);
  return i === 'more' || j === 'more' ? `w${l}_more` : `w${l}_${i}_${j}`;
}

// What a step lights: in the matrices its own table and its operands' tables;
// on the drawing the places of its result and operands; for a chain record, the
// elements of the first sample's factors (and of their terms) and the weight.
export function expectedStep(trace, net, step, settings) {
  const columns = settings.layout === 'columns';
  const none = { result: [step.id], operands: [], drawnResult: [], drawnOperands: [], chain: [] };
  if (step.kind === 'table') return none;
  if (step.kind === 'chain') {
    const c = step.record, sample = c.samples.find((s) => s.sample === 1) || c.samples[0];
    const ids = new Set(['cost']);  // the path starts at the cost
    const add = (e) => { const id = numberId(trace, net, columns, e.ref, e.row, e.col); if (id) ids.add(id); };
    for (const f of sample.factors) {
      add(f);
      for (const t of f.terms || []) { add(t.delta); add(t.weight); }
    }
    const [i, j] = columns ? [c.col, c.row] : [c.row, c.col];
    ids.add(`w${c.layer}_${i}_${j}`);  // the weight itself
    return { ...none, chain: [...ids] };
  }
  const r = step.record;
  const byN = (ref) => trace.find((q) => q.kind === 'matrix' && q.n === ref);
  const operands = [...new Set(r.operands.map((o) => o.ref))];
  return {
    result: [step.id],
    operands: operands.map((ref) => 'm' + ref),
    drawnResult: placeIds(net, placeOf(trace, net, columns, r)),
    drawnOperands: [...new Set(operands.flatMap((ref) => placeIds(net, placeOf(trace, net, columns, byN(ref)))))],
    chain: [],
  };
}
