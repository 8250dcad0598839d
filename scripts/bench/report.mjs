// The printed report: fixed-width tables of sizes, speed and budgets.
import { kb, ms, ratio } from './stats.mjs';

function table(title, columns, rows) {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => String(r[i]).length)));
  // The first column is a label (left-aligned); the others are figures (right-aligned).
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('   ');
  const rule = '─'.repeat(line(columns).length);
  return [title, rule, line(columns), rule, ...rows.map(line), rule].join('\n');
}

const n = (v) => (Number.isFinite(v) ? v.toLocaleString('en-GB') : '—');
const sizeName = (key) => (key === 'empty' ? 'empty journal' : `${n(Number(key))} entries`);

/** Issue #4's journal measures (scripts/bench/journal.mjs). */
function journalTables(j) {
  const parts = [];
  const fr = j.firstRender;
  if (fr && !fr.error) {
    parts.push(
      table(
        `Journal first render: side panel #journal in a fresh tab, ms from navigation start to the first entry card in the DOM (empty: the "nothing yet" message); ${fr.empty?.runs ?? '?'} opens each after 1 warm-up, rotating`,
        ['journal', 'median', 'min', 'p90', 'max', '× empty', 'ready mark', 'count shown'],
        ['empty', ...Object.keys(fr).filter((k) => k !== 'empty')].filter((k) => fr[k]).map((key) => [key, fr[key]]).map(([key, t]) => [sizeName(key), ms(t.medianMs), ms(t.minMs), ms(t.p90Ms), ms(t.maxMs), ratio(t.ratioToEmpty), ms(t.readyMarkMedianMs), ms(t.countMedianMs)]),
      ),
    );
  } else if (fr?.error) parts.push(`Journal first render FAILED: ${fr.error}`);

  const rows = [];
  const row = (what, t, runs = t?.runs) => {
    if (t?.error) rows.push([`${what}  (FAILED)`, '—', '—', '—', '—', '—']);
    else if (t) rows.push([what, runs ?? '—', ms(t.p50Ms ?? t.medianMs), ms(t.p95Ms), ms(t.minMs), ms(t.maxMs)]);
  };
  for (const [size, s] of Object.entries(j.search ?? {})) {
    if (s.error) row(`search, ${sizeName(size)}`, s);
    row(`search, ${sizeName(size)}: repo.search`, s.repo);
    row(`search, ${sizeName(size)}: search box, submit → results`, s.ui);
  }
  row('save: repo.update (autosave), 10,000 entries', j.save?.update ?? (j.save?.error ? j.save : undefined));
  row('save: repo.create, 10,000 entries', j.save?.create);
  const single = (what, v) => Number.isFinite(v) && rows.push([what, 1, ms(v), '—', '—', '—']);
  if (j.importUi?.error) row('import 10,000: panel', j.importUi);
  single('import 10,000: panel, Continue → confirm (read + validate)', j.importUi?.checkMs);
  single('import 10,000: panel, Import → success banner', j.importUi?.importMs);
  if (j.importRepo?.error) row('import 10,000: repo', j.importRepo);
  single('import 10,000: parseJournalFile', j.importRepo?.parseMs);
  single('import 10,000: repo.importAll', j.importRepo?.importAllMs);
  if (j.exportUi?.error) row('export 10,000: panel', j.exportUi);
  row('export 10,000: panel, click → download event', j.exportUi?.download);
  row('export 10,000: panel, click → download link (page clock)', j.exportUi?.link);
  row('export 10,000: repo.all + JSON.stringify + Blob', j.exportRepo);
  if (rows.length) {
    parts.push(table('Journal operations (p50 = median; one run where runs is 1)', ['measure', 'runs', 'p50', 'p95', 'min', 'max'], rows));
  }

  const notes = [];
  if (fr && !fr.error) {
    const opens = Object.values(fr).reduce((sum, t) => sum + t.runs, 0);
    const before = Object.values(fr).reduce((sum, t) => sum + t.markBeforeShown, 0);
    notes.push(`The '${j.mark}' mark (AreaHeading) came before the first entry or the empty message in ${before} of ${opens} opens, so the journal is timed to its first entry card instead.`);
    const flashes = Object.entries(fr).filter(([, t]) => t.emptyFlashes > 0);
    for (const [key, t] of flashes) notes.push(`  ${sizeName(key)}: the "nothing yet" message showed before the entries in ${t.emptyFlashes} opens.`);
  }
  for (const [size, s] of Object.entries(j.search ?? {})) {
    if (!s.repo) continue;
    const kinds = Object.entries(s.repo.byKind)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, k]) => `${kind} ${ms(k.p50Ms)}/${ms(k.p95Ms)}`)
      .join(', ');
    notes.push(`Search at ${sizeName(size)}, p50/p95 by query kind: ${kinds}.`);
    notes.push(`  Slowest: ${s.repo.slowest.map((q) => `"${q.q}" ${ms(q.ms)} (${n(q.matches)} matches)`).join(', ')}.`);
    if (s.check) notes.push(`  Checked against a scan of the dataset: ${s.check.queries - s.check.mismatchCount} of ${s.check.queries} answers agree (total and newest 50)${s.check.mismatchCount ? `; e.g. ${JSON.stringify(s.check.mismatches[0])}` : ''}.`);
    for (const c of s.cold ?? []) {
      notes.push(`  First search in a page that has not read the index ("${c.query}", ${n(c.total)} matches): ${ms(c.searchMs)}; of which the base row (${n(c.baseChars)} chars, ${n(c.words)} words) takes about ${ms(c.baseReadMs)} to read.`);
    }
    const accents = (s.accents ?? []).map((a) => `"${a.query}" ${a.found ? 'finds' : 'DOES NOT find'} "${a.word}" (${n(a.total)} matches)`).join(', ');
    if (accents) notes.push(`  Accents: ${accents}.`);
  }
  if (j.exportRepo?.readMs !== undefined) notes.push(`Export at 10,000, median: repo.all ${ms(j.exportRepo.readMs)}, JSON.stringify ${ms(j.exportRepo.stringifyMs)}, Blob ${ms(j.exportRepo.blobMs)}; file ${n(j.exportRepo.bytes)} bytes.`);
  if (j.importUi?.progress?.length) notes.push(`Import progress (ms after Import): ${j.importUi.progress.map((p) => `${p.atMs} "${p.text}"`).join(' · ')}.`);
  for (const [size, d] of Object.entries(j.datasets ?? {})) {
    notes.push(
      `Dataset ${sizeName(size)}: ${d.wordsPerEntry?.min}–${d.wordsPerEntry?.max} words per entry (median ${d.wordsPerEntry?.median}), ${n(d.distinctIndexWords)} distinct index words, ${n(d.postings)} postings, ${n(d.private)} private, ${n(d.accented)} with café/naïve/Zoë; ` +
        (d.filledBy ? `filled by ${d.filledBy}` : d.seeded ? `seeded now in ${d.seedSeconds} s` : `reused from ${d.profile}`) +
        '.',
    );
  }
  for (const p of j.writeProfile ?? []) notes.push(`Write profile: ${n(p.rows)} rows in one transaction with indexes [${p.indexes}]: ${ms(p.writeMs)}; their words ${ms(p.wordsMs)}, the search base built in ${ms(p.buildMs)} (${n(p.baseChars)} chars).`);
  if (j.load) notes.push(`Load average during the journal measures: ${j.load.start?.join(', ')} → ${j.load.end?.join(', ')}; they took ${j.seconds} s.`);
  if (notes.length) parts.push(notes.join('\n'));
  return parts;
}

