// report_page.js — the report page's chart script (see report.h), embedded
// into the stablecut binary at build time and inlined after Chart.js. It
// reads the JSON island #report-data, draws one chart per question into the
// <figure> elements of the page (or, with nothing to show, an empty-state
// message in words), then writes a JSON description of every chart as drawn
// into #chart-summary and sets data-rendered="true" on <body>.
'use strict';
const D = JSON.parse(document.getElementById('report-data').textContent);
// Every crash-state kind (injector/vocab/crash_mode.h order); a kind this
// list lacks is still plotted, in a palette colour.
const KINDS = ['prefix', 'reorder', 'torn', 'lying-flush', 'misdirected', 'lost-write', 'bit-rot', 'read-error',
  'io-error', 'sub-sector-tear', 'call-error', 'call-misuse'];
const KIND_COLORS = {prefix: '#1565c0', reorder: '#ef6c00', torn: '#8e24aa', 'lying-flush': '#00838f',
  misdirected: '#ad1457', 'lost-write': '#4e342e', 'bit-rot': '#558b2f', 'read-error': '#f9a825',
  'io-error': '#c62828', 'sub-sector-tear': '#5e35b1', 'call-error': '#37474f',
  'call-misuse': '#d81b60'};
const OUTCOME_COLORS = {ok_current: '#2e7d32', ok_previous: '#9ccc65', lost: '#f9a825', corrupt: '#c62828',
  recovery_failed: '#6a1b9a', recovery_crash: '#212121', hang: '#546e7a', detected: '#00838f'};
