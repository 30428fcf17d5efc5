'use strict';
// An execution: its graph coloured by what happened to each state, its error, its history, live.
const HISTORY_PAGE = 100;
const SCAN_PAGE = 1000;
const POLL_MS = 1500;

async function executionPage(main, ctx, params) {
  const arn = params.get('arn');
  const path = params.get('path') || '';
  const [described, forExecution] = await Promise.all([
    Sfn.call('DescribeExecution', {executionArn: arn}),
    Sfn.call('DescribeStateMachineForExecution', {executionArn: arn})]);
  if (!ctx.active()) return;
  const definition = JSON.parse(forExecution.definition);
  const page = {arn, path, ctx, described, definition, machine: selectMachine(definition, path), selected: null};
  page.scan = new StateScan(page.machine);
  const parentArn = path ? arn.split('|').slice(0, -2).join('|') : null;
  const crumbs = [[forExecution.name, route('machine', {arn: described.stateMachineArn})]];
  if (parentArn) crumbs.push([arnName(parentArn.split('|')[0]), route('execution', parentRoute(parentArn, path))]);
  crumbs.push([path ? path.split('/').pop().replace(/:-1$/, ' item ' + arn.split('|').pop()).replace(/:(\d+)$/, ' branch $1') : described.name,
    route('execution', params.get('path') ? {arn, path} : {arn})]);
  ctx.crumbs(crumbs);

  page.header = h('div');
  page.errorBox = h('div');
  page.graphHolder = h('div', {class: 'muted', text: 'Laying out…'});
  page.side = h('section', {class: 'panel side', id: 'state-panel', 'aria-label': 'Selected state'});
  page.io = h('section', {class: 'panel', 'aria-label': 'Execution input and output'});
  page.history = historyTable(page);
  main.append(page.header, page.errorBox,
    h('div', {class: 'row'}, h('section', {class: 'panel grow', 'aria-label': 'Graph'}, h('h2', {text: 'Graph'}), page.graphHolder,
      legend()), page.side),
    page.io, page.history.element);
  renderHeader(page);

  const layout = await Sfn.graph(path ? {executionArn: arn, path} : {executionArn: arn});
  if (!ctx.active()) return;
  page.graph = drawGraph(layout, node => { page.chosen = true; selectState(page, node.name); });
  clear(page.graphHolder).className = '';
  page.graphHolder.appendChild(page.graph.element);
  await scanAll(page);
  if (!ctx.active()) return;
  refresh(page);
  page.history.load(0);
  if (described.status === 'RUNNING') ctx.every(POLL_MS, () => poll(page));
}

function parentRoute(parentArn, path) {
  const parentPath = path.split('/').slice(0, -1).join('/');
  return parentPath ? {arn: parentArn, path: parentPath} : {arn: parentArn};
}

async function scanAll(page) {
  let nextToken;
  do {
    const result = await Sfn.call('GetExecutionHistory', Object.assign({executionArn: page.arn, maxResults: SCAN_PAGE},
      nextToken ? {nextToken} : {}));
    result.events.forEach(e => page.scan.apply(e));
    nextToken = result.nextToken;
    document.getElementById('live').textContent = 'Read ' + page.scan.lastId + ' events…';
  } while (nextToken && page.ctx.active());
  document.getElementById('live').textContent = '';
}

/** New events only: read newest-first until an event already seen, then apply them in order. */
async function poll(page) {
  const described = await Sfn.call('DescribeExecution', {executionArn: page.arn});
  const fresh = [];
  let nextToken;
  reading:
  do {
    const result = await Sfn.call('GetExecutionHistory', Object.assign({executionArn: page.arn, maxResults: HISTORY_PAGE,
      reverseOrder: true}, nextToken ? {nextToken} : {}));
    for (const event of result.events) {
      if (event.id <= page.scan.lastId) break reading;
      fresh.push(event);
    }
    nextToken = result.nextToken;
  } while (nextToken);
  if (!page.ctx.active()) return;
  fresh.reverse().forEach(e => page.scan.apply(e));
  const changed = fresh.length > 0 || described.status !== page.described.status;
  page.described = described;
  if (changed) {
    refresh(page);
    page.history.grew();
  }
  document.getElementById('live').textContent = described.status === 'RUNNING' ? '● live' : '';
  if (described.status !== 'RUNNING') page.ctx.stopPolling();
}

