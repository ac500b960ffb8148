// Recall and precision of `qbank dedup --format json` against the generator's truth file.
// A reported pair counts once whether it is a single pair or inside a repeated section.
// Usage: node dedup_score.js TRUTH.json REPORT.json  ->  "recall precision found expected lookalikes_flagged"
const fs = require('fs');
const truth = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')).pairs;
const report = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const key = (a, b) => (a < b ? a + '\n' + b : b + '\n' + a);
const found = new Set();
for (const p of report.pairs) found.add(key(p.a.id, p.b.id));
for (const s of report.sections) for (const p of s.pairs) found.add(key(p.a.id, p.b.id));
const expected = new Set(truth.filter((t) => t.kind !== 'distinct').map((t) => key(t.id_a, t.id_b)));
const lookalikes = truth.filter((t) => t.kind === 'distinct').map((t) => key(t.id_a, t.id_b));
let hits = 0;
for (const k of expected) if (found.has(k)) hits++;
const recall = expected.size ? hits / expected.size : 1;
const precision = found.size ? hits / found.size : 1;
console.log(recall.toFixed(4), precision.toFixed(4), found.size, expected.size, lookalikes.filter((k) => found.has(k)).length);
