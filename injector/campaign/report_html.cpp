// report_html.cpp — renders the report page (see report.h): static HTML with
// the data as a JSON island and a small inline SVG plotting script. Nothing
// is fetched from anywhere; the page works from file://.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "injector/campaign/report.h"
#include "injector/common/input_error.h"

namespace sc::campaign {

namespace {

// JSON that is safe inside <script>: "</" never appears.
std::string script_safe(const nlohmann::json& j) {
  std::string s = j.dump(-1, ' ', true);
  for (size_t at = s.find("</"); at != std::string::npos; at = s.find("</", at + 3)) s.replace(at, 2, "<\\/");
  return s;
}

constexpr const char* kStyle = R"(
body{font:14px system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}
h1{font-size:1.4em} h2{font-size:1.1em;margin-top:1.6em}
.plots{display:grid;grid-template-columns:1fr 1fr;gap:1.5em}
.plot{border:1px solid #ddd;border-radius:4px;padding:.5em}
table{border-collapse:collapse} td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left}
td.n{text-align:right} code{font-size:.9em}
)";

// Plotting: plain SVG built with DOM calls; every plot ends by setting
// data-rendered="true" on its container.
constexpr const char* kScript = R"(
const D = JSON.parse(document.getElementById('report-data').textContent);
const NS = 'http://www.w3.org/2000/svg', W = 500, H = 300, L = 60, B = 40, T = 20, R = 110;
const COLORS = {ok_current:'#2e7d32', ok_previous:'#81c784', lost:'#f9a825', corrupt:'#c62828',
  recovery_failed:'#6a1b9a', recovery_crash:'#000000', hang:'#607d8b'};
const PALETTE = ['#1565c0', '#c62828', '#2e7d32', '#f9a825'];
function el(name, attrs, parent, text) {
  const e = document.createElementNS(NS, name);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  if (text !== undefined) e.textContent = text;
  if (parent) parent.appendChild(e);
  return e;
}
function frame(id, title, xlabel, ylabel, ymax) {
  const box = document.getElementById(id);
  const svg = el('svg', {width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'img'}, box);
  el('title', {}, svg, title);
  el('line', {x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: '#444'}, svg);
  el('line', {x1: L, y1: T, x2: L, y2: H - B, stroke: '#444'}, svg);
  el('text', {x: (L + W - R) / 2, y: H - 5, 'text-anchor': 'middle', 'font-size': 11}, svg, xlabel);
  el('text', {x: 12, y: (T + H - B) / 2, 'font-size': 11, transform: `rotate(-90 12 ${(T + H - B) / 2})`,
              'text-anchor': 'middle'}, svg, ylabel);
  for (let i = 0; i <= 4; i++) {
    const y = H - B - (H - B - T) * i / 4;
    el('text', {x: L - 4, y: y + 4, 'text-anchor': 'end', 'font-size': 10}, svg, fmt(ymax * i / 4));
  }
  return {box, svg, y: v => H - B - (H - B - T) * (ymax ? v / ymax : 0)};
}
function fmt(v) { return v >= 1e6 ? (v / 1e6).toFixed(1) + 'M' : v >= 1e3 ? (v / 1e3).toFixed(1) + 'k' : String(Math.round(v * 10) / 10); }
function legend(svg, names, color) {
  names.forEach((n, i) => {
    el('rect', {x: W - R + 8, y: T + i * 16, width: 10, height: 10, fill: color(n, i)}, svg);
    el('text', {x: W - R + 22, y: T + i * 16 + 9, 'font-size': 10}, svg, n);
  });
}
function done(f, n) { f.box.setAttribute('data-rendered', 'true'); f.box.setAttribute('data-points', n); }
function stacked(id, title, xlabel, ylabel, cats, series, value, color) {
  const totals = cats.map(c => series.reduce((s, k) => s + value(c, k), 0));
  const f = frame(id, title, xlabel, ylabel, Math.max(1, ...totals));
  const bw = (W - R - L) / Math.max(1, cats.length);
  cats.forEach((c, i) => {
    let acc = 0;
    series.forEach((k, j) => {
      const v = value(c, k);
      if (!v) return;
      el('rect', {x: L + i * bw + 2, y: f.y(acc + v), width: bw - 4, height: f.y(acc) - f.y(acc + v), fill: color(k, j)}, f.svg);
      acc += v;
    });
    el('text', {x: L + i * bw + bw / 2, y: H - B + 12, 'text-anchor': 'middle', 'font-size': 9}, f.svg, c);
  });
  legend(f.svg, series, color);
  done(f, cats.length);
}
function lines(id, title, xlabel, ylabel, xs, series) {
  const ymax = Math.max(1, ...series.flatMap(s => s.ys));
  const f = frame(id, title, xlabel, ylabel, ymax);
  const xmin = Math.min(...xs), xmax = Math.max(...xs), span = xmax - xmin || 1;
  const x = v => L + (W - R - L) * (xs.length > 1 ? (v - xmin) / span : 0.5);
  series.forEach((s, j) => {
    const pts = xs.map((v, i) => `${x(v).toFixed(1)},${f.y(s.ys[i]).toFixed(1)}`).join(' ');
    el('polyline', {points: pts, fill: 'none', stroke: PALETTE[j], 'stroke-width': 2}, f.svg);
    xs.forEach((v, i) => el('circle', {cx: x(v), cy: f.y(s.ys[i]), r: 2.5, fill: PALETTE[j]}, f.svg));
  });
  el('text', {x: L, y: H - B + 12, 'font-size': 9}, f.svg, fmt(xmin));
  el('text', {x: W - R, y: H - B + 12, 'text-anchor': 'end', 'font-size': 9}, f.svg, fmt(xmax));
  legend(f.svg, series.map(s => s.name), (n, i) => PALETTE[i]);
  done(f, xs.length);
}
const phases = [...new Set(D.outcomes_by_phase.map(r => r.phase))];
const outcomes = Object.keys(COLORS).filter(o => D.outcomes_by_phase.some(r => r.outcome === o));
stacked('plot-outcomes', 'Outcomes by phase', 'protocol phase of the cut', 'crash states', phases, outcomes,
  (p, o) => D.outcomes_by_phase.filter(r => r.phase === p && r.outcome === o).reduce((s, r) => s + r.states, 0),
  o => COLORS[o]);
const t0 = D.throughput.length ? D.throughput[0].t : 0;
const tspan = D.throughput.length ? D.throughput[D.throughput.length - 1].t - t0 : 0;
lines('plot-throughput', 'States/s over time', tspan ? 'seconds since the first workload' : 'workload (commit order)',
  'states/s', D.throughput.map((r, i) => tspan ? r.t - t0 : i),
  [{name: 'states/s', ys: D.throughput.map(r => r.check_s > 0 ? r.states / r.check_s : 0)}]);
stacked('plot-failures', 'Failures by campaign', 'campaign', 'failure signatures', D.campaigns.map(c => '#' + c.id),
  ['seen before', 'new'], (c, k) => { const r = D.campaigns.find(x => '#' + x.id === c);
    return k === 'new' ? r.new_failures : r.failures - r.new_failures; }, (k, i) => PALETTE[i]);
lines('plot-coverage', 'Coverage growth', 'workloads committed', 'distinct', D.coverage.map((r, i) => i + 1),
  [{name: 'outcome cells', ys: D.coverage.map(r => r.cells)}, {name: 'failure signatures', ys: D.coverage.map(r => r.signatures)}]);
document.body.setAttribute('data-rendered', 'true');
)";

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