function refresh(page) {
  page.scan.finish(page.described);
  renderHeader(page);
  page.graph.setStatuses(page.scan.statuses());
  if (!page.chosen) {
    // Until the user picks a state, show the one that needs attention: waiting, failed, or the latest.
    const states = [...page.scan.states.values()];
    const first = page.scan.waiting()[0] || states.reverse().find(st => st.status === 'failed') || states[0];
    if (first) page.selected = first.name;
    if (first) page.graph.select(first.name);
  }
  if (page.selected) renderStatePanel(page, page.selected);
  renderIo(page);
}

function selectState(page, name) {
  page.selected = name;
  page.graph.select(name);
  renderStatePanel(page, name);
}

function renderHeader(page) {
  const d = page.described;
  const end = d.stopDate ? d.stopDate * 1000 : Date.now();
  const actions = [];
  if (d.status === 'RUNNING') actions.push(h('button', {class: 'danger', id: 'stop-execution', text: 'Stop', onclick: () => stopExecution(page)}));
  if (d.redriveStatus === 'REDRIVABLE') actions.push(h('button', {id: 'redrive-execution', text: 'Redrive', onclick: () => redrive(page)}));
  clear(page.header).append(
    h('div', {class: 'toolbar'}, h('h1', {text: page.path ? d.name + ' · ' + page.path : d.name}), h('span', {id: 'execution-status'}, badge(d.status)),
      h('span', {class: 'spacer'}), actions),
    h('div', {class: 'sub', text: d.executionArn}),
    h('dl', {class: 'facts'}, h('dt', {text: 'Started'}), h('dd', {text: fmtTime(d.startDate)}),
      h('dt', {text: 'Stopped'}), h('dd', {text: d.stopDate ? fmtTime(d.stopDate) : '—'}),
      h('dt', {text: 'Duration'}), h('dd', {text: fmtDuration(end - d.startDate * 1000)}),
      d.redriveCount ? [h('dt', {text: 'Redriven'}), h('dd', {text: d.redriveCount + ' times'})] : null));
  clear(page.errorBox);
  if (d.error || d.cause) {
    page.errorBox.appendChild(h('div', {class: 'error-box', id: 'execution-error', role: 'alert'},
      h('b', {text: d.error || d.status}), d.cause ? h('pre', {text: d.cause}) : null));
  }
}

function renderIo(page) {
  const d = page.described;
  clear(page.io).append(h('h2', {text: 'Execution input and output'}),
    h('div', {class: 'row'}, h('div', {class: 'grow'}, jsonBlock('Input', d.input)),
      h('div', {class: 'grow'}, d.output !== undefined ? jsonBlock('Output', d.output) : h('p', {class: 'muted', text: d.status === 'RUNNING' ? 'No output yet.' : 'No output.'}))));
}

function legend() {
  return h('div', {class: 'legend', 'aria-label': 'Legend'},
    ['succeeded', 'failed', 'caught', 'running', 'waiting', 'none'].map(st => h('span', {class: 'badge st-' + st, text: STATUS_TEXT[st]})));
}

async function stopExecution(page) {
  try {
    await Sfn.call('StopExecution', {executionArn: page.arn, error: 'Stopped', cause: 'Stopped from the Stepwise console'});
    toast('Stopped');
    await poll(page);
  } catch (e) { toast(e.message, true); }
}

async function redrive(page) {
  try {
    await Sfn.call('RedriveExecution', {executionArn: page.arn});
    toast('Redriven');
    page.described.status = 'RUNNING';
    page.ctx.every(POLL_MS, () => poll(page));
  } catch (e) { toast(e.message, true); }
}
