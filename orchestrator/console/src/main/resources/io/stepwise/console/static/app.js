'use strict';
// Routes (#/, #/machine?arn=, #/execution?arn=[&path=]) and each page's lifetime: a page's
// timers stop when another page opens.
const PAGES = {'': machinesPage, machine: machinePage, execution: executionPage};
let generation = 0;

function pageContext() {
  const mine = ++generation;
  const timers = new Set();
  const ctx = {
    active: () => mine === generation,
    crumbs(list) {
      const nav = clear(document.getElementById('crumbs'));
      nav.appendChild(h('a', {href: '#/', text: 'State machines'}));
      for (const [text, href] of list) nav.append(' / ', h('a', {href, text}));
    },
    /** Runs fn every ms, never two at once, until the page changes or polling stops. */
    every(ms, fn) {
      const timer = {stopped: false};
      timers.add(timer);
      const tick = async () => {
        if (timer.stopped || !ctx.active()) return;
        try { await fn(); } catch (e) { console.warn(e.message); }
        if (!timer.stopped && ctx.active()) setTimeout(tick, ms);
      };
      setTimeout(tick, ms);
    },
    stopPolling() {
      for (const timer of timers) timer.stopped = true;
    }
  };
  return ctx;
}

async function show() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [name, query] = hash.split('?');
  const page = PAGES[name] || machinesPage;
  const ctx = pageContext();
  const main = clear(document.getElementById('main'));
  document.getElementById('live').textContent = '';
  try {
    await page(main, ctx, new URLSearchParams(query || ''));
  } catch (e) {
    if (!ctx.active()) return;
    main.appendChild(h('div', {class: 'error-box', role: 'alert'}, h('b', {text: 'Could not load this page'}), h('pre', {text: e.message})));
  }
  document.getElementById('main').setAttribute('data-ready', String(generation));
}

window.addEventListener('hashchange', () => {
  show();
  document.getElementById('main').focus({preventScroll: true});
});
show();
