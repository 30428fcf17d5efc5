'use strict';
// Foldable JSON: objects and arrays are <details> (keyboard-operable), leaves are coloured text.
const JSON_VIEW_MAX_ITEMS = 200;

function jsonView(value, openDepth) {
  let parsed = value;
  if (typeof value === 'string') {
    try { parsed = JSON.parse(value); } catch (e) { return h('div', {class: 'json line', text: value}); }
  }
  return h('div', {class: 'json'}, jsonNode(null, parsed, 0, openDepth === undefined ? 2 : openDepth));
}

function jsonNode(key, value, depth, openDepth) {
  const label = key === null ? [] : [h('span', {class: 'k', text: JSON.stringify(key)}), ': '];
  if (value === null || typeof value !== 'object') {
    const type = value === null || typeof value === 'boolean' ? 'b' : typeof value === 'number' ? 'n' : 's';
    return h('div', {class: 'line'}, label, h('span', {class: type, text: JSON.stringify(value)}));
  }
  const isArray = Array.isArray(value);
  const entries = isArray ? value.map((v, i) => [i, v]) : Object.entries(value);
  if (entries.length === 0) return h('div', {class: 'line'}, label, isArray ? '[]' : '{}');
  const summary = h('summary', {}, label, isArray ? '[' + entries.length + ' items]' : '{' + entries.length + ' keys}');
  const details = h('details', {open: depth < openDepth}, summary);
  for (const [k, v] of entries.slice(0, JSON_VIEW_MAX_ITEMS)) details.appendChild(jsonNode(isArray ? null : k, v, depth + 1, openDepth));
  if (entries.length > JSON_VIEW_MAX_ITEMS) {
    details.appendChild(h('div', {class: 'line muted', text: '… ' + (entries.length - JSON_VIEW_MAX_ITEMS) + ' more'}));
  }
  return details;
}

/** A titled, foldable block for a payload; nothing when there is no payload. */
function jsonBlock(title, value) {
  if (value === undefined || value === null) return null;
  return h('div', {}, h('h3', {text: title}), h('div', {class: 'json-block'}, jsonView(value)));
}
