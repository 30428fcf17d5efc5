'use strict';
// The state machines: type, creation date and counts of executions by status.
const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];
const COUNT_PAGES = 10; // at most 10 pages of 1,000 per status are counted: "10000+" beyond

async function listAll(operation, field, body) {
  const items = [];
  let nextToken;
  do {
    const page = await Sfn.call(operation, Object.assign({maxResults: 1000}, body, nextToken ? {nextToken} : {}));
    items.push(...page[field]);
    nextToken = page.nextToken;
  } while (nextToken);
  return items;
}

async function countExecutions(stateMachineArn, statusFilter) {
  let count = 0;
  let nextToken;
  for (let page = 0; page < COUNT_PAGES; page++) {
    const result = await Sfn.call('ListExecutions', Object.assign({stateMachineArn, statusFilter, maxResults: 1000},
      nextToken ? {nextToken} : {}));
    count += result.executions.length;
    nextToken = result.nextToken;
    if (!nextToken) return String(count);
  }
  return count + '+';
}

async function machinesPage(main, ctx) {
  ctx.crumbs([]);
  const body = h('tbody');
  main.appendChild(h('div', {class: 'panel'},
    h('div', {class: 'toolbar'}, h('h1', {text: 'State machines'}), h('span', {class: 'spacer'})),
    h('table', {id: 'machines'},
      h('thead', {}, h('tr', {}, h('th', {text: 'Name'}), h('th', {text: 'Type'}), h('th', {text: 'Created'}),
        STATUSES.map(st => h('th', {class: 'num', text: st.replace('_', ' ').toLowerCase()})))),
      body)));
  const machines = await listAll('ListStateMachines', 'stateMachines', {});
  if (!ctx.active()) return;
  if (machines.length === 0) body.appendChild(h('tr', {}, h('td', {colspan: 8, class: 'empty', text: 'No state machines yet.'})));
  const cells = [];
  for (const machine of machines) {
    const counts = STATUSES.map(status => h('td', {class: 'num', 'data-status': status, text: '…'}));
    cells.push({machine, counts});
    body.appendChild(h('tr', {'data-arn': machine.stateMachineArn},
      h('td', {}, h('a', {href: route('machine', {arn: machine.stateMachineArn}), text: machine.name})),
      h('td', {text: machine.type}), h('td', {text: fmtTime(machine.creationDate)}), counts));
  }
  const refresh = async () => {
    for (const {machine, counts} of cells) {
      for (let i = 0; i < STATUSES.length; i++) {
        if (!ctx.active()) return;
        counts[i].textContent = await countExecutions(machine.stateMachineArn, STATUSES[i]);
      }
    }
  };
  await refresh();
  ctx.every(10000, refresh);
}