const PALETTE = ['#1565c0', '#c62828', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457', '#4e342e'];
const NO_CAMPAIGNS = 'No campaigns yet: run "stablecut campaign", then "stablecut report" again.';
const NO_WORKLOADS = 'No workload has been committed yet, so there is nothing to plot.';
const summary = [];

Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.font.size = 12;

const sum = rows => rows.reduce((s, r) => s + r.states, 0);
const byId = Object.fromEntries(D.campaigns.map(c => [c.id, c]));
function stamp(unix) { return new Date(unix * 1000).toISOString().slice(0, 16).replace('T', ' '); }
function campaignName(id) { const c = byId[id]; return `#${c.id} ${c.label} (${stamp(c.started_at)})`; }
function count(n, one, many) { return `${n.toLocaleString('en')} ${n === 1 ? one : many}`; }

// Seconds, minutes or hours, whichever keeps the longest series readable.
function timeUnit(series) {
  const longest = Math.max(0, ...series.flatMap(s => s.points.map(p => p.t)));
  return longest < 180 ? {s: 1, name: 'seconds'} : longest < 3 * 3600 ? {s: 60, name: 'minutes'} : {s: 3600, name: 'hours'};
}

function axis(title, extra) { return Object.assign({title: {display: true, text: title}}, extra); }
function countAxis(title, extra) {
  return axis(title, Object.assign({beginAtZero: true, suggestedMax: 1, ticks: {precision: 0}}, extra));
}

function describe(id, chart) {
  const axes = {};
  for (const [key, scale] of Object.entries(chart.scales))
    axes[key] = {type: scale.type, title: scale.options.title.text, min: scale.min, max: scale.max,
      integer: scale.options.ticks.precision === 0, ticks: scale.ticks.map(t => t.value),
      labels: scale.ticks.map(t => String(t.label))};
  const {title, subtitle} = chart.options.plugins;
  return {id, title: `${title.text} ${subtitle.text}`, type: chart.config.type, axes, labels: chart.data.labels || [],
    datasets: chart.data.datasets.map(d => ({label: d.label, data: d.data}))};
}

// title: [the question, what is drawn to answer it].
function plot(id, title, emptyMessage, config) {
  const box = document.getElementById(id);
  if (emptyMessage) {
    box.replaceChildren();
    box.classList.add('no-data');
    box.appendChild(document.createElement('h3')).textContent = title[0];
    box.appendChild(document.createElement('div')).textContent = title[1];
    const p = box.appendChild(document.createElement('p'));
    p.className = 'empty';
    p.textContent = emptyMessage;
    summary.push({id, title: title.join(' '), empty: emptyMessage});
    return;
  }
  config.options.plugins = Object.assign({title: {display: true, text: title[0], font: {size: 15}},
    subtitle: {display: true, text: title[1], padding: {bottom: 8}}}, config.options.plugins);
  summary.push(describe(id, new Chart(box.querySelector('canvas'), config)));
}

function whereEmpty() {
  if (!D.campaigns.length) return NO_CAMPAIGNS;
  if (!D.summary.states) return NO_WORKLOADS;
  if (!D.summary.illegal_states)
    return `No illegal crash states: all ${count(D.summary.states, 'checked crash state', 'checked crash states')} ` +
      'recovered to a legal state.';
  return null;
}

// Grouped bars on a log scale, so that one illegal state beside thousands
// still shows; only powers of ten are labelled.
function logAxis(title, datasets) {
  const top = Math.max(1, ...datasets.flatMap(d => d.data));
  return axis(title, {type: 'logarithmic', min: 0.5, max: 10 ** Math.ceil(Math.log10(top) + 0.01),
    ticks: {callback: v => Number.isInteger(Math.log10(v)) ? v.toLocaleString('en') : ''},
    grid: {color: c => Number.isInteger(Math.log10(c.tick.value)) ? 'rgba(0,0,0,0.1)' : 'transparent'}});
}

function whereChart() {
  const illegal = D.by_phase.filter(r => !r.legal);
  const seen = illegal.map(r => r.kind);
  const kinds = KINDS.filter(k => seen.includes(k)).concat([...new Set(seen)].filter(k => !KINDS.includes(k)));
  const datasets = kinds.map((k, i) => ({label: k, backgroundColor: KIND_COLORS[k] || PALETTE[i % PALETTE.length],
    data: D.phases.map(p => sum(illegal.filter(r => r.phase === p && r.kind === k)) || null)}));
  plot('chart-where', ['Where do failures happen?', 'Illegal crash states by phase of the cut and crash-state kind (log scale)'],
    whereEmpty(), {type: 'bar', data: {labels: D.phases, datasets},
    options: {scales: {x: axis('protocol phase of the cut'), y: logAxis('illegal crash states', datasets)},
      plugins: {tooltip: {callbacks: {footer: items => illegal.filter(r => r.phase === D.phases[items[0].dataIndex] &&
        r.kind === items[0].dataset.label).map(r => `${r.outcome}: ${r.states.toLocaleString('en')}`)}}}}});
}

function outcomesChart() {
  const seen = D.by_phase.map(r => r.outcome);
  const known = Object.keys(OUTCOME_COLORS);
  const outcomes = known.filter(o => seen.includes(o)).concat([...new Set(seen)].filter(o => !known.includes(o)));
  const datasets = outcomes.map((o, i) => ({label: o, backgroundColor: OUTCOME_COLORS[o] || PALETTE[i % PALETTE.length],
    data: D.phases.map(p => sum(D.by_phase.filter(r => r.phase === p && r.outcome === o)) || null)}));
  plot('chart-outcomes', ['Which outcomes, in which phase?', 'Every checked crash state by phase of the cut and outcome (log scale)'],
    !D.campaigns.length ? NO_CAMPAIGNS : !D.summary.states ? NO_WORKLOADS : null,
    {type: 'bar', data: {labels: D.phases, datasets},
    options: {scales: {x: axis('protocol phase of the cut'), y: logAxis('crash states', datasets)}}});
}

// One line per campaign, x = time into it. stepped 'before' keeps a count
// flat up to the point where it rises (a signature counts from its first hit).
function overTime(id, title, series, value, yAxis, stepped) {
  const unit = timeUnit(series);
  plot(id, title, !D.campaigns.length ? NO_CAMPAIGNS : !series.length ? NO_WORKLOADS : null,
    {type: 'line', data: {datasets: series.map((s, i) => ({label: campaignName(s.campaign), stepped,
      borderColor: PALETTE[i % PALETTE.length], backgroundColor: PALETTE[i % PALETTE.length], pointRadius: 2,
      data: s.points.map(p => ({x: p.t / unit.s, y: value(p)}))}))},
    options: {scales: {x: axis(`time into the campaign (${unit.name})`, {type: 'linear', min: 0, suggestedMax: 1}), y: yAxis}}});
}

function campaignsChart() {
  const shown = D.campaigns.slice(-D.campaigns_shown);
  plot('chart-campaigns', ['How does each campaign compare with the ones before?',
    'Failure signatures hit (new to the database, seen before) and crash states checked, per campaign'],
    shown.length ? null : NO_CAMPAIGNS,
    {type: 'bar', data: {labels: shown.map(c => `#${c.id} ${stamp(c.started_at)}`), datasets: [
      {label: 'new failure signatures', backgroundColor: '#c62828', stack: 'f', data: shown.map(c => c.new_failures)},
      {label: 'seen before', backgroundColor: '#ef9a9a', stack: 'f', data: shown.map(c => c.failures - c.new_failures)},
      {label: 'crash states checked', type: 'line', order: -1, yAxisID: 'states', borderColor: '#1565c0',
        backgroundColor: '#1565c0', data: shown.map(c => c.states)}]},
    options: {scales: {x: axis('campaign (start, UTC)', {stacked: true}),
      y: countAxis('failure signatures', {stacked: true}),
      states: countAxis('crash states checked', {position: 'right', grid: {drawOnChartArea: false}})}}});
}

// One chart per bench series: every rate figure per bench run, log scale
// (figures differ by orders of magnitude).
function benchCharts() {
  if (!D.bench) return;
  D.bench.series.forEach((s, i) => {
    const figures = [...new Set(s.points.flatMap(p => Object.keys(p.figures)))];
    const datasets = figures.map((f, j) => ({label: f, borderColor: PALETTE[j % PALETTE.length],
      backgroundColor: PALETTE[j % PALETTE.length], pointRadius: 3,
      data: s.points.map(p => p.figures[f] ?? null)}));
    plot(`chart-bench-${i}`, ['Did a change make it slower?', `${s.name}: every rate of stablecut bench, per run (log scale)`],
      null, {type: 'line', data: {labels: s.points.map((p, k) => p.at ? stamp(p.at) : `run ${k + 1}`), datasets},
      options: {scales: {x: axis('bench run (UTC)'), y: logAxis('per second (more is better)', datasets)}}});
  });
}

whereChart();
outcomesChart();
benchCharts();
overTime('chart-throughput', ['Is throughput stable over the night?',
  'Crash states per worker-second, by time into each campaign'],
  D.throughput, p => p.rate,
  axis('crash states / worker-second', {beginAtZero: true, suggestedMax: 1}), false);
overTime('chart-discovery', ['Are new failures still appearing?',
  'Distinct failure signatures hit so far, by time into each campaign'],
  D.discovery, p => p.signatures, countAxis('distinct failure signatures'), 'before');
campaignsChart();
document.getElementById('chart-summary').textContent = JSON.stringify(summary);
document.body.setAttribute('data-rendered', 'true');
