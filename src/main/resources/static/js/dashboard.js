/*
 * Reflow CRM managers' dashboard (/dashboard). Reads only the /api/kpis JSON (docs/kpis.md)
 * and draws it with Chart.js and the bpmn-js viewer (WebJars).
 *
 * Contract with the tests (DashboardBrowserIT):
 * - every figure is an element with data-kpi="<endpoint>.<json path>" (array items as [i],
 *   the index in the API's array) and data-format (int, decimal, percent, money, days,
 *   seconds, minutes, hours, date, month, text); its text is the value formatted below;
 * - each [data-endpoint] block carries data-source (the URL it read) and data-state
 *   (loading, loaded, error); a failed request shows a message in that block.
 * All text goes in through textContent: nothing from the API is parsed as HTML.
 */
(function () {
  'use strict';

  const base = document.body.dataset.base || '/';
  const locale = navigator.language;
  const ZONE = 'Asia/Shanghai';
  const DASH = '—';

  // ---- formatting -------------------------------------------------------------------

  const numberFormats = {
    int: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    decimal: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
    percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
    money: new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', minimumFractionDigits: 0, maximumFractionDigits: 0 }),
    days: new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'short', maximumFractionDigits: 1 })
  };
  const durationUnits = [[86400, 'day'], [3600, 'hour'], [60, 'minute'], [1, 'second']].map(([size, unit]) => ({
    size,
    format: new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 })
  }));
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });

  /** A duration in seconds in the largest unit it reaches (45 s, 12.5 min, 3.2 h, 4 d). */
  function formatSeconds(seconds) {
    const unit = durationUnits.find((u) => Math.abs(seconds) >= u.size) || durationUnits[durationUnits.length - 1];
    return unit.format.format(seconds / unit.size);
  }

  function utcDate(iso) {
    const [y, m, d] = String(iso).split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d || 1));
  }

  function format(value, kind) {
    if (value === null || value === undefined || (typeof value === 'number' && !isFinite(value))) {
      return DASH;
    }
    switch (kind) {
      case 'seconds': return formatSeconds(Number(value));
      case 'minutes': return formatSeconds(Number(value) * 60);
      case 'hours': return formatSeconds(Number(value) * 3600);
      case 'date': return dateFormat.format(utcDate(value));
      case 'month': return monthFormat.format(utcDate(value));
      case 'text': return String(value);
      default: return (numberFormats[kind] || numberFormats.decimal).format(Number(value));
    }
  }

  // ---- DOM helpers (textContent only) -----------------------------------------------

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value !== undefined && value !== null) {
        node.setAttribute(name, value);
      }
    });
    (children || []).forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
    return node;
  }

  /** A figure tied to the API: its text is the formatted value at that JSON path. */
  function figure(path, value, kind, tag) {
    const node = el(tag || 'span', { 'data-kpi': path, 'data-format': kind });
    // the raw API value, for tooltips and for tests comparing figures that change by the second
    node.dataset.value = (value === null || value === undefined) ? '' : String(value);
    node.textContent = format(value, kind);
    return node;
  }

  function tile(label, path, value, kind, note) {
    return el('div', { class: 'tile' }, [
      el('div', { class: 'tile-label' }, [label]),
      figure(path, value, kind, 'div'),
      note ? el('div', { class: 'tile-note muted' }, [note]) : ''
    ].filter((c) => c !== ''));
  }

  /**
   * A table: columns [{label, kind, value(row, i) -> [path, value] | text}], rows from the
   * API. Numbers right-aligned; text columns carry no data-kpi unless a path is given.
   */
  function table(columns, rows, caption) {
    const head = el('tr', {}, columns.map((c) => el('th', { scope: 'col', class: c.kind && c.kind !== 'text' ? 'num' : undefined }, [c.label])));
    const body = rows.map((row, i) => el('tr', {}, columns.map((c) => {
      const cell = c.cell(row, i);
      const td = el('td', { class: c.kind && c.kind !== 'text' ? 'num' : undefined });
      if (Array.isArray(cell)) {
        td.append(figure(cell[0], cell[1], c.kind || 'text'));
      }
      else {
        td.textContent = cell === null || cell === undefined ? DASH : String(cell);
      }
      return td;
    })));
    const children = [el('thead', {}, [head]), el('tbody', {}, body)];
    if (caption) {
      children.unshift(el('caption', { class: 'muted' }, [caption]));
    }
    return el('div', { class: 'table-wrap' }, [el('table', { class: 'data' }, children)]);
  }

  function empty(text) {
    return el('p', { class: 'muted empty' }, [text]);
  }

  function fill(container, nodes) {
    container.replaceChildren(...nodes);
  }

  // ---- charts -----------------------------------------------------------------------

  const charts = {};
  const palette = ['#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#c62828', '#5d4037', '#558b2f'];

  function chart(id, config) {
    if (charts[id]) {
      charts[id].destroy();
    }
    const canvas = document.getElementById(id);
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    charts[id] = new window.Chart(canvas, config);
    return charts[id];
  }

  function numberTicks(kind) {
    return { callback: (value) => format(value, kind) };
  }

  // ---- filters and requests ---------------------------------------------------------

  const filters = {
    period: document.getElementById('period'),
    from: document.getElementById('from'),
    to: document.getElementById('to'),
    group: document.getElementById('group'),
    process: document.getElementById('process'),
    version: document.getElementById('version')
  };

  function today() {
    // en-CA formats as yyyy-MM-dd; the API counts days in Asia/Shanghai
    return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  }

  function minusDays(iso, days) {
    const date = utcDate(iso);
    date.setUTCDate(date.getUTCDate() - days);
    return date.toISOString().slice(0, 10);
  }

  /** The period the filters ask for, or an error text. */
  function period() {
    if (filters.period.value !== 'custom') {
      const to = today();
      return { from: minusDays(to, Number(filters.period.value) - 1), to };
    }
    const from = filters.from.value;
    const to = filters.to.value;
    if (!from || !to) {
      return { error: 'Choose a start and an end date.' };
    }
    if (from > to) {
      return { error: 'The start date is after the end date.' };
    }
    if ((utcDate(to) - utcDate(from)) / 86400000 > 365) {
      return { error: 'The range may span at most 366 days.' };
    }
    return { from, to };
  }

  function url(path, params) {
    const query = new URLSearchParams();
    Object.entries(params || {}).forEach(([name, value]) => {
      if (value !== undefined && value !== null && value !== '') {
        query.set(name, value);
      }
    });
    const text = query.toString();
    return base.replace(/\/$/, '') + path + (text ? '?' + text : '');
  }

  async function request(address, type) {
    let response;
    try {
      response = await fetch(address, { credentials: 'same-origin', headers: { Accept: type === 'xml' ? 'application/xml' : 'application/json' } });
    }
    catch (error) {
      throw new Error('the server did not answer (' + error.message + ')');
    }
    const contentType = response.headers.get('Content-Type') || '';
    if (!response.ok) {
      const reasons = { 400: 'the filters were refused', 401: 'the session has ended; reload the page to log in again',
        403: 'your groups may not read these figures', 404: 'the figures are not available on this server' };
      let detail = reasons[response.status] || (response.status >= 500 ? 'the server failed' : 'the request failed');
      if (contentType.includes('json')) {
        const problem = await response.json().catch(() => null);
        if (problem && problem.detail && response.status === 400) {
          detail += ' (' + problem.detail + ')';
        }
      }
      throw new Error(detail + ' [HTTP ' + response.status + ']');
    }
    if (contentType.includes('text/html')) {
      throw new Error('the session has ended; reload the page to log in again');
    }
    return type === 'xml' ? response.text() : response.json();
  }

  let requests = 0;

  /**
   * Loads one block: marks it loading, fetches, draws, or shows a message if that fails.
   * An answer that arrives after a newer request for the same block is dropped.
   */
  async function load(block, address, fetcher, render) {
    const mine = String(++requests);
    block.dataset.request = mine;
    block.dataset.source = address;
    block.dataset.state = 'loading';
    block.querySelectorAll(':scope > .area-error').forEach((node) => node.remove());
    block.querySelectorAll(':scope > .content').forEach((node) => node.replaceChildren());
    block.setAttribute('aria-busy', 'true');
    const current = () => block.dataset.request === mine;
    try {
      const data = await fetcher();
      if (!current()) {
        return;
      }
      await render(data);
      if (current()) {
        block.dataset.state = 'loaded';
      }
    }
    catch (error) {
      if (!current()) {
        return;
      }
      block.dataset.state = 'error';
      const name = block.dataset.endpoint;
      console.warn('dashboard: ' + name + ' failed', error);
      const message = el('p', { class: 'area-error alert', role: 'alert' },
        ['Could not load the ' + name + ' figures: ' + error.message + '.']);
      const heading = block.querySelector(':scope > h3');
      if (heading) {
        heading.after(message);
      }
      else {
        block.prepend(message);
      }
    }
    finally {
      if (current()) {
        block.removeAttribute('aria-busy');
      }
    }
  }

  function block(endpoint) {
    return document.querySelector('[data-endpoint="' + endpoint + '"]');
  }

  function content(endpoint) {
    return block(endpoint).querySelector('.content');
  }

  // ---- processes --------------------------------------------------------------------

  let processData = null;

  function selectedProcess() {
    return processData && processData.processes.find((p) => p.key === filters.process.value);
  }

  function fillProcessChoices(processes) {
    const wanted = filters.process.value || new URLSearchParams(location.search).get('process');
    fill(filters.process, processes.map((p) => el('option', { value: p.key }, [p.name || p.key])));
    if (!processes.length) {
      filters.process.append(el('option', { value: '' }, ['no process']));
    }
    if (wanted && processes.some((p) => p.key === wanted)) {
      filters.process.value = wanted;
    }
    fillVersionChoices();
  }

  function fillVersionChoices() {
    const process = selectedProcess();
    const wanted = filters.version.value || new URLSearchParams(location.search).get('version');
    const versions = process ? [...(process.versions || [])].sort((a, b) => b - a) : [];
    fill(filters.version, [el('option', { value: '' }, ['All versions'])]
      .concat(versions.map((v) => el('option', { value: String(v) }, ['v' + v + (v === process.latestVersion ? ' (latest)' : '')]))));
    if (wanted && versions.map(String).includes(wanted)) {
      filters.version.value = wanted;
    }
  }

  function renderProcesses(data, range) {
    processData = data;
    const processes = data.processes || [];
    fillProcessChoices(processes);
    const p = (i) => 'processes.processes[' + i + ']';
    fill(content('processes'), processes.length ? [table([
      { label: 'Process', cell: (row) => (row.name || row.key) + (row.latestVersion ? ' · v' + row.latestVersion : '') },
      { label: 'Started', kind: 'int', cell: (row, i) => [p(i) + '.started', row.started] },
      { label: 'Completed', kind: 'int', cell: (row, i) => [p(i) + '.completed', row.completed] },
      { label: 'Running', kind: 'int', cell: (row, i) => [p(i) + '.running', row.running] },
      { label: 'Incidents', kind: 'int', cell: (row, i) => [p(i) + '.incidents', row.incidents] },
      { label: 'SLA met', kind: 'percent', cell: (row, i) => [p(i) + '.slaCompliance', row.slaCompliance] },
      { label: 'Cycle time median', kind: 'seconds', cell: (row, i) => [p(i) + '.cycleTime.median', row.cycleTime && row.cycleTime.median] },
      { label: 'p90', kind: 'seconds', cell: (row, i) => [p(i) + '.cycleTime.p90', row.cycleTime && row.cycleTime.p90] },
      { label: 'Average', kind: 'seconds', cell: (row, i) => [p(i) + '.cycleTime.average', row.cycleTime && row.cycleTime.average] }
    ], processes, filters.version.value ? 'Version ' + filters.version.value + ' of each process' : 'All versions')]
      : [empty('No process has been deployed.')]);
    renderThroughput(range);
  }

  /** Every day of the period, so days without cases show as zero, not as a gap. */
  function days(range) {
    const result = [];
    for (let day = range.from; day <= range.to; day = minusDays(day, -1)) {
      result.push(day);
    }
    return result;
  }

  function renderThroughput(range) {
    const process = selectedProcess();
    document.querySelectorAll('.process-name').forEach((node) => {
      node.textContent = process ? (process.name || process.key) + (filters.version.value ? ' v' + filters.version.value : '') : '';
    });
    document.getElementById('throughput-note').textContent = process ? '' : 'No process to show.';
    const byDay = new Map(((process && process.throughput) || []).map((d) => [d.day, d]));
    const labels = days(range);
    chart('chart-throughput', {
      type: 'bar',
      data: {
        labels: labels.map((d) => format(d, 'date')),
        datasets: [
          { label: 'Started', data: labels.map((d) => (byDay.get(d) || {}).started || 0), backgroundColor: palette[0] },
          { label: 'Completed', data: labels.map((d) => (byDay.get(d) || {}).completed || 0), backgroundColor: palette[1] }
        ]
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function renderTasks(data) {
    const groups = data.groups || [];
    const g = (i) => 'tasks.groups[' + i + ']';
    fill(content('tasks'), groups.length ? [table([
      { label: 'Group', cell: (row) => row.group },
      { label: 'Open', kind: 'int', cell: (row, i) => [g(i) + '.open', row.open] },
      { label: 'Average age', kind: 'seconds', cell: (row, i) => [g(i) + '.averageAge', row.averageAge] },
      { label: 'Oldest', kind: 'seconds', cell: (row, i) => [g(i) + '.oldestAge', row.oldestAge] }
    ], groups)] : [empty('No open user tasks.')]);
  }

  /** Waiting plus working time; activities that are no user task have only a duration. */
  function cost(activity) {
    if (activity.averageWaiting == null && activity.averageWorking == null) {
      return activity.averageDuration || 0;
    }
    return (activity.averageWaiting || 0) + (activity.averageWorking || 0);
  }

  function renderBottlenecks(data) {
    const activities = (data.activities || []).map((a, i) => ({ a, i }))
      .filter(({ a }) => a.count > 0)
      .sort((x, y) => cost(y.a) - cost(x.a))
      .slice(0, 10);
    const p = (i) => 'activities.activities[' + i + ']';
    fill(content('activities'), activities.length ? [table([
      { label: 'Activity', cell: ({ a }) => a.name || a.activityId },
      { label: 'Type', cell: ({ a }) => a.type },
      { label: 'Count', kind: 'int', cell: ({ a, i }) => [p(i) + '.count', a.count] },
      { label: 'Avg waiting', kind: 'seconds', cell: ({ a, i }) => [p(i) + '.averageWaiting', a.averageWaiting] },
      { label: 'Avg working', kind: 'seconds', cell: ({ a, i }) => [p(i) + '.averageWorking', a.averageWorking] },
      { label: 'Avg duration', kind: 'seconds', cell: ({ a, i }) => [p(i) + '.averageDuration', a.averageDuration] }
    ], activities, 'Top ' + activities.length + ' of ' + (data.activities || []).length + ' activities, version ' + (data.version || 'all'))]
      : [empty('No activity ran in this period.')]);
  }

  let viewer = null;

  /** Green (short) → yellow → red (long), as the heat legend shows. */
  function heat(fraction) {
    const hue = 120 - 120 * Math.max(0, Math.min(1, fraction));
    return 'hsla(' + hue + ', 85%, 45%, 0.35)';
  }

  async function renderHeatmap(xml, data) {
    if (!viewer) {
      viewer = new window.BpmnJS({ container: '#heatmap' });
    }
    await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    const overlays = viewer.get('overlays');
    const registry = viewer.get('elementRegistry');
    overlays.clear();
    // a margin around the diagram, so badges on the outermost shapes stay visible
    canvas.zoom(canvas.zoom('fit-viewport', 'auto') * 0.92, 'auto');
    const activities = (data.activities || []).map((a, i) => ({ a, i })).filter(({ a }) => a.count > 0);
    const longest = Math.max(0, ...activities.map(({ a }) => a.averageDuration || 0));
    let placed = 0;
    activities.forEach(({ a, i }) => {
      const shape = registry.get(a.activityId);
      if (!shape || shape.waypoints) {
        return;
      }
      const path = 'activities.activities[' + i + ']';
      const fraction = longest > 0 ? (a.averageDuration || 0) / longest : 0;
      const cover = el('div', { class: 'heat', 'data-activity': a.activityId });
      cover.style.width = shape.width + 'px';
      cover.style.height = shape.height + 'px';
      cover.style.background = heat(fraction);
      overlays.add(a.activityId, 'kpi-heat', { position: { top: 0, left: 0 }, html: cover });
      const count = el('div', { class: 'badge badge-count', title: 'Instances in the period' }, [figure(path + '.count', a.count, 'int')]);
      overlays.add(a.activityId, 'kpi-count', { position: { bottom: 10, left: -8 }, html: count });
      if (a.averageDuration !== null && a.averageDuration !== undefined) {
        const duration = el('div', { class: 'badge badge-duration', title: 'Average duration' }, [figure(path + '.averageDuration', a.averageDuration, 'seconds')]);
        overlays.add(a.activityId, 'kpi-duration', { position: { bottom: 10, right: 8 }, html: duration });
      }
      placed++;
    });
    fill(content('diagram'), placed ? [] : [empty('No activity of this version ran in the period.')]);
  }

  function loadProcessDetails(range) {
    const process = selectedProcess();
    if (!process) {
      ['activities', 'diagram'].forEach((name) => {
        block(name).dataset.state = 'loaded';
        fill(content(name), [empty('Choose a process.')]);
      });
      return Promise.resolve();
    }
    const version = filters.version.value;
    const key = encodeURIComponent(process.key);
    const activitiesUrl = url('/api/kpis/processes/' + key + '/activities', { from: range.from, to: range.to, version });
    const diagramUrl = url('/api/kpis/processes/' + key + '/diagram', { version });
    const activities = request(activitiesUrl);
    activities.catch(() => null);
    return Promise.all([
      load(block('activities'), activitiesUrl, () => activities, renderBottlenecks),
      load(block('diagram'), diagramUrl, async () => {
        const xml = await request(diagramUrl, 'xml');
        // the diagram without badges is still worth showing when the figures failed
        const data = await activities.catch(() => ({ activities: [] }));
        return { xml, data };
      }, ({ xml, data }) => renderHeatmap(xml, data))
    ]);
  }

  // ---- sales ------------------------------------------------------------------------

  function renderSales(data) {
    const funnel = data.funnel || {};
    const conversion = data.conversion || {};
    const approval = data.approvalTurnaround || {};
    const response = data.leadResponse || {};
    const area = block('sales');
    fill(area.querySelector('.content'), [el('div', { class: 'tiles' }, [
      tile('Win rate', 'sales.winRate', data.winRate, 'percent'),
      tile('Average sales cycle', 'sales.averageSalesCycleDays', data.averageSalesCycleDays, 'days'),
      tile('Lead → won', 'sales.conversion.leadToWon', conversion.leadToWon, 'percent'),
      tile('Average discount', 'sales.averageDiscount', data.averageDiscount, 'percent'),
      tile('Approval turnaround', 'sales.approvalTurnaround.averageHours', approval.averageHours, 'hours',
        el('span', {}, [figure('sales.approvalTurnaround.count', approval.count, 'int'), ' approvals'])),
      tile('Lead response within due', 'sales.leadResponse.withinDueRate', response.withinDueRate, 'percent',
        el('span', {}, [figure('sales.leadResponse.withinDue', response.withinDue, 'int'), ' of ',
          figure('sales.leadResponse.measured', response.measured, 'int'), ' leads'])),
      tile('Average lead response', 'sales.leadResponse.averageHours', response.averageHours, 'hours')
    ])]);

    const stages = [['leads', 'Leads', null], ['qualified', 'Qualified', 'leadToQualified'],
      ['opportunities', 'Opportunities', 'qualifiedToOpportunity'], ['quoted', 'Quoted', 'opportunityToQuoted'],
      ['won', 'Won', 'quotedToWon']];
    chart('chart-funnel', {
      type: 'bar',
      data: {
        labels: stages.map((s) => s[1]),
        datasets: [{ label: 'Count', data: stages.map((s) => funnel[s[0]] || 0), backgroundColor: palette }]
      },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
    fill(area.querySelector('.funnel-table'), [table([
      { label: 'Stage', cell: (s) => s[1] },
      { label: 'Count', kind: 'int', cell: (s) => ['sales.funnel.' + s[0], funnel[s[0]]] },
      { label: 'Conversion from previous', kind: 'percent', cell: (s) => (s[2] ? ['sales.conversion.' + s[2], conversion[s[2]]] : '') }
    ], stages)]);

    const pipeline = data.pipelineByStage || [];
    chart('chart-pipeline', {
      type: 'bar',
      data: {
        labels: pipeline.map((s) => s.stage),
        datasets: [
          { label: 'Amount', data: pipeline.map((s) => s.amount || 0), backgroundColor: palette[0], yAxisID: 'y' },
          { label: 'Count', data: pipeline.map((s) => s.count || 0), backgroundColor: palette[2], yAxisID: 'count' }
        ]
      },
      options: { scales: {
        y: { beginAtZero: true, ticks: numberTicks('money') },
        count: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { precision: 0 } }
      } }
    });
    fill(area.querySelector('.pipeline-table'), [table([
      { label: 'Stage', cell: (s) => s.stage },
      { label: 'Count', kind: 'int', cell: (s, i) => ['sales.pipelineByStage[' + i + '].count', s.count] },
      { label: 'Amount', kind: 'money', cell: (s, i) => ['sales.pipelineByStage[' + i + '].amount', s.amount] }
    ], pipeline)]);

    // the forecast as GET /api/forecast returns it: its months, or the months themselves
    const forecastMonths = Array.isArray(data.forecast) ? data.forecast : ((data.forecast && data.forecast.months) || []);
    const forecastPath = Array.isArray(data.forecast) ? 'sales.forecast' : 'sales.forecast.months';
    chart('chart-forecast', {
      type: 'bar',
      data: {
        labels: forecastMonths.map((m) => format(m.month, 'month')),
        datasets: [
          { label: 'Pipeline', data: forecastMonths.map((m) => m.pipeline || 0), backgroundColor: palette[4] },
          { label: 'Weighted', data: forecastMonths.map((m) => m.weighted || 0), backgroundColor: palette[1] }
        ]
      },
      options: { scales: { y: { beginAtZero: true, ticks: numberTicks('money') } } }
    });
    fill(area.querySelector('.forecast-table'), [table([
      { label: 'Month', cell: (m) => format(m.month, 'month') },
      { label: 'Opportunities', kind: 'int', cell: (m, i) => [forecastPath + '[' + i + '].opportunities', m.opportunities] },
      { label: 'Pipeline', kind: 'money', cell: (m, i) => [forecastPath + '[' + i + '].pipeline', m.pipeline] },
      { label: 'Weighted', kind: 'money', cell: (m, i) => [forecastPath + '[' + i + '].weighted', m.weighted] }
    ], forecastMonths)]);
  }

  // ---- marketing --------------------------------------------------------------------

  function renderMarketing(data) {
    const campaigns = data.campaigns || [];
    const c = (i) => 'marketing.campaigns[' + i + ']';
    const columns = [
      { label: 'Campaign', cell: (row) => row.name },
      { label: 'Status', cell: (row) => row.status },
      { label: 'Members', kind: 'int', key: 'members' },
      { label: 'Response rate', kind: 'percent', key: 'responseRate' },
      { label: 'Leads', kind: 'int', key: 'leads' },
      { label: 'Cost per lead', kind: 'money', key: 'costPerLead' },
      { label: 'Revenue', kind: 'money', key: 'attributedRevenue' },
      { label: 'ROI', kind: 'percent', key: 'roi' }
    ];
    columns.filter((col) => col.key).forEach((col) => {
      col.cell = (row, i) => [c(i) + '.' + col.key, row[col.key]];
    });
    const nodes = [campaigns.length ? table(columns, campaigns) : empty('No campaign was created in this period.')];
    const totals = data.totals || {};
    const totalTiles = columns.filter((col) => col.key && Object.prototype.hasOwnProperty.call(totals, col.key))
      .map((col) => tile('Total ' + col.label.toLowerCase(), 'marketing.totals.' + col.key, totals[col.key], col.kind));
    if (totalTiles.length) {
      nodes.unshift(el('div', { class: 'tiles' }, totalTiles));
    }
    fill(content('marketing'), nodes);
  }

  // ---- service ----------------------------------------------------------------------

  function slaTiles(label, path, figures) {
    const f = figures || {};
    return tile(label + ' within SLA', path + '.withinSlaRate', f.withinSlaRate, 'percent',
      el('span', {}, [figure(path + '.withinSla', f.withinSla, 'int'), ' of ', figure(path + '.measured', f.measured, 'int'),
        ' · average ', figure(path + '.averageMinutes', f.averageMinutes, 'minutes')]));
  }

  function entriesChart(id, label, entries, colour) {
    chart(id, {
      type: 'bar',
      data: { labels: entries.map((e) => e[0]), datasets: [{ label, data: entries.map((e) => e[1] || 0), backgroundColor: colour }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  function mapTable(label, kind, path, entries) {
    return table([
      { label, cell: (e) => e[0] },
      { label: 'Count', kind, cell: (e) => [path + '.' + e[0], e[1]] }
    ], entries);
  }

  function renderService(data) {
    const area = block('service');
    const csat = data.csat || {};
    fill(area.querySelector('.content'), [el('div', { class: 'tiles' }, [
      tile('Cases opened', 'service.opened', data.opened, 'int'),
      slaTiles('First response', 'service.firstResponse', data.firstResponse),
      slaTiles('Resolution', 'service.resolution', data.resolution),
      tile('Breach rate', 'service.breachRate', data.breachRate, 'percent'),
      tile('Escalations', 'service.escalations', data.escalations, 'int'),
      tile('Reopen rate', 'service.reopenRate', data.reopenRate, 'percent'),
      tile('CSAT average', 'service.csat.average', csat.average, 'decimal',
        el('span', {}, [figure('service.csat.responses', csat.responses, 'int'), ' responses']))
    ])]);
    const priorities = ['P1', 'P2', 'P3', 'P4'].map((p) => [p, (data.openByPriority || {})[p]]);
    entriesChart('chart-priority', 'Open cases', priorities, [palette[5], palette[2], palette[0], palette[6]]);
    fill(area.querySelector('.priority-table'), [mapTable('Priority', 'int', 'service.openByPriority', priorities)]);
    const groups = Object.entries(data.openByGroup || {}).sort((a, b) => a[0].localeCompare(b[0]));
    entriesChart('chart-service-groups', 'Open cases', groups, palette[3]);
    fill(area.querySelector('.group-table'), [groups.length ? mapTable('Group', 'int', 'service.openByGroup', groups) : empty('No open case.')]);
    const scores = ['1', '2', '3', '4', '5'].map((s) => [s, (csat.distribution || {})[s]]);
    entriesChart('chart-csat', 'Responses', scores, palette[1]);
    fill(area.querySelector('.csat-table'), [mapTable('Score', 'int', 'service.csat.distribution', scores)]);
  }

  // ---- customers --------------------------------------------------------------------

  function renderCustomers(data) {
    const area = block('customers');
    const ranking = data.ranking || [];
    fill(area.querySelector('.content'), [el('div', { class: 'tiles' }, [
      tile('Customers', 'customers.customers', data.customers, 'int'),
      tile('Revenue to date', 'customers.revenueTotal', data.revenueTotal, 'money'),
      tile('Revenue share of the top 20 %', 'customers.top20Share', data.top20Share, 'percent')
    ])]);
    chart('chart-pareto', {
      data: {
        labels: ranking.map((r) => r.companyName),
        datasets: [
          { type: 'bar', label: 'Revenue', data: ranking.map((r) => r.revenue || 0), backgroundColor: palette[0], yAxisID: 'y', order: 2 },
          { type: 'line', label: 'Cumulative share', data: ranking.map((r) => r.cumulativeShare || 0), borderColor: palette[2], backgroundColor: palette[2], yAxisID: 'share', order: 1, pointRadius: 2 }
        ]
      },
      options: { scales: {
        x: { ticks: { autoSkip: true, maxRotation: 60 } },
        y: { beginAtZero: true, ticks: numberTicks('money') },
        share: { position: 'right', min: 0, max: 1, grid: { drawOnChartArea: false }, ticks: numberTicks('percent') }
      } }
    });
    const r = (i) => 'customers.ranking[' + i + ']';
    fill(area.querySelector('.ranking-table'), [el('details', {}, [
      el('summary', {}, ['Ranking (top ' + ranking.length + ')']),
      table([
        { label: '#', cell: (row, i) => String(i + 1) },
        { label: 'Customer', cell: (row) => row.companyName },
        { label: 'Tier', cell: (row) => row.tier },
        { label: 'Region', cell: (row) => row.region },
        { label: 'Revenue', kind: 'money', cell: (row, i) => [r(i) + '.revenue', row.revenue] },
        { label: 'Cumulative share', kind: 'percent', cell: (row, i) => [r(i) + '.cumulativeShare', row.cumulativeShare] }
      ], ranking)
    ])]);
    const sorted = (map) => Object.entries(map || {}).sort((a, b) => a[0].localeCompare(b[0]));
    fill(area.querySelector('.tier-table'), [mapTable('Tier', 'int', 'customers.byTier', sorted(data.byTier))]);
    fill(area.querySelector('.region-table'), [mapTable('Region', 'int', 'customers.byRegion', sorted(data.byRegion))]);
  }

  // ---- wiring -----------------------------------------------------------------------

  function remember(range) {
    const query = new URLSearchParams();
    query.set('period', filters.period.value);
    if (filters.period.value === 'custom') {
      query.set('from', range.from);
      query.set('to', range.to);
    }
    ['group', 'process', 'version'].forEach((name) => {
      if (filters[name].value) {
        query.set(name, filters[name].value);
      }
    });
    history.replaceState(null, '', location.pathname + '?' + query);
  }

  let customersLoaded = false;
  let refreshes = 0;

  async function refresh() {
    const mine = ++refreshes;
    const range = period();
    const error = document.getElementById('filter-error');
    error.textContent = range.error || '';
    if (range.error) {
      return;
    }
    document.getElementById('period-label').textContent = format(range.from, 'date') + ' – ' + format(range.to, 'date');
    const group = filters.group.value;
    const version = filters.version.value;
    const jobs = [];
    // the process details follow the process figures: they count as loading from now on
    ['activities', 'diagram'].forEach((name) => {
      block(name).dataset.state = 'loading';
    });
    const processesUrl = url('/api/kpis/processes', { from: range.from, to: range.to, version });
    jobs.push(load(block('processes'), processesUrl, () => request(processesUrl), (data) => renderProcesses(data, range))
      .then(() => {
        if (mine !== refreshes) {
          return null;
        }
        remember(range);
        if (block('processes').dataset.state === 'loaded') {
          return loadProcessDetails(range);
        }
        ['activities', 'diagram'].forEach((name) => {
          block(name).dataset.state = 'error';
          fill(content(name), [empty('Needs the process figures.')]);
        });
        if (charts['chart-throughput']) {
          charts['chart-throughput'].destroy();
          delete charts['chart-throughput'];
        }
        document.getElementById('throughput-note').textContent = 'Needs the process figures.';
        return null;
      }));
    const tasksUrl = url('/api/kpis/tasks', { group });
    jobs.push(load(block('tasks'), tasksUrl, () => request(tasksUrl), renderTasks));
    const salesUrl = url('/api/kpis/sales', { from: range.from, to: range.to, group });
    jobs.push(load(block('sales'), salesUrl, () => request(salesUrl), renderSales));
    const marketingUrl = url('/api/kpis/marketing', { from: range.from, to: range.to });
    jobs.push(load(block('marketing'), marketingUrl, () => request(marketingUrl), renderMarketing));
    const serviceUrl = url('/api/kpis/service', { from: range.from, to: range.to, group });
    jobs.push(load(block('service'), serviceUrl, () => request(serviceUrl), renderService));
    if (!customersLoaded) {
      customersLoaded = true;
      const customersUrl = url('/api/kpis/customers');
      jobs.push(load(block('customers'), customersUrl, () => request(customersUrl), renderCustomers));
    }
    await Promise.all(jobs);
  }

  function showCustomRange() {
    document.querySelectorAll('.custom-range').forEach((node) => {
      node.hidden = filters.period.value !== 'custom';
    });
  }

  function start() {
    const query = new URLSearchParams(location.search);
    if (query.get('period') && [...filters.period.options].some((o) => o.value === query.get('period'))) {
      filters.period.value = query.get('period');
    }
    filters.from.value = query.get('from') || minusDays(today(), 29);
    filters.to.value = query.get('to') || today();
    if (query.get('group')) {
      filters.group.value = query.get('group');
    }
    showCustomRange();
    filters.period.addEventListener('change', () => {
      showCustomRange();
      refresh();
    });
    [filters.from, filters.to, filters.group].forEach((input) => input.addEventListener('change', refresh));
    filters.process.addEventListener('change', () => {
      const range = period();
      // figures of one version were loaded: all versions must be fetched again
      const hadVersion = filters.version.value !== '';
      filters.version.value = '';
      fillVersionChoices();
      if (hadVersion) {
        refresh();
      }
      else if (!range.error && processData) {
        remember(range);
        renderThroughput(range);
        loadProcessDetails(range);
      }
    });
    filters.version.addEventListener('change', refresh);
    document.getElementById('filters').addEventListener('submit', (event) => event.preventDefault());
    refresh();
  }

  if (!window.Chart || !window.BpmnJS) {
    document.querySelector('main').prepend(el('p', { class: 'area-error alert', role: 'alert' },
      ['The chart and diagram libraries did not load; reload the page.']));
  }
  else {
    window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    start();
  }
}());
