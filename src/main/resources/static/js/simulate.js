/*
 * Reflow CRM simulation page (/lab/simulate). Lists processes and versions from /api/lab,
 * posts the run to POST /api/lab/simulations (multipart, with an optional draft), polls
 * GET /api/lab/simulations/{id} for progress, then shows both sides with Chart.js (WebJars).
 *
 * Contract with the tests (LabBrowserIT): #status carries data-state (idle, running, done,
 * error); figures are elements with data-field="baseline.<name>" or "candidate.<name>"
 * (group rows: data-field="<side>.groups.<group>.utilization"). All text goes in through
 * textContent.
 */
(function () {
  'use strict';

  const base = document.body.dataset.base || '/';
  const locale = navigator.language;
  const DASH = '—';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const csrf = {
    header: (document.querySelector('meta[name=csrf-header]') || {}).content,
    token: (document.querySelector('meta[name=csrf-token]') || {}).content
  };
  const status = document.getElementById('status');
  const progress = document.getElementById('progress');
  const charts = {};

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    (children || []).forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
    return node;
  }

  function hours(value) {
    if (value === null || value === undefined) {
      return DASH;
    }
    return Math.abs(value) < 1 ? number.format(value * 60) + ' min' : number.format(value) + ' h';
  }

  function seconds(value) {
    return value === null || value === undefined ? DASH : hours(value / 3600);
  }

  function show(state, text) {
    status.dataset.state = state;
    status.textContent = text;
  }

  async function json(path, options) {
    const response = await fetch(base + path.replace(/^\//, ''), Object.assign({ headers: { Accept: 'application/json' } }, options));
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(body.detail || body.title || ('HTTP ' + response.status));
    }
    return body;
  }

  async function loadProcesses() {
    const processes = await json('/api/lab/processes');
    const select = document.getElementById('process');
    select.replaceChildren(...processes.map((p) => el('option', { value: p.key }, [p.name ? p.name + ' (' + p.key + ')' : p.key])));
    const wanted = new URLSearchParams(location.search).get('process');
    if (wanted && processes.some((p) => p.key === wanted)) {
      select.value = wanted;
    }
    const fill = () => {
      const process = processes.find((p) => p.key === select.value);
      const versions = (process && process.versions) || [];
      const options = () => versions.map((v) => el('option', { value: String(v.version) },
        ['v' + v.version + (v.versionTag ? ' (' + v.versionTag + ')' : '')]));
      const baseline = document.getElementById('baseline');
      const candidate = document.getElementById('candidate');
      baseline.replaceChildren(...options());
      candidate.replaceChildren(el('option', { value: '' }, ['none (baseline only)']), ...options());
      if (versions.length > 1) {
        baseline.value = String(versions[versions.length - 2].version);
        candidate.value = String(versions[versions.length - 1].version);
      }
      else if (versions.length) {
        baseline.value = String(versions[0].version);
      }
    };
    select.addEventListener('change', fill);
    fill();
  }

  function row(label, name, baseline, candidate, format, difference) {
    const cells = [el('th', { scope: 'row' }, [label]),
      el('td', { class: 'num', 'data-field': 'baseline.' + name }, [format(baseline)]),
      el('td', { class: 'num', 'data-field': 'candidate.' + name }, [candidate === undefined ? DASH : format(candidate)])];
    let change = DASH;
    if (difference && baseline !== null && baseline !== undefined && candidate !== null && candidate !== undefined) {
      change = difference(candidate - baseline);
    }
    cells.push(el('td', { class: 'num', 'data-field': 'difference.' + name }, [change]));
    return el('tr', {}, cells);
  }

  function render(run) {
    const result = run.result;
    const b = result.baseline;
    const c = result.candidate || {};
    const signed = (format) => (value) => (value > 0 ? '+' : '') + format(value);
    document.getElementById('baseline-title').textContent = 'Baseline ' + run.baseline;
    document.getElementById('candidate-title').textContent = run.candidate ? 'Candidate ' + run.candidate : 'Candidate';
    const recorded = new Set([...Object.keys(b.recorded || {}), ...Object.keys(c.recorded || {})]);
    const outcomes = new Set([...Object.keys(b.outcomes || {}), ...Object.keys(c.outcomes || {})]);
    const rows = [
      row('Cases started', 'casesStarted', b.casesStarted, c.casesStarted, integer.format, signed(integer.format)),
      row('Cases finished', 'casesFinished', b.casesFinished, c.casesFinished, integer.format, signed(integer.format)),
      row('Cycle time, median', 'cycleMedianHours', b.cycleMedianHours, c.cycleMedianHours, hours, signed(hours)),
      row('Cycle time, 90th percentile', 'cycleP90Hours', b.cycleP90Hours, c.cycleP90Hours, hours, signed(hours)),
      row('Cycle time, mean', 'cycleMeanHours', b.cycleMeanHours, c.cycleMeanHours, hours, signed(hours)),
      row('Tasks late (SLA breaches)', 'slaBreachRate', b.slaBreachRate, c.slaBreachRate, percent.format,
        (d) => (d > 0 ? '+' : '') + number.format(d * 100) + ' pp'),
      row('Cost of work per case (' + result.currency + ')', 'costPerCase', b.costPerCase, c.costPerCase,
        number.format, signed(number.format))
    ];
    outcomes.forEach((end) => rows.push(row('Ended at ' + end, 'outcomes.' + end, (b.outcomes || {})[end] || 0,
      run.result.candidate ? (c.outcomes || {})[end] || 0 : undefined, integer.format, signed(integer.format))));
    recorded.forEach((step) => rows.push(row('Step ' + step + ' ran', 'recorded.' + step, (b.recorded || {})[step] || 0,
      run.result.candidate ? (c.recorded || {})[step] || 0 : undefined, integer.format, signed(integer.format))));
    document.querySelector('#figures tbody').replaceChildren(...rows);

    const groups = new Set([...Object.keys(b.groups || {}), ...Object.keys(c.groups || {})]);
    document.querySelector('#groups tbody').replaceChildren(...[...groups].sort().map((g) => {
      const x = (b.groups || {})[g];
      const y = (c.groups || {})[g];
      const pair = (f, side, name, value) => el('span', { 'data-field': side + '.groups.' + g + '.' + name }, [value === undefined ? DASH : f(value)]);
      const both = (name, f) => el('td', { class: 'num' }, [pair(f, 'baseline', name, x && x[name]), ' / ', pair(f, 'candidate', name, y && y[name])]);
      return el('tr', {}, [el('th', { scope: 'row' }, [g]), both('people', integer.format), both('utilization', percent.format),
        both('meanWaitingSeconds', seconds), both('tasksDone', integer.format), both('maxQueue', integer.format)]);
    }));
    const tasks = new Set([...Object.keys(b.activities || {}), ...Object.keys(c.activities || {})]);
    document.querySelector('#activities tbody').replaceChildren(...[...tasks].sort().map((t) => {
      const x = (b.activities || {})[t];
      const y = (c.activities || {})[t];
      const pair = (name, f) => el('td', { class: 'num' }, [
        el('span', { 'data-field': 'baseline.activities.' + t + '.' + name }, [x ? f(x[name]) : DASH]), ' / ',
        el('span', { 'data-field': 'candidate.activities.' + t + '.' + name }, [y ? f(y[name]) : DASH])]);
      return el('tr', {}, [el('th', { scope: 'row' }, [t]), pair('completed', integer.format),
        pair('meanWaitingSeconds', seconds), pair('meanWorkingSeconds', seconds)]);
    }));
    document.getElementById('results').hidden = false;
    drawCharts(run);
  }

  function drawCharts(run) {
    if (!window.Chart) {
      return;
    }
    const result = run.result;
    const edges = result.histogramEdgesHours;
    const labels = edges.slice(0, -1).map((e, i) => number.format(e) + '–' + number.format(edges[i + 1]));
    const datasets = [{ label: 'Baseline ' + run.baseline, data: result.baseline.histogram, backgroundColor: 'rgba(108,117,125,.6)' }];
    if (result.candidate) {
      datasets.push({ label: 'Candidate ' + run.candidate, data: result.candidate.histogram, backgroundColor: 'rgba(13,110,253,.6)' });
    }
    Object.values(charts).forEach((chart) => chart.destroy());
    charts.cycle = new Chart(document.getElementById('cycle-chart'), {
      type: 'bar', data: { labels, datasets }, options: { animation: false, scales: { y: { beginAtZero: true } } }
    });
    const side = result.candidate || result.baseline;
    const start = Date.parse(Object.values(side.queues || {}).flat().map((p) => p.at).sort()[0] || new Date().toISOString());
    const queueSets = Object.entries(side.queues || {}).map(([group, points]) => ({
      label: group, stepped: true, pointRadius: 0,
      data: points.map((p) => ({ x: (Date.parse(p.at) - start) / 86400000, y: p.length }))
    }));
    charts.queue = new Chart(document.getElementById('queue-chart'), {
      type: 'line', data: { datasets: queueSets },
      options: { animation: false, parsing: true, scales: { x: { type: 'linear', title: { display: true, text: 'simulated days' } }, y: { beginAtZero: true } } }
    });
  }

  async function poll(location) {
    const run = await json(location);
    progress.value = run.progress;
    document.getElementById('calibration').replaceChildren(...(run.calibration || []).map((n) => el('li', {}, ['Calibrated ' + n])));
    if (run.state === 'DONE') {
      progress.hidden = true;
      show('done', 'Done: ' + integer.format(run.cases) + ' cases per model.');
      render(run);
      return;
    }
    if (run.state === 'FAILED') {
      progress.hidden = true;
      show('error', 'The simulation failed: ' + run.message);
      return;
    }
    show('running', 'Simulating ' + integer.format(run.cases) + ' cases per model… ' + percent.format(run.progress));
    setTimeout(() => poll(location).catch((e) => show('error', e.message)), 500);
  }

  document.getElementById('choice').addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData();
    data.append('process', document.getElementById('process').value);
    data.append('baseline', document.getElementById('baseline').value);
    const files = document.getElementById('files').files;
    if (files.length) {
      [...files].forEach((file) => data.append('files', file));
    }
    else if (document.getElementById('candidate').value) {
      data.append('candidate', document.getElementById('candidate').value);
    }
    data.append('seed', document.getElementById('seed').value || '1');
    if (document.getElementById('scenario').value.trim()) {
      data.append('scenario', document.getElementById('scenario').value);
    }
    document.getElementById('results').hidden = true;
    show('running', 'Calibrating from history…');
    progress.hidden = false;
    progress.value = 0;
    try {
      const headers = { Accept: 'application/json' };
      if (csrf.header && csrf.token) {
        headers[csrf.header] = csrf.token;
      }
      const response = await fetch(base + 'api/lab/simulations', { method: 'POST', body: data, headers });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        throw new Error(body.detail || body.title || ('HTTP ' + response.status));
      }
      await poll('/api/lab/simulations/' + body.id);
    }
    catch (e) {
      progress.hidden = true;
      show('error', e.message);
    }
  });

  loadProcesses().catch((e) => show('error', e.message));
})();
