import { readEvent } from '../engine/read-event.js';
import { MinHeap } from '../state/min-heap.js';
import { WatermarkTracker } from '../time/watermark-tracker.js';
import { defaultSourceOf } from '../engine/engine-options.js';
import { generateEvents } from './bench-rules.js';
const evs = [...generateEvents(100000)];
function time(label: string, f: () => void) {
  const c = process.cpuUsage(); f(); const cpu = process.cpuUsage(c);
  console.log(label.padEnd(20), ((cpu.user + cpu.system) / 1000).toFixed(0), 'ms');
}
for (let k = 0; k < 2; k++) {
time('readEvent', () => { for (const e of evs) readEvent(e); });
time('Date.parse', () => { for (const e of evs) Date.parse(e['@timestamp']); });
time('sourceOf', () => { for (const e of evs) defaultSourceOf(e); });
const w = new WatermarkTracker({ allowedLatenessMs: 5000, idleTimeoutMs: 60000 });
time('tracker', () => { for (const e of evs) w.observe(defaultSourceOf(e), Date.parse(e['@timestamp'])); });
const h = new MinHeap<{ ts: number; id: string }>((a, b) => a.ts < b.ts || (a.ts === b.ts && a.id < b.id));
time('heap 5000', () => { let i = 0; for (const e of evs) { h.push({ ts: Date.parse(e['@timestamp']), id: e.event.id }); if (++i > 5000) h.pop(); } });
}