export function formatReport(results, { referenceId, baselineId }) {
  const parts = [];
  const sizes = Object.values(results.sizes);
  parts.push(
    table(
      'Size: gzip -9 of each entry point’s JS and CSS (initial = the page’s own files + static imports)',
      ['entry', 'JS', 'CSS', 'total', `× ${referenceId}`],
      sizes.map((s) => [s.label, kb(s.js), kb(s.css), kb(s.total), ratio(s.ratioToReference)]),
    ),
  );
  const speed = Object.entries(results.speed);
  if (speed.length) {
    parts.push(
      table(
        `First meaningful render: ms from navigation start to the ready mark, fresh tab, ${results.runs} runs after 1 warm-up`,
        ['page', 'median', 'min', 'p90', 'max', `× ${baselineId}`],
        speed.map(([, s]) => [
          s.label + (s.error ? '  (FAILED)' : ''),
          ms(s.medianMs),
          ms(s.minMs),
          ms(s.p90Ms),
          ms(s.maxMs),
          ratio(s.ratioToBlank),
        ]),
      ),
    );
  }
  if (results.journal) parts.push(...journalTables(results.journal));
  const guide = results.guide;
  if (guide?.insertion || guide?.start) {
    const rows = [];
    const row = (what, t) => t && rows.push([what, t.runs ?? '—', ms(t.medianMs), ms(t.p95Ms), ms(t.minMs), ms(t.maxMs)]);
    const failed = (what, m) => m?.error && rows.push([`${what}  (FAILED)`, '—', '—', '—', '—', '—']);
    row('target inserted → spotlight mark (Digital Friend)', guide.insertion?.ours);
    row('target inserted → popover in DOM (driver.js)', guide.insertion?.driverPopover);
    row('target inserted → overlay in DOM (driver.js)', guide.insertion?.driverOverlay);
    failed('target inserted → highlight', guide.insertion);
    row('Start clicked → first spotlight (Digital Friend)', guide.start);
    failed('Start clicked → first spotlight', guide.start);
    parts.push(
      table(
        `Guide (end-to-end build, fixture at https://x.com/home): insertion = page clock after ${guide.insertion?.warmup ?? '?'} warm-ups; Start = wall clock after 1 warm-up`,
        ['measure', 'runs', 'median', 'p95', 'min', 'max'],
        rows,
      ),
    );
  }
  if (guide?.scroll) {
    const s = guide.scroll;
    const rows = s.error
      ? [['scrolling  (FAILED)', '—', '—', '—', '—', '—', '—', '—']]
      : [s.control, s.overlay].map((r) => [
          r.label,
          r.passes,
          r.longTasks,
          r.longTasksPerPass.join(' '),
          ms(r.maxLongTaskMs),
          ms(r.totalLongTaskMs),
          ms(r.maxFrameGapMs),
          ms(r.medianScrollMs),
        ]);
    parts.push(
      table(
        `Guide: long tasks (> 50 ms) while scrolling ${s.elements ?? '?'} elements top to bottom in ${s.steps ?? '?'} frames (${ms(((s.steps ?? NaN) * 1000) / 60)} at 60 Hz); passes alternate`,
        ['run', 'passes', 'long tasks', 'per pass', 'longest', 'all long tasks', 'longest frame gap', 'median pass'],
        rows,
      ),
    );
  }
  const fmt = (b, v) => {
    if (b.unit === 'bytes') return kb(v);
    if (b.unit === 'ms') return ms(v);
    if (b.unit === '×') return ratio(v);
    return Number.isFinite(v) ? `${v} ${b.unit}` : '—';
  };
  parts.push(
    table(
      'Budgets',
      ['budget', 'value', 'limit', 'result'],
      results.budgets.map((b) => [b.name, fmt(b, b.value), `≤ ${fmt(b, b.budget)}`, b.met === null ? 'NOT MEASURED' : b.met ? 'met' : 'MISSED']),
    ),
  );
  const errors = [...Object.values(results.speed).filter((s) => s.error).map((s) => s.error), ...(results.errors ?? [])];
  if (errors.length) parts.push(['Errors:', ...errors.map((e) => `  - ${e}`)].join('\n'));
  const missed = results.budgets.filter((b) => b.met === false);
  parts.push(
    missed.length
      ? `MISSED ${missed.length} of ${results.budgets.length} budgets: ${missed.map((b) => b.name).join('; ')}`
      : results.budgets.some((b) => b.met)
        ? `All ${results.budgets.filter((b) => b.met).length} measured budgets met.`
        : 'No budget could be measured.',
  );
  return parts.join('\n\n');
}
