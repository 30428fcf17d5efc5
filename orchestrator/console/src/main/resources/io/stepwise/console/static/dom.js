'use strict';
// DOM building without innerHTML: every piece of user data goes in as a text node or an attribute.
const SVG_NS = 'http://www.w3.org/2000/svg';

function build(element, props, children) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.setAttribute('class', value);
    else if (key === 'text') element.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** h('a', {href: '#/', class: 'x'}, 'text', otherNode) */
function h(tag, props, ...children) {
  return build(document.createElement(tag), props, children);
}

function s(tag, props, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

function clear(element) {
  while (element.firstChild) element.removeChild(element.firstChild);
  return element;
}

function toast(message, bad) {
  const box = h('div', {class: bad ? 'bad' : null, text: message});
  document.getElementById('toast').appendChild(box);
  setTimeout(() => box.remove(), bad ? 8000 : 4000);
}

function badge(status) {
  const text = String(status || 'none');
  return h('span', {class: 'badge st-' + text.replace(/[^A-Za-z_]/g, ''), text: text.replace('_', ' ')});
}

function fmtTime(seconds) {
  if (seconds === undefined || seconds === null) return '';
  const d = new Date(seconds * 1000);
  const pad = (n, w) => String(n).padStart(w || 2, '0');
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':'
    + pad(d.getMinutes()) + ':' + pad(d.getSeconds()) + '.' + pad(d.getMilliseconds(), 3);
}

function fmtDuration(ms) {
  if (ms === undefined || ms === null || isNaN(ms)) return '';
  if (ms < 1000) return Math.round(ms) + ' ms';
  if (ms < 60000) return (ms / 1000).toFixed(ms < 10000 ? 3 : 1) + ' s';
  const m = Math.floor(ms / 60000);
  if (m < 60) return m + ' min ' + Math.round((ms % 60000) / 1000) + ' s';
  return Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
}

/** The last part of an ARN: a state machine's or an execution's name. */
function arnName(arn) {
  const parts = String(arn).split(':');
  return parts[parts.length - 1];
}

function route(page, params) {
  return '#/' + page + '?' + new URLSearchParams(params).toString();
}
