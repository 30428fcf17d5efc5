'use strict';
// The execution page's side panel (the selected state) and its paged history table.
const CHILDREN_PAGE = 20;

function renderStatePanel(page, name) {
  const st = page.scan.states.get(name) || {name, status: 'none'};
  const definition = (page.machine.States || {})[name] || {};
  const panel = clear(page.side);
  panel.append(h('div', {class: 'toolbar'}, h('h2', {text: name}), h('span', {class: 'spacer'}), badge(st.status)),
    h('div', {class: 'sub', text: [definition.Type, definition.Resource].filter(Boolean).join(' · ')}));
  if (st.error && (st.error.error || st.error.cause)) {
    panel.appendChild(h('div', {class: 'error-box', id: 'state-error'}, h('b', {text: st.error.error || 'Error'}),
      st.error.cause ? h('pre', {text: st.error.cause}) : null,
      st.status === 'caught' ? h('div', {class: 'muted', text: 'Caught by a Catch.'}) : null));
  }
  if (st.status === 'waiting') panel.appendChild(callbackForm(page, st));
  if (st.children) panel.appendChild(childrenList(page, name, st.children));
  panel.append(jsonBlock('Input', st.input) || '', jsonBlock('Task parameters', st.parameters) || '',
    jsonBlock('Task result', st.result) || '', jsonBlock('Output', st.output) || '');
  if (st.status === 'none') panel.appendChild(h('p', {class: 'muted', text: 'Not reached.'}));
}

function callbackForm(page, st) {
  if (!st.token) {
    return h('p', {class: 'muted', text: 'Waiting for a task token; its parameters do not show the token.'});
  }
  let valid = true;
  const success = h('button', {class: 'primary', id: 'send-task-success', text: 'Send task success'});
  const editor = jsonEditor('Output (JSON)', '{}', ok => { valid = ok; success.disabled = !ok; });
  editor.area.id = 'task-output';
  const error = h('input', {type: 'text', id: 'task-error', 'aria-label': 'Error', placeholder: 'Error name'});
  const cause = h('input', {type: 'text', id: 'task-cause', 'aria-label': 'Cause', placeholder: 'Cause'});
  const failure = h('button', {class: 'danger', id: 'send-task-failure', text: 'Send task failure'});
  const send = async (operation, body, button) => {
    button.disabled = true;
    try {
      await Sfn.call(operation, Object.assign({taskToken: st.token}, body));
      toast(operation + ' sent');
      await poll(page);
    } catch (e) {
      toast(e.message, true);
      button.disabled = false;
    }
  };
  success.addEventListener('click', () => valid && send('SendTaskSuccess', {output: editor.value()}, success));
  failure.addEventListener('click', () => {
    const body = {};
    if (error.value) body.error = error.value;
    if (cause.value) body.cause = cause.value;
    send('SendTaskFailure', body, failure);
  });
  return h('div', {class: 'panel', id: 'callback'}, h('h3', {text: 'Answer the task token'}),
    h('div', {class: 'sub', text: st.token}), editor.element, success,
    h('h3', {text: 'Or fail the task'}), h('div', {class: 'toolbar'}, error, cause, failure));
}

/** The branches or iterations of a Parallel or Map, each an execution of its own, opened from here. */
function childrenList(page, name, children) {
  const list = h('ul', {class: 'children', id: 'children'});
  const more = h('button', {class: 'link', text: 'Show more'});
  let shown = 0;
  const showMore = () => {
    const until = Math.min(children.count, shown + CHILDREN_PAGE);
    for (; shown < until; shown++) {
      const index = shown;
      const childArn = children.prefix + index;
      const childPath = (page.path ? page.path + '/' : '') + name + ':' + (children.parallel ? index : -1);
      const status = h('span', {}, '…');
      list.appendChild(h('li', {}, h('a', {href: route('execution', {arn: childArn, path: childPath}),
        text: (children.parallel ? 'Branch ' + (index + 1) : 'Iteration ' + index)}), status));
      Sfn.call('DescribeExecution', {executionArn: childArn})
        .then(d => clear(status).appendChild(badge(d.status))).catch(() => { status.textContent = 'not started'; });
    }
    more.hidden = shown >= children.count;
  };
  more.addEventListener('click', showMore);
  showMore();
  return h('div', {}, h('h3', {text: (children.parallel ? 'Branches' : 'Iterations') + ' (' + children.count + ')'}), list, more);
}

