'use strict';
// The console reads and acts only through the Step Functions API (JSON 1.0), on this same origin.
const Sfn = {
  async call(operation, body) {
    const response = await fetch('/', {
      method: 'POST',
      headers: {'X-Amz-Target': 'AWSStepFunctions.' + operation, 'Content-Type': 'application/x-amz-json-1.0'},
      body: JSON.stringify(body || {})
    });
    const text = await response.text();
    let json = {};
    try { json = text ? JSON.parse(text) : {}; } catch (e) { json = {message: text}; }
    if (!response.ok) {
      const type = String(json.__type || response.headers.get('x-amzn-ErrorType') || 'Error').split('#').pop();
      const error = new Error(type + ': ' + (json.message || json.Message || response.status));
      error.type = type;
      throw error;
    }
    return json;
  },

  /** A layout of the definition, computed by the console server (Eclipse Layout Kernel). */
  async graph(params) {
    const response = await fetch('/console/graph?' + new URLSearchParams(params).toString());
    const json = await response.json();
    if (!response.ok) throw new Error((json.__type || 'Error') + ': ' + (json.message || response.status));
    return json;
  }
};

/** Parses JSON text for an editor: {value} or {error: 'line 2, column 5: ...'}. */
function checkJson(text) {
  try {
    return {value: JSON.parse(text)};
  } catch (e) {
    const match = /position (\d+)/.exec(e.message);
    const at = match ? Number(match[1]) : /end of JSON/.test(e.message) ? text.length : null;
    if (at !== null) {
      const before = text.slice(0, at).split('\n');
      return {error: 'Line ' + before.length + ', column ' + (before[before.length - 1].length + 1) + ': ' + e.message};
    }
    return {error: e.message};
  }
}

/** A textarea that says whether its JSON is valid, and enables its action only when it is. */
function jsonEditor(label, initial, onValidity) {
  const id = 'ed-' + Math.random().toString(36).slice(2);
  const area = h('textarea', {id, spellcheck: 'false', 'aria-describedby': id + '-check'});
  area.value = initial;
  const check = h('div', {class: 'check', id: id + '-check', 'aria-live': 'polite'});
  const update = () => {
    const result = checkJson(area.value);
    check.textContent = result.error ? result.error : 'Valid JSON';
    check.className = result.error ? 'check bad' : 'check';
    area.setAttribute('aria-invalid', result.error ? 'true' : 'false');
    onValidity(!result.error);
  };
  area.addEventListener('input', update);
  setTimeout(update);
  return {element: h('div', {}, h('label', {for: id, text: label}), area, check), area, value: () => area.value};
}
