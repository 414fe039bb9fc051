/*
 * The top frames of a V8 CPU profile (`node --cpu-prof`) by self time:
 * each sample's time goes to the function on top of the stack, summed per
 * function and source location. Idle and GC time are kept as their own rows.
 *
 *   node bench/profileTop.js /tmp/itsm-profile/1m/CPU.….cpuprofile [20]
 */
const fs = require('node:fs');
const path = require('node:path');

function topFrames(file, count = 20) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const selfMicros = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (deltas[i] ?? 0));
  });
  const totals = new Map();
  let all = 0;
  for (const [id, micros] of selfMicros) {
    const { callFrame } = byId.get(id);
    const where = callFrame.url
      ? `${shorten(callFrame.url)}:${callFrame.lineNumber + 1}`
      : '';
    const key = `${callFrame.functionName || '(anonymous)'} ${where}`.trim();
    totals.set(key, (totals.get(key) ?? 0) + micros);
    all += micros;
  }
  const busy = all - (totals.get('(idle)') ?? 0);
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([frame, micros]) => ({
      frame: frame.length > 90 ? `…${frame.slice(-89)}` : frame,
      'self ms': Math.round(micros / 1000),
      '% of busy': frame === '(idle)' ? '' : `${((100 * micros) / busy).toFixed(1)} %`,
    }));
}

function shorten(url) {
  const text = url.replace(/^file:\/\//, '');
  const nm = text.lastIndexOf('node_modules/');
  if (nm >= 0) return text.slice(nm + 'node_modules/'.length);
  return path.relative(path.resolve(__dirname, '..'), text);
}

module.exports = { topFrames };

if (require.main === module) {
  console.table(topFrames(process.argv[2], Number(process.argv[3] ?? 20)));
}