std::string failure_rows(const nlohmann::json& failures) {
  std::string rows;
  for (const auto& f : failures)
    rows += fmt::format("<tr><td class=n>{}</td><td>{}</td><td class=n>{}</td><td><code>{}</code></td></tr>\n",
                        f["id"].get<std::int64_t>(), escape(f["signature"].get<std::string>()),
                        f["count"].get<std::uint64_t>(), escape(f["replay"].get<std::string>()));
  return rows.empty() ? "<tr><td colspan=4>no failures</td></tr>\n" : rows;
}

}  // namespace

std::string report_html(const ReportData& d) {
  const nlohmann::json data = {{"outcomes_by_phase", d.outcomes_by_phase}, {"throughput", d.throughput},
                               {"campaigns", d.campaigns}, {"coverage", d.coverage}};
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>stablecut report</title>\n"
      "<style>{}</style></head>\n<body>\n<h1>stablecut report</h1>\n"
      "<p>Database <code>{}</code>: {} campaigns, {} workloads, {} crash states checked, {} distinct failures.</p>\n"
      "<div class=plots>\n<div class=plot id=plot-outcomes></div>\n<div class=plot id=plot-throughput></div>\n"
      "<div class=plot id=plot-failures></div>\n<div class=plot id=plot-coverage></div>\n</div>\n"
      "<h2>Failures</h2>\n<table><tr><th>id</th><th>signature</th><th>states</th><th>replay</th></tr>\n{}</table>\n"
      "<script type=\"application/json\" id=report-data>{}</script>\n<script>{}</script>\n</body></html>\n",
      kStyle, escape(d.db_path), d.summary["campaigns"].get<std::int64_t>(), d.summary["workloads"].get<std::int64_t>(),
      d.summary["states"].get<std::int64_t>(), d.summary["failures"].get<std::int64_t>(), failure_rows(d.failures),
      script_safe(data), kScript);
}

std::string write_report(const results::ResultsDb& db, const std::string& out_dir) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  const std::string path = (std::filesystem::path(out_dir) / "index.html").string();
  std::ofstream out(path, std::ios::trunc);
  out << report_html(collect_report(db));
  if (!out.flush()) throw InputError("--out " + out_dir + ": expected a directory where index.html can be written");
  return path;
}

}  // namespace sc::campaign
