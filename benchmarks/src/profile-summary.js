// Lists a .cpuprofile's functions by self time (bottom-up), the way DevTools' "Bottom-Up" view does.
import { readFileSync } from 'node:fs';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const dt = new Map();
for (const [i, id] of profile.samples.entries()) dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
const self = new Map();
let total = 0;
for (const node of profile.nodes) {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.split('/').slice(-2).join('/');
  const key = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
  const time = dt.get(node.id) ?? 0;
  self.set(key, (self.get(key) ?? 0) + time);
  total += time;
}
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 15));
for (const [key, time] of top) console.log(`${((100 * time) / total).toFixed(1).padStart(5)}%  ${key}`);
