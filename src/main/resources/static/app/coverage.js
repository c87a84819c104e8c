// The "share vs target per region" chart, drawn only when GET /api/reports/coverage answers 200:
// the section stays hidden otherwise (the report may not exist, or the role may not see it).
import { byId, clear, el } from './dom.js';
import { enumLabel } from './labels.js';
import { get } from './api.js';

function percent(value, scale) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return null;
  }
  return value * scale;
}

function label(value) {
  return value === null ? '–' : `${value.toFixed(1)}%`;
}

/** Loads the report and draws it; resolves to true when the chart is shown. */
export async function showCoverage() {
  const section = byId('coverage');
  const chart = byId('coverage-chart');
  let report;
  try {
    report = await get('/api/reports/coverage');
  } catch (e) {
    section.hidden = true;
    return false;
  }
  const rows = report && Array.isArray(report.byRegion) ? report.byRegion : [];
  if (rows.length === 0) {
    section.hidden = true;
    return false;
  }
  // Shares may come as fractions (0–1) or as percentages; fractions never exceed 1.
  const largest = Math.max(...rows.flatMap((r) => [r.share, r.targetShare]).filter((v) => typeof v === 'number'));
  const scale = largest <= 1 ? 100 : 1;
  const top = Math.max(1, ...rows.flatMap((r) => [percent(r.share, scale) || 0, percent(r.targetShare, scale) || 0]));
  clear(chart);
  for (const row of rows) {
    const share = percent(row.share, scale);
    const target = percent(row.targetShare, scale);
    const short = share !== null && target !== null && share < target;
    chart.appendChild(el('div', { className: `coverage-row${short ? ' gap' : ''}`, dataset: { region: row.region || '' } },
      el('div', { className: 'bar-label' },
        el('span', {}, enumLabel(row.region) || 'no region',
          row.contacts !== undefined ? el('span', { className: 'sub' }, ` · ${row.contacts} contacts`) : null),
        el('span', {}, `${label(share)} / ${label(target)}`)),
      el('div', { className: 'bar-track', title: `share ${label(share)}, target ${label(target)}` },
        el('div', { className: 'bar share', style: { width: `${((share || 0) / top) * 100}%` } }),
        el('div', { className: 'bar target', style: { width: `${((target || 0) / top) * 100}%` } }))));
  }
  chart.appendChild(el('p', { className: 'hint' }, 'Blue: share of the network; red line: target share.'));
  section.hidden = false;
  return true;
}
