// A sortable table whose rows are linked to the map: a row is focusable, Enter (or a click)
// activates it, the selected row is marked (aria-current) and scrolled into view when the map
// selects one of its nodes. Columns: {key, label, value(row) for sorting, cell(row), numeric}.
import { html, nothing, repeat } from '../html.js';

/** Sort state per table id: {key, dir}. */
const sorts = new Map();

export function sortOf(id, fallback) {
  if (!sorts.has(id)) sorts.set(id, { ...fallback });
  return sorts.get(id);
}

function compare(a, b) {
  const missingA = a === null || a === undefined || Number.isNaN(a);
  const missingB = b === null || b === undefined || Number.isNaN(b);
  if (missingA || missingB) return missingA === missingB ? 0 : missingA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/**
 * `rows` in the API's order; `sort` {key, dir} (dir 'asc' | 'desc'), or none for the API's order.
 * `ctx.selected` is the key of the selected row; `activate(row)` runs on click or Enter; `detail(row)`,
 * if given, is shown in a row of its own under the selected row.
 */
export function table({ id, caption, columns, rows, rowKey, rowLabel, activate, ctx, sort = null, onSort, empty = 'None.', detail = null }) {
  if (!rows.length) return html`<p class="hint" id=${`${id}-empty`}>${empty}</p>`;
  let shown = rows;
  if (sort) {
    const column = columns.find((c) => c.key === sort.key);
    if (column && column.value) {
      shown = [...rows].sort((a, b) => {
        const order = compare(column.value(a), column.value(b));
        return sort.dir === 'asc' ? order : -order;
      });
    }
  }
  const header = (c) => {
    if (!c.value || !onSort) return html`<th scope="col" class=${c.numeric ? 'num' : ''}>${c.label}</th>`;
    const active = sort && sort.key === c.key;
    const dir = active ? sort.dir : null;
    const next = active && dir === 'desc' ? 'asc' : 'desc';
    return html`<th scope="col" class=${c.numeric ? 'num' : ''}
        aria-sort=${dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
      <button type="button" class="sort" data-sort=${c.key}
        aria-label=${`${c.label}: sort ${next === 'desc' ? 'highest first' : 'lowest first'}`}
        @click=${() => onSort({ key: c.key, dir: next })}>${c.label}<span aria-hidden="true" class="arrow">${dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}</span></button>
    </th>`;
  };
  const keydown = (event, row) => {
    if ((event.key === 'Enter' || event.key === ' ') && event.target === event.currentTarget) {
      event.preventDefault();
      activate(row);
    }
  };
  return html`<table class="analysis-table" id=${id}>
    ${caption ? html`<caption>${caption}</caption>` : nothing}
    <thead><tr>${columns.map(header)}</tr></thead>
    <tbody>${repeat(shown, rowKey, (row) => {
    const key = rowKey(row);
    const selected = ctx.selected === key;
    return html`<tr tabindex="0" data-key=${key} class=${selected ? 'selected' : ''}
        aria-current=${selected ? 'true' : 'false'} aria-label=${rowLabel(row)}
        @click=${(e) => { if (!e.target.closest('button, a, input, select')) activate(row); }}
        @keydown=${(e) => keydown(e, row)}>
      ${columns.map((c) => html`<td class=${c.numeric ? 'num' : ''} data-col=${c.key}>${c.cell(row)}</td>`)}
    </tr>${selected && detail ? html`<tr class="row-detail"><td colspan=${columns.length}>${detail(row)}</td></tr>` : nothing}`;
  })}</tbody>
  </table>`;
}

/** Numbers as people read them. */
export function fixed(value, digits = 2) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '–';
}

export function whole(value) {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value).toLocaleString('en-GB') : '–';
}

export function percent(fraction, digits = 1) {
  return typeof fraction === 'number' && Number.isFinite(fraction) ? `${(fraction * 100).toFixed(digits)}%` : '–';
}
