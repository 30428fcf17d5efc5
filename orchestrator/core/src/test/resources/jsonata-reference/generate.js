// Writes the reference (jsonata-js 2.0.6, the implementation Step Functions runs) answer of every
// corpus entry into corpus.json, keeping each entry's expr, input and marks (shape, intended).
// Re-run, outside the repository (jsonata is not one of its dependencies):
//   mkdir -p /tmp/jsref && cd /tmp/jsref && npm init -y >/dev/null && npm install jsonata@2.0.6
//   NODE_PATH=/tmp/jsref/node_modules node generate.js   (from this directory)
// Each entry gets "expected": {"value": v} | {"undefined": true} | {"function": true}
// | {"error": {"code": "T2001", "message": "..."}}. An entry with "input" is evaluated over it
// (as $ and as $states.input); one without, over nothing, as Step Functions evaluates.
const fs = require('fs');
const path = require('path');
const jsonata = require('jsonata');
const file = path.join(__dirname, 'corpus.json');

function plain(value) {
  if (typeof value === 'function' || (value && value._jsonata_lambda) || value instanceof RegExp) return undefined;
  return value;
}

function hasFunction(value) {
  if (typeof value === 'function' || value instanceof RegExp) return true;
  if (value && typeof value === 'object') {
    if (value._jsonata_lambda || value._jsonata_function) return true;
    return Object.values(value).some(hasFunction);
  }
  return false;
}

async function answer(entry) {
  const has = Object.prototype.hasOwnProperty.call(entry, 'input');
  try {
    const expression = jsonata(entry.expr);
    const result = await expression.evaluate(has ? entry.input : undefined, { states: has ? { input: entry.input } : {} });
    if (result === undefined) return { undefined: true };
    if (hasFunction(result)) return { function: true };
    return { value: JSON.parse(JSON.stringify(result, (k, v) => plain(v))) };
  } catch (e) {
    return { error: { code: e.code || null, message: e.message } };
  }
}

(async () => {
  const corpus = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const entry of corpus) entry.expected = await answer(entry);
  fs.writeFileSync(file, JSON.stringify(corpus, null, 1) + '\n');
  console.log(corpus.length + ' entries');
})();
