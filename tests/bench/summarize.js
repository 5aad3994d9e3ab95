// Summarises run-help-bench.sh: per-run rows, medians per bot, ratios ours/peer. Exits 1 if a run had errors
// or the fake connector counted fewer replies than completed turns.
// usage: node summarize.js results.jsonl <peer VmHWM kB> <ospbot VmHWM kB> "<settings>"
const fs = require('fs');
const [file, peerRssKb, oursRssKb, settings] = process.argv.slice(2);
const runs = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const errors = (w) => w.err_connect + w.err_read + w.err_write + w.err_status + w.err_timeout;
const fmt = (x, d = 1) => x.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });

let ok = true;
console.log(`\nRuns (${settings}):`);
console.log('bot     req/s      p50 ms   p99 ms   requests  replies  replies/turn  errors');
for (const r of runs) {
  const w = r.wrk;
  const perTurn = r.replies / w.requests;
  // Turns still in flight when wrk stops reply without being counted, so replies may exceed requests slightly.
  const bad = errors(w) > 0 || r.replies < w.requests;
  ok &&= !bad;
  console.log(`${r.bot.padEnd(7)} ${fmt(w.rps).padStart(9)} ${fmt(w.p50_ms, 2).padStart(8)} ${fmt(w.p99_ms, 2).padStart(8)} ` +
    `${String(w.requests).padStart(10)} ${String(r.replies).padStart(8)} ${fmt(perTurn, 3).padStart(13)} ${String(errors(w)).padStart(7)}${bad ? '  <-- FAILED CHECK' : ''}`);
}

const stats = (bot) => {
  const rs = runs.filter((r) => r.bot === bot).map((r) => r.wrk);
  return { rps: median(rs.map((w) => w.rps)), p50: median(rs.map((w) => w.p50_ms)), p99: median(rs.map((w) => w.p99_ms)) };
};
const peer = { ...stats('peer'), rss: Number(peerRssKb) / 1024 };
const ours = { ...stats('ospbot'), rss: Number(oursRssKb) / 1024 };
console.log('\nMedians (peak RSS = VmHWM over the whole run):');
console.log('| | peer (botbuilder JS echo) | OspBot (help card) | ours/peer |');
console.log('| --- | ---: | ---: | ---: |');
const row = (name, p, o, d) => console.log(`| ${name} | ${fmt(p, d)} | ${fmt(o, d)} | ${fmt(o / p, 2)} |`);
row('req/s', peer.rps, ours.rps, 0);
row('p50 ms', peer.p50, ours.p50, 2);
row('p99 ms', peer.p99, ours.p99, 2);
row('peak RSS MB', peer.rss, ours.rss, 0);
console.log(ok ? '\nAll runs: 0 errors, every turn replied through the fake connector.' : '\nFAILED: see the marked runs.');
process.exit(ok ? 0 : 1);
