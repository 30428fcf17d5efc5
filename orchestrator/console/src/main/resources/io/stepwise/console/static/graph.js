'use strict';
// Draws a laid-out definition (from /console/graph) as SVG, the way Workflow Studio does.
const STATUS_TEXT = {succeeded: 'succeeded', failed: 'failed', caught: 'failed, caught', running: 'running',
  waiting: 'waiting for a task token', none: 'not reached'};

function drawGraph(layout, onSelect) {
  const svg = s('svg', {class: 'graph', width: layout.width, height: layout.height,
    viewBox: '0 0 ' + layout.width + ' ' + layout.height, role: 'group', 'aria-label': 'State machine graph'});
  svg.appendChild(s('defs', {}, marker('arrow', ''), marker('arrow-catch', 'catch')));
  const byId = new Map(layout.nodes.map(n => [n.id, n]));
  const groups = new Map();
  const containers = layout.nodes.filter(n => n.kind === 'branch' || layout.nodes.some(c => c.parent === n.id));
  for (const node of containers) svg.appendChild(containerBox(node, groups));
  for (const edge of layout.edges) svg.appendChild(edgePath(edge));
  for (const node of layout.nodes) {
    if (containers.includes(node)) continue;
    svg.appendChild(node.kind === 'state' ? stateBox(node, groups) : terminal(node));
  }
  for (const [, g] of groups) {
    const node = byId.get(g.getAttribute('data-id'));
    const pick = () => onSelect && onSelect(node);
    g.addEventListener('click', pick);
    g.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(); } });
  }
  const view = {
    element: h('div', {class: 'graph-wrap'}, svg),
    /** statuses: Map of state name -> succeeded | failed | caught | running | waiting */
    setStatuses(statuses) {
      for (const [, g] of groups) {
        const name = g.getAttribute('data-name');
        const status = statuses.get(name) || 'none';
        const previous = g.getAttribute('data-status');
        if (previous === status) continue;
        g.classList.remove('s-' + previous);
        g.classList.add('s-' + status);
        g.setAttribute('data-status', status);
        g.setAttribute('aria-label', name + ' (' + g.getAttribute('data-type') + '): ' + STATUS_TEXT[status]);
      }
    },
    select(name) {
      for (const [, g] of groups) g.classList.toggle('selected', g.getAttribute('data-name') === name);
    },
    nodeNamed(name) {
      for (const [, g] of groups) if (g.getAttribute('data-name') === name) return g;
      return null;
    }
  };
  view.setStatuses(new Map());
  return view;
}

function marker(id, kind) {
  return s('marker', {id, class: kind, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse'},
    s('path', {d: 'M0,0 L10,5 L0,10 z'}));
}

function stateGroup(node, groups, extraClass) {
  const g = s('g', {class: 'node ' + extraClass, tabindex: 0, role: 'button', 'data-id': node.id, 'data-name': node.name,
    'data-type': node.type || '', 'data-status': 'none'});
  groups.set(node.id, g);
  return g;
}

function stateBox(node, groups) {
  const g = stateGroup(node, groups, 'state');
  g.appendChild(s('rect', {class: 'box', x: node.x, y: node.y, width: node.w, height: node.h, rx: 8}));
  const cx = node.x + node.w / 2;
  const detail = [node.type, node.detail].filter(Boolean).join(' · ');
  g.appendChild(s('text', {x: cx, y: node.y + (detail ? 18 : 27), 'text-anchor': 'middle', text: node.name}));
  if (detail) g.appendChild(s('text', {class: 'detail', x: cx, y: node.y + 34, 'text-anchor': 'middle', text: detail}));
  g.appendChild(s('title', {text: node.name + (detail ? ' — ' + detail : '')}));
  return g;
}

function containerBox(node, groups) {
  if (node.kind === 'branch') {
    return s('g', {class: 'branch', 'data-id': node.id},
      s('rect', {x: node.x, y: node.y, width: node.w, height: node.h, rx: 8}),
      s('text', {x: node.x + 10, y: node.y + 18, text: node.name}));
  }
  const g = stateGroup(node, groups, 'container');
  g.appendChild(s('rect', {class: 'box', x: node.x, y: node.y, width: node.w, height: node.h, rx: 10}));
  g.appendChild(s('text', {class: 'caption', x: node.x + 12, y: node.y + 17, text: node.type + (node.detail ? ' · ' + node.detail : '')}));
  g.appendChild(s('text', {x: node.x + 12, y: node.y + 32, text: node.name}));
  return g;
}

function terminal(node) {
  return s('g', {class: 'terminal', 'data-id': node.id},
    s('rect', {x: node.x, y: node.y, width: node.w, height: node.h, rx: node.h / 2}),
    s('text', {x: node.x + node.w / 2, y: node.y + node.h / 2 + 4, 'text-anchor': 'middle', text: node.name}));
}

function edgePath(edge) {
  const d = edge.points.map((p, i) => (i ? 'L' : 'M') + p[0] + ',' + p[1]).join(' ');
  const g = s('g', {class: 'edge ' + edge.kind, 'data-from': edge.from, 'data-to': edge.to},
    s('path', {d, 'marker-end': edge.kind === 'catch' ? 'url(#arrow-catch)' : 'url(#arrow)'}));
  if (edge.label && edge.labelBox) {
    const [x, y, w, hgt] = edge.labelBox;
    g.appendChild(s('rect', {x, y, width: w, height: hgt, rx: 3}));
    g.appendChild(s('text', {x: x + w / 2, y: y + hgt - 4, 'text-anchor': 'middle', text: edge.label}));
  }
  return g;
}
