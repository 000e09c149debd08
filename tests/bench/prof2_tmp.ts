import { parseIsoMs } from '../../shared/engine/time';
const NOW_MS = Date.parse('2025-06-01T12:00:00.000Z');
const xs = Array.from({ length: 200 }, (_, i) => new Date(NOW_MS - i * 3_777_777).toISOString());
let sink = 0;
for (const [name, f] of [['parseIsoMs', parseIsoMs], ['Date.parse', Date.parse]] as const) {
  for (let k = 0; k < 2000; k++) for (const x of xs) sink += f(x);
  const t = process.hrtime.bigint();
  for (let k = 0; k < 20000; k++) for (const x of xs) sink += f(x);
  console.log(name, Number(process.hrtime.bigint() - t) / 20000 / 200, 'ns');
}
const keys = new Float64Array(200);
const t = process.hrtime.bigint();
for (let k = 0; k < 20000; k++) { for (let i = 0; i < 200; i++) keys[i] = Math.floor(Math.random() * 1e9) * 256 + i; keys.sort(); sink += keys[0]!; }
console.log('sort200', Number(process.hrtime.bigint() - t) / 20000, 'ns');
console.log(sink > 0);