function historyTable(page) {
  const body = h('tbody');
  const older = h('button', {id: 'history-next', text: 'Next →'});
  const newer = h('button', {id: 'history-prev', text: '← Previous'});
  const where = h('span');
  const tokens = [null];
  let at = 0;
  let atEnd = false;
  const load = async (index) => {
    at = index;
    const request = {executionArn: page.arn, maxResults: HISTORY_PAGE};
    if (tokens[at]) request.nextToken = tokens[at];
    const result = await Sfn.call('GetExecutionHistory', request);
    if (!page.ctx.active()) return;
    tokens[at + 1] = result.nextToken || null;
    atEnd = !result.nextToken;
    clear(body);
    for (const event of result.events) body.append(...eventRows(page, event));
    newer.disabled = at === 0;
    older.disabled = atEnd;
    const first = result.events.length ? result.events[0].id : 0;
    where.textContent = result.events.length ? 'Events ' + first + '–' + result.events[result.events.length - 1].id : 'No events';
  };
  older.addEventListener('click', () => load(at + 1).catch(e => toast(e.message, true)));
  newer.addEventListener('click', () => load(Math.max(0, at - 1)).catch(e => toast(e.message, true)));
  const element = h('section', {class: 'panel', 'aria-label': 'Event history'},
    h('div', {class: 'toolbar'}, h('h2', {text: 'Event history'}), h('span', {class: 'spacer'})),
    h('table', {id: 'history'},
      h('thead', {}, h('tr', {}, h('th', {class: 'num', text: 'ID'}), h('th', {text: 'Type'}), h('th', {text: 'State'}),
        h('th', {text: 'Time'}), h('th', {class: 'num', text: 'Elapsed'}))), body),
    h('div', {class: 'pager'}, where, newer, older));
  return {
    element,
    load: index => load(index).catch(e => toast(e.message, true)),
    /** New events arrived: the last page shows them (or gains a next page). */
    grew: () => { if (atEnd) load(at).catch(e => toast(e.message, true)); }
  };
}

function eventRows(page, event) {
  const state = page.scan.stateOfEvent.get(event.id) || '';
  const details = eventDetails(event);
  const open = h('button', {class: 'link', 'aria-expanded': 'false', text: event.type});
  const failed = FAILURE_EVENTS.test(event.type);
  const row = h('tr', {class: 'event' + (failed ? ' failed' : ''), 'data-id': event.id},
    h('td', {class: 'num', text: event.id}), h('td', {}, open, failed ? [' ', badge('FAILED')] : null),
    h('td', {}, state ? h('button', {class: 'link', text: state, onclick: () => { page.chosen = true; selectState(page, state); }}) : ''),
    h('td', {text: fmtTime(event.timestamp)}),
    h('td', {class: 'num', text: '+' + fmtDuration((event.timestamp - (page.scan.startedAt || page.described.startDate)) * 1000)}));
  const more = h('tr', {class: 'details', hidden: true}, h('td', {colspan: 5}, details ? jsonView(expandPayloads(details), 3) : h('span', {class: 'muted', text: 'No details.'})));
  open.addEventListener('click', () => {
    more.hidden = !more.hidden;
    open.setAttribute('aria-expanded', String(!more.hidden));
  });
  return [row, more];
}

/** input, output and parameters are JSON text inside the event: shown as JSON too. */
function expandPayloads(details) {
  const copy = Object.assign({}, details);
  for (const key of ['input', 'output', 'parameters']) {
    if (typeof copy[key] === 'string') {
      try { copy[key] = JSON.parse(copy[key]); } catch (e) { /* left as text */ }
    }
  }
  return copy;
}
