'use strict';
// Folds an execution's history, page by page, into what happened to each state. Only the
// latest payloads of each state are kept, so a 25,000-event history is never held at once.
const FAILURE_EVENTS = /(Failed|TimedOut|StartFailed|SubmitFailed)$/;
const TOKEN_REFERENCE = /\$\$\.Task\.Token|\$states\.context\.Task\.Token/;
const STEPWISE_TOKEN = /^[A-Za-z0-9_-]{64}$/;
// A Map's or Parallel's own events, which can follow its children's (merged in at the join).
const CONTAINER_EVENT = /^(Map|Parallel)State(Started|Failed|Succeeded|Aborted)$/;

class StateScan {
  /** @param machine the definition (or branch / item processor) the execution runs */
  constructor(machine) {
    this.machine = machine || {States: {}};
    this.states = new Map();
    this.current = null;
    this.lastId = 0;
    this.stateOfEvent = new Map();
    this.containers = [];
    this.ended = null;
  }

  state(name) {
    if (!this.states.has(name)) this.states.set(name, {name, status: 'none', entries: 0});
    return this.states.get(name);
  }

  apply(event) {
    if (event.id <= this.lastId) return;
    this.lastId = event.id;
    if (this.startedAt === undefined) this.startedAt = event.timestamp;
    const type = event.type;
    const details = eventDetails(event) || {};
    if (/^(Map|Parallel)StateEntered$/.test(type)) this.containers.push(details.name);
    if (type.endsWith('StateEntered')) {
      this.current = details.name;
      const st = this.state(details.name);
      Object.assign(st, {status: 'running', input: details.input, output: undefined, error: undefined, parameters: undefined,
        result: undefined, pendingError: false, children: st.children, token: undefined, enteredAt: event.timestamp});
      st.entries++;
    }
    let name = type.endsWith('StateExited') ? details.name : this.current;
    if (CONTAINER_EVENT.test(type) && this.containers.length) {
      name = this.containers[this.containers.length - 1];
      // The branch's state that was running when the container failed is where it failed.
      const inner = this.current && this.current !== name ? this.state(this.current) : null;
      if (inner && inner.status === 'running' && /Failed$/.test(type)) {
        Object.assign(inner, {status: 'failed', error: {error: details.error, cause: details.cause}});
      }
    }
    if (/^(Map|Parallel)StateExited$/.test(type)) this.containers.pop();
    if (name !== null && name !== undefined) this.stateOfEvent.set(event.id, name);
    if (type.startsWith('Execution')) {
      if (/^Execution(Failed|TimedOut|Aborted)$/.test(type)) {
        this.ended = {type, error: details.error, cause: details.cause};
        if (this.current) Object.assign(this.state(this.current), {status: 'failed', error: {error: details.error, cause: details.cause}});
      }
      return;
    }
    if (name === null || name === undefined) return;
    const st = this.state(name);
    if (type.endsWith('StateExited')) {
      st.status = st.pendingError ? 'caught' : 'succeeded';
      st.output = details.output;
      if (this.current === name) this.current = null;
    } else if (type === 'TaskScheduled' || type === 'LambdaFunctionScheduled') {
      st.parameters = details.parameters !== undefined ? details.parameters : details.input;
      st.pendingError = false;
      st.error = undefined;
      st.token = this.tokenIn(name, st.parameters);
      st.status = this.waitsForToken(name) ? 'waiting' : 'running';
    } else if (type === 'TaskSucceeded' || type === 'LambdaFunctionSucceeded') {
      st.result = details.output;
      st.status = 'running';
      st.token = undefined;
    } else if (type === 'MapStateStarted' || type === 'ParallelStateStarted') {
      const prefix = event.stepwiseChildExecutions && event.stepwiseChildExecutions.executionArnPrefix;
      const definition = this.machine.States[name] || {};
      const count = type === 'MapStateStarted' ? details.length : (definition.Branches || []).length;
      st.children = prefix ? {prefix, count, parallel: type === 'ParallelStateStarted'} : undefined;
    } else if (FAILURE_EVENTS.test(type) && !type.startsWith('MapIteration')) {
      st.status = 'failed';
      st.pendingError = true;
      st.token = undefined;
      st.error = {error: details.error, cause: details.cause};
    }
  }

  /**
   * A Parallel branch or Map iteration ends without Execution* events of its own: its
   * DescribeExecution says how, and the state it stopped in failed.
   */
  finish(described) {
    const failed = ['FAILED', 'TIMED_OUT', 'ABORTED'].includes(described.status);
    if (failed && this.current && !this.ended) {
      Object.assign(this.state(this.current), {status: 'failed', error: {error: described.error, cause: described.cause}});
    }
  }

  waitsForToken(name) {
    const definition = this.machine.States[name] || {};
    return String(definition.Resource || '').endsWith('.waitForTaskToken');
  }

  /** The task token a waiting state was given: where its Parameters or Arguments put $$.Task.Token. */
  tokenIn(name, parametersText) {
    if (!this.waitsForToken(name) || parametersText === undefined) return undefined;
    let parameters;
    try { parameters = JSON.parse(parametersText); } catch (e) { return undefined; }
    const definition = this.machine.States[name] || {};
    const template = definition.Parameters || definition.Arguments;
    const path = template === undefined ? null : tokenPath(template);
    if (path) {
      let value = parameters;
      for (const key of path) value = value === null || value === undefined ? undefined : value[key];
      if (typeof value === 'string') return value;
    }
    return findToken(parameters);
  }

  statuses() {
    const map = new Map();
    for (const [name, st] of this.states) map.set(name, st.status);
    return map;
  }

  waiting() {
    return [...this.states.values()].filter(st => st.status === 'waiting');
  }
}

function eventDetails(event) {
  for (const key of Object.keys(event)) if (key.endsWith('EventDetails')) return event[key];
  return null;
}

/** The keys leading to the field whose value is $$.Task.Token ("Payload.token.$" -> ["Payload", "token"]). */
function tokenPath(template) {
  if (template === null || typeof template !== 'object') return typeof template === 'string' && TOKEN_REFERENCE.test(template) ? [] : null;
  for (const [key, value] of Object.entries(template)) {
    if (typeof value === 'string' && TOKEN_REFERENCE.test(value) && (key.endsWith('.$') || value.startsWith('{%'))) {
      return [key.endsWith('.$') ? key.slice(0, -2) : key];
    }
    const inner = typeof value === 'object' ? tokenPath(value) : null;
    if (inner) return [key.endsWith('.$') ? key.slice(0, -2) : key, ...inner];
  }
  return null;
}

function findToken(value) {
  if (typeof value === 'string') return STEPWISE_TOKEN.test(value) ? value : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const inner of Object.values(value)) {
    const found = findToken(inner);
    if (found) return found;
  }
  return undefined;
}

/** The branch or item processor at a child's path ("Map:-1", "P:2/Inner:-1"), as the server selects it. */
function selectMachine(definition, path) {
  let machine = definition;
  if (!path) return machine;
  for (const segment of path.split('/')) {
    const colon = segment.lastIndexOf(':');
    const state = (machine.States || {})[segment.slice(0, colon)] || {};
    const branch = Number(segment.slice(colon + 1));
    machine = branch < 0 ? (state.ItemProcessor || state.Iterator || {States: {}}) : ((state.Branches || [])[branch] || {States: {}});
  }
  return machine;
}
