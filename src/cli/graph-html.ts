import type { LandingZoneGraph } from '../model/graph';
import { deploymentSvg, networkSvg, organizationSvg, xml, type SvgView } from './graph-svg';

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:13px/1.4 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1b1f24;background:#f6f8fa}
header{display:flex;gap:12px;align-items:center;padding:8px 14px;background:#232f3e;color:#fff;position:sticky;top:0;z-index:1}
header h1{font-size:15px;margin:0 12px 0 0;font-weight:600}
header button{background:#37475a;color:#fff;border:1px solid #4f6274;border-radius:4px;padding:4px 10px;cursor:pointer}
header button[aria-selected=true]{background:#ff9900;border-color:#ff9900;color:#111}
header input{margin-left:auto;padding:4px 8px;border-radius:4px;border:1px solid #4f6274;min-width:220px}
#status{font-size:12px;color:#d5dbe1;min-width:110px}
main{height:calc(100vh - 46px)}
section{display:none;height:100%}
section.active{display:block}
svg{width:100%;height:100%;cursor:grab;background:#fff}
svg.panning{cursor:grabbing}
text{font-size:12px;fill:#1b1f24}
.muted,.policies,.route{fill:#5b6570}
.policies{font-size:11px;font-style:italic}
.title{font-weight:600}
.edge,.dependency{fill:none;stroke:#9aa5b1;stroke-width:1.2}
.node rect{fill:#fff;stroke:#8c959f}
.node.ou rect{fill:#e8f0fe;stroke:#4a6fa5}
.node.root rect{fill:#232f3e}.node.root text{fill:#fff}.node.root .muted{fill:#c9d1d9}
.stack rect{fill:#fff7e6;stroke:#d48806}
.segment-box{fill:#f0f7f0;stroke:#3f8f3f}
.vpc rect{fill:#fff;stroke:#b7c4b7}
.reach{fill:none;stroke:#3f8f3f;stroke-width:2}
.route-path{fill:none;stroke:#c2410c;stroke-width:1.5;stroke-dasharray:6 4}
.match rect{stroke:#ff9900!important;stroke-width:3!important}
.dim{opacity:.25}
`;

/** Tabs, zoom (wheel, buttons), pan (drag) on the viewBox, and a search box that highlights and centres matches. */
const SCRIPT = `
(function(){
  var views = Array.prototype.slice.call(document.querySelectorAll('main section'));
  var tabs = Array.prototype.slice.call(document.querySelectorAll('header [data-view]'));
  var status = document.getElementById('status');
  var search = document.getElementById('search');
  var state = {};
  views.forEach(function(section){
    var svg = section.querySelector('svg');
    var full = svg.getAttribute('viewBox').split(' ').map(Number);
    var box = full.slice();
    state[section.id] = {svg: svg, full: full, box: box};
    var apply = function(){ svg.setAttribute('viewBox', box.map(function(v){return Math.round(v*10)/10;}).join(' ')); };
    state[section.id].apply = apply;
    svg.addEventListener('wheel', function(e){
      e.preventDefault();
      var rect = svg.getBoundingClientRect();
      var f = e.deltaY > 0 ? 1.15 : 1/1.15;
      var scale = Math.max(box[2]/rect.width, box[3]/rect.height);
      var px = box[0] + (e.clientX - rect.left) * scale, py = box[1] + (e.clientY - rect.top) * scale;
      box[0] = px - (px - box[0]) * f; box[1] = py - (py - box[1]) * f; box[2] *= f; box[3] *= f;
      apply();
    }, {passive:false});
    var drag = null;
    svg.addEventListener('pointerdown', function(e){ drag = {x:e.clientX, y:e.clientY, bx:box[0], by:box[1]}; svg.classList.add('panning'); svg.setPointerCapture(e.pointerId); });
    svg.addEventListener('pointermove', function(e){
      if (!drag) return;
      var rect = svg.getBoundingClientRect();
      var scale = Math.max(box[2]/rect.width, box[3]/rect.height);
      box[0] = drag.bx - (e.clientX - drag.x) * scale; box[1] = drag.by - (e.clientY - drag.y) * scale;
      apply();
    });
    svg.addEventListener('pointerup', function(){ drag = null; svg.classList.remove('panning'); });
  });
  function active(){ return views.filter(function(v){return v.classList.contains('active');})[0]; }
  function show(id){
    views.forEach(function(v){ v.classList.toggle('active', v.id === id); });
    tabs.forEach(function(t){ t.setAttribute('aria-selected', String(t.getAttribute('data-view') === id)); });
    runSearch();
  }
  function zoom(f){
    var s = state[active().id], b = s.box, cx = b[0] + b[2]/2, cy = b[1] + b[3]/2;
    b[2] *= f; b[3] *= f; b[0] = cx - b[2]/2; b[1] = cy - b[3]/2; s.apply();
  }
  function fit(){ var s = state[active().id]; for (var i = 0; i < 4; i++) s.box[i] = s.full[i]; s.apply(); }
  function runSearch(){
    var q = search.value.trim().toLowerCase();
    var section = active();
    var items = Array.prototype.slice.call(section.querySelectorAll('[data-search]'));
    var hits = [];
    items.forEach(function(el){
      var hit = q !== '' && el.getAttribute('data-search').indexOf(q) >= 0;
      el.classList.toggle('match', hit);
      el.classList.toggle('dim', q !== '' && !hit);
      if (hit) hits.push(el);
    });
    status.textContent = q === '' ? '' : hits.length + (hits.length === 1 ? ' match' : ' matches');
    return hits;
  }
  function centre(el){
    var s = state[active().id], bb = el.getBBox(), m = el.getCTM(), root = s.svg.getCTM();
    if (!m || !root) return;
    var p = s.svg.createSVGPoint(); p.x = bb.x + bb.width/2; p.y = bb.y + bb.height/2;
    var q = p.matrixTransform(root.inverse().multiply(m));
    s.box[0] = q.x - s.box[2]/2; s.box[1] = q.y - s.box[3]/2; s.apply();
  }
  tabs.forEach(function(t){ t.addEventListener('click', function(){ show(t.getAttribute('data-view')); }); });
  document.getElementById('zoom-in').addEventListener('click', function(){ zoom(1/1.25); });
  document.getElementById('zoom-out').addEventListener('click', function(){ zoom(1.25); });
  document.getElementById('fit').addEventListener('click', fit);
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', function(e){ if (e.key === 'Enter') { var hits = runSearch(); if (hits.length > 0) centre(hits[0]); } });
  window.lzGraph = {show: show, search: function(q){ search.value = q; return runSearch().length; }};
})();
`;

function svgOf(id: string, title: string, view: SvgView, active: boolean): string {
  return [
    `<section id="${id}"${active ? ' class="active"' : ''} aria-label="${xml(title)}">`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${view.width} ${view.height}" preserveAspectRatio="xMinYMin meet" role="img" aria-label="${xml(title)}">`,
    ...(id === 'network' ? ['<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#c2410c"/></marker></defs>'] : []),
    view.body,
    '</svg>',
    '</section>',
  ].join('\n');
}

/** One self-contained page (inline CSS, JS and SVG; nothing is fetched) with the three views. */
export function renderHtml(g: LandingZoneGraph, title: string): string {
  const views: Array<[string, string, SvgView]> = [
    ['organization', 'Organization', organizationSvg(g)],
    ['network', 'Network', networkSvg(g.network)],
    ['deployment', 'Deployment waves', deploymentSvg(g.deployment)],
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    `<title>${xml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${xml(title)}</h1>`,
    ...views.map(([id, label], i) => `<button type="button" data-view="${id}" aria-selected="${i === 0}">${label}</button>`),
    '<button type="button" id="zoom-in" title="zoom in">+</button><button type="button" id="zoom-out" title="zoom out">&#8722;</button><button type="button" id="fit" title="fit">fit</button>',
    '<input id="search" type="search" placeholder="search accounts, OUs, segments, VPCs, stacks" aria-label="search"><span id="status"></span></header>',
    '<main>',
    ...views.map(([id, label, view], i) => svgOf(id, label, view, i === 0)),
    '</main>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
