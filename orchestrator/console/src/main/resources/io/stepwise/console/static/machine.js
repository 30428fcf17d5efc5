'use strict';
// A state machine: its graph beside its definition, its executions, and starting a new one.
const PAGE_SIZE = 25;

async function machinePage(main, ctx, params) {
  const arn = params.get('arn');
  const machine = await Sfn.call('DescribeStateMachine', {stateMachineArn: arn});
  if (!ctx.active()) return;
  ctx.crumbs([[machine.name, route('machine', {arn})]]);
  let pretty = machine.definition;
  try { pretty = JSON.stringify(JSON.parse(machine.definition), null, 2); } catch (e) { /* shown as stored */ }
  const graphHolder = h('div', {class: 'muted', text: 'Laying out…'});
  main.appendChild(h('h1', {text: machine.name}));
  main.appendChild(h('div', {class: 'sub', text: machine.stateMachineArn + ' · ' + machine.type + ' · created ' + fmtTime(machine.creationDate)}));
  main.appendChild(startPanel(arn));
  main.appendChild(h('div', {class: 'row'},
    h('section', {class: 'panel grow', 'aria-label': 'Graph'}, h('h2', {text: 'Graph'}), graphHolder),
    h('section', {class: 'panel side', 'aria-label': 'Definition'}, h('h2', {text: 'Definition'}),
      h('pre', {class: 'code', id: 'definition', tabindex: 0, text: pretty}))));
  main.appendChild(executionsPanel(arn, ctx));
  const layout = await Sfn.graph({stateMachineArn: arn});
  if (!ctx.active()) return;
  clear(graphHolder).className = '';
  const selected = h('div', {id: 'selected-state'});
  document.getElementById('definition').before(selected);
  const graph = drawGraph(layout, node => {
    graph.select(node.name);
    const state = findState(JSON.parse(machine.definition), node.name);
    clear(selected).append(h('h3', {text: node.name}), h('div', {class: 'json-block'}, jsonView(state, 1)));
  });
  graphHolder.appendChild(graph.element);
}

/** A state's definition, wherever it is nested (state names are unique in a machine). */
function findState(machine, name) {
  for (const [key, state] of Object.entries(machine.States || {})) {
    if (key === name) return state;
    for (const inner of [...(state.Branches || []), state.ItemProcessor || state.Iterator].filter(Boolean)) {
      const found = findState(inner, name);
      if (found) return found;
    }
  }
  return null;
}

function startPanel(arn) {
  let valid = true;
  const start = h('button', {class: 'primary', id: 'start-execution', text: 'Start execution'});
  const editor = jsonEditor('Input (JSON)', '{}', ok => { valid = ok; start.disabled = !ok; });
  editor.area.id = 'execution-input';
  const name = h('input', {type: 'text', id: 'execution-name', placeholder: 'generated when empty', 'aria-label': 'Execution name'});
  start.addEventListener('click', async () => {
    if (!valid) return;
    start.disabled = true;
    try {
      const body = {stateMachineArn: arn, input: editor.value()};
      if (name.value.trim()) body.name = name.value.trim();
      const started = await Sfn.call('StartExecution', body);
      location.hash = route('execution', {arn: started.executionArn});
    } catch (e) {
      toast(e.message, true);
      start.disabled = false;
    }
  });
  return h('details', {class: 'panel', id: 'start-panel'}, h('summary', {text: 'Start an execution'}),
    h('div', {class: 'toolbar'}, h('label', {for: 'execution-name', text: 'Name'}), name), editor.element, start);
}

function executionsPanel(arn, ctx) {
  const filter = h('select', {id: 'status-filter', 'aria-label': 'Status'},
    h('option', {value: '', text: 'All statuses'}), STATUSES.map(st => h('option', {value: st, text: st.replace('_', ' ')})));
  const body = h('tbody');
  const older = h('button', {id: 'older', text: 'Older →'});
  const newer = h('button', {id: 'newer', text: '← Newer'});
  const where = h('span');
  const tokens = [null]; // the token of each page seen, for going back
  let page = 0;
  const load = async () => {
    const request = {stateMachineArn: arn, maxResults: PAGE_SIZE};
    if (filter.value) request.statusFilter = filter.value;
    if (tokens[page]) request.nextToken = tokens[page];
    const result = await Sfn.call('ListExecutions', request);
    if (!ctx.active()) return;
    tokens[page + 1] = result.nextToken || null;
    clear(body);
    if (result.executions.length === 0) body.appendChild(h('tr', {}, h('td', {colspan: 5, class: 'empty', text: 'No executions.'})));
    for (const execution of result.executions) body.appendChild(executionRow(execution));
    newer.disabled = page === 0;
    older.disabled = !result.nextToken;
    where.textContent = 'Page ' + (page + 1);
  };
  filter.addEventListener('change', () => { page = 0; tokens.length = 1; load().catch(e => toast(e.message, true)); });
  older.addEventListener('click', () => { page++; load().catch(e => toast(e.message, true)); });
  newer.addEventListener('click', () => { page = Math.max(0, page - 1); load().catch(e => toast(e.message, true)); });
  load().catch(e => toast(e.message, true));
  ctx.every(3000, () => page === 0 ? load() : null); // new executions appear on the first page
  return h('section', {class: 'panel', 'aria-label': 'Executions'},
    h('div', {class: 'toolbar'}, h('h2', {text: 'Executions'}), h('span', {class: 'spacer'}), filter),
    h('table', {id: 'executions'},
      h('thead', {}, h('tr', {}, ['Name', 'Status', 'Started', 'Stopped', 'Duration'].map(t => h('th', {text: t})))), body),
    h('div', {class: 'pager'}, where, newer, older));
}

/** ListExecutions has no stop date here: each visible row asks DescribeExecution for it. */
function executionRow(execution) {
  const stopped = h('td');
  const duration = h('td', {class: 'num'});
  const status = h('td', {}, badge(execution.status));
  const row = h('tr', {'data-arn': execution.executionArn},
    h('td', {}, h('a', {href: route('execution', {arn: execution.executionArn}), text: execution.name})),
    status, h('td', {text: fmtTime(execution.startDate)}), stopped, duration);
  if (execution.status !== 'RUNNING') {
    Sfn.call('DescribeExecution', {executionArn: execution.executionArn}).then(d => {
      stopped.textContent = fmtTime(d.stopDate);
      if (d.stopDate) duration.textContent = fmtDuration((d.stopDate - d.startDate) * 1000);
    }).catch(() => {});
  } else {
    duration.textContent = fmtDuration(Date.now() - execution.startDate * 1000);
  }
  return row;
}
