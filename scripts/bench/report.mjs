// The printed report: fixed-width tables of sizes, speed and budgets.
import { kb, ms, ratio } from './stats.mjs';

function table(title, columns, rows) {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => String(r[i]).length)));
  // The first column is a label (left-aligned); the others are figures (right-aligned).
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('   ');
  const rule = '─'.repeat(line(columns).length);
  return [title, rule, line(columns), rule, ...rows.map(line), rule].join('\n');
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
