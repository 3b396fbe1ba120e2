/*
 * Reflow CRM analyst page /models. Reads only JSON (and each version's XML):
 *   GET  /api/models/processes, /api/models/decisions        the catalogue
 *   GET  /api/models/{processes|decisions}/{key}/versions/{v}/xml   the viewers' input
 *   POST /api/processes/{key}/migrations                      dry run and migration
 *   GET  /api/processes/{key}/migrations[/{batchId}]           history and progress
 *   GET  /api/models/audit, /api/models/reload-status          only when the body says they exist
 * Diagrams: bpmn-js (processes) and dmn-js (decision tables), both from WebJars.
 *
 * Contract with the tests (ModelsBrowserIT): each [data-endpoint] block carries data-state
 * (loading, loaded, error); #diagram carries data-state and data-kind once a diagram is shown;
 * #migration-result and #migration-progress carry data-state too. All text goes in through
 * textContent: nothing from the APIs is parsed as HTML.
 */
(function () {
  'use strict';

  const body = document.body;
  const base = (body.dataset.base || '/').replace(/\/$/, '');
  const locale = navigator.language;
  const DASH = '—';
  const timeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const csrf = {
    header: (document.querySelector('meta[name=csrf-header]') || {}).content,
    token: (document.querySelector('meta[name=csrf-token]') || {}).content
  };

  // ---- small DOM helpers ------------------------------------------------------------

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === undefined || value === null || value === false) {
        return;
      }
      if (name === 'onclick') {
        node.addEventListener('click', value);
      }
      else {
        node.setAttribute(name, value === true ? '' : value);
      }
    });
    (children || []).forEach((child) => {
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    });
    return node;
  }

  function time(iso) {
    return iso ? timeFormat.format(new Date(iso)) : DASH;
  }

  function number(value) {
    return (value === null || value === undefined) ? DASH : numberFormat.format(value);
  }

  function table(headings, rows, caption) {
    return el('div', { class: 'table-wrap' }, [el('table', { class: 'data' }, [
      caption ? el('caption', { class: 'muted' }, [caption]) : null,
      el('thead', {}, [el('tr', {}, headings.map((h) => el('th', { scope: 'col', class: h.num ? 'num' : null }, [h.text || h])))]),
      el('tbody', {}, rows)
    ])]);
  }

  function block(name) {
    return document.querySelector('[data-endpoint="' + name + '"]');
  }

  function content(name) {
    return block(name).querySelector('.content');
  }

  // ---- requests ---------------------------------------------------------------------

  class HttpError extends Error {
    constructor(status, message, problem) {
      super(message);
      this.status = status;
      this.problem = problem;
    }
  }

  async function request(path, options) {
    const settings = options || {};
    const headers = { Accept: settings.xml ? 'application/xml' : 'application/json' };
    const init = { credentials: 'same-origin', headers, method: settings.method || 'GET' };
    if (settings.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['X-Reflow-Source'] = '/models';
      if (csrf.header && csrf.token) {
        headers[csrf.header] = csrf.token;
      }
      init.body = JSON.stringify(settings.json);
    }
    let response;
    try {
      response = await fetch(base + path, init);
    }
    catch (error) {
      throw new HttpError(0, 'the server did not answer (' + error.message + ')');
    }
    const type = response.headers.get('Content-Type') || '';
    if (!response.ok) {
      let problem = null;
      if (type.includes('json')) {
        problem = await response.json().catch(() => null);
      }
      const reasons = { 401: 'the session has ended; reload the page to log in again',
        403: 'your groups may not use this', 404: 'not found' };
      const detail = (problem && problem.detail) || reasons[response.status] || 'the request failed';
      throw new HttpError(response.status, detail + ' [HTTP ' + response.status + ']', problem);
    }
    if (type.includes('text/html')) {
      throw new HttpError(401, 'the session has ended; reload the page to log in again');
    }
    return settings.xml ? response.text() : response.json();
  }

  /** Loads one block: marks it loading, fetches, draws, or shows what went wrong. */
  async function load(name, fetcher, render) {
    const target = block(name);
    target.dataset.state = 'loading';
    target.setAttribute('aria-busy', 'true');
    target.querySelectorAll(':scope > .area-error').forEach((node) => node.remove());
    try {
      const data = await fetcher();
      await render(data);
      target.dataset.state = 'loaded';
    }
    catch (error) {
      target.dataset.state = 'error';
      console.warn('models: ' + name + ' failed', error);
      target.querySelector('h2').after(el('p', { class: 'area-error alert', role: 'alert' },
        ['Could not load this: ' + error.message + '.']));
    }
    finally {
      target.removeAttribute('aria-busy');
    }
  }

  // ---- catalogue --------------------------------------------------------------------

  const state = { processes: [], decisions: [], selected: null, report: null, polling: null };

  function versionChips(model, kind) {
    return el('span', { class: 'chips' }, model.versions.map((v) => el('button', {
      type: 'button', class: 'chip', 'data-kind': kind, 'data-key': model.key, 'data-version': v.version,
      title: 'Show version ' + v.version + (v.versionTag ? ' (' + v.versionTag + ')' : ''),
      onclick: () => select(kind, model.key, v.version)
    }, ['v' + v.version + (v.versionTag ? ' · ' + v.versionTag : '') + (kind === 'process' && v.runningInstances
      ? ' · ' + number(v.runningInstances) + ' running' : '')])));
  }

  function renderProcesses(processes) {
    state.processes = processes;
    const rows = processes.map((p) => {
      const latest = p.versions[0];
      return el('tr', { 'data-key': p.key }, [
        el('td', {}, [el('button', { type: 'button', class: 'link', onclick: () => select('process', p.key, p.latestVersion) },
          [p.name || p.key]), el('div', { class: 'muted small' }, [p.key])]),
        el('td', {}, [versionChips(p, 'process'), p.autoMigrate ? el('span', { class: 'flag', title: 'reflow.autoMigrate=true: '
          + 'running instances move to each new version whose plan validates' }, ['auto-migrate']) : null]),
        el('td', { class: 'nowrap' }, [time(latest.deployedAt)]),
        el('td', {}, [latest.author]),
        el('td', { class: 'num', 'data-running': p.runningInstances }, [number(p.runningInstances)])
      ]);
    });
    content('processes').replaceChildren(processes.length
      ? table(['Process', 'Versions', 'Latest deployed', 'Author', { text: 'Running', num: true }], rows)
      : el('p', { class: 'muted empty' }, ['No process is deployed.']));
  }

  function renderDecisions(decisions) {
    state.decisions = decisions;
    const rows = decisions.map((d) => {
      const latest = d.versions[0];
      return el('tr', { 'data-key': d.key }, [
        el('td', {}, [el('button', { type: 'button', class: 'link', onclick: () => select('decision', d.key, d.latestVersion) },
          [d.name || d.key]), el('div', { class: 'muted small' }, [d.key])]),
        el('td', {}, [versionChips(d, 'decision')]),
        el('td', { class: 'nowrap' }, [time(latest.deployedAt)]),
        el('td', {}, [latest.author]),
        el('td', { class: 'num' }, [number(d.evaluations)]),
        el('td', { class: 'nowrap' }, [el('a', { href: base + '/models/decisions/' + encodeURIComponent(d.key) + '/backtest',
          class: 'backtest', 'data-key': d.key }, ['Backtest'])])
      ]);
    });
    content('decisions').replaceChildren(decisions.length
      ? table(['Decision', 'Versions', 'Latest deployed', 'Author', { text: 'Evaluations', num: true }, ''], rows)
      : el('p', { class: 'muted empty' }, ['No decision is deployed.']));
  }

  function loadCatalogue() {
    return Promise.all([
      load('processes', () => request('/api/models/processes'), renderProcesses),
      load('decisions', () => request('/api/models/decisions'), renderDecisions)
    ]);
  }

  // ---- detail and diagram -----------------------------------------------------------

  let bpmnViewer = null;
  let dmnViewer = null;

  function model(kind, key) {
    return (kind === 'process' ? state.processes : state.decisions).find((m) => m.key === key);
  }

  async function select(kind, key, version) {
    const found = model(kind, key);
    if (!found) {
      return;
    }
    state.selected = { kind, key, version };
    const params = new URLSearchParams({ kind, key, version });
    history.replaceState(null, '', '?' + params.toString());
    const detail = block('detail');
    detail.hidden = false;
    document.getElementById('detail-title').textContent = (kind === 'process' ? 'Process ' : 'Decision ')
      + (found.name || found.key) + ' · version ' + version;
    renderVersions(kind, found, version);
    renderFacts(kind, found, version);
    await load('detail', () => request('/api/models/' + (kind === 'process' ? 'processes' : 'decisions') + '/'
      + encodeURIComponent(key) + '/versions/' + version + '/xml', { xml: true }), (xml) => draw(kind, key, xml));
    if (kind === 'process') {
      showMigration(found, version);
    }
    else {
      block('migration').hidden = true;
    }
    detail.scrollIntoView({ block: 'start', behavior: 'instant' });
  }

  function renderVersions(kind, found, selectedVersion) {
    const headings = ['Version', 'Tag', 'Deployed', 'Source', 'Author',
      { text: kind === 'process' ? 'Running' : 'Evaluations', num: true }, ''];
    const rows = found.versions.map((v) => el('tr', { 'aria-current': v.version === selectedVersion ? 'true' : null,
      'data-version': v.version }, [
      el('td', {}, ['v' + v.version]),
      el('td', {}, [v.versionTag || DASH]),
      el('td', { class: 'nowrap' }, [time(v.deployedAt)]),
      el('td', {}, [v.source || DASH]),
      el('td', {}, [v.author]),
      el('td', { class: 'num' }, [number(kind === 'process' ? v.runningInstances : v.evaluations)]),
      el('td', {}, [v.version === selectedVersion ? el('span', { class: 'muted' }, ['shown'])
        : el('button', { type: 'button', class: 'link', onclick: () => select(kind, found.key, v.version) }, ['Show'])])
    ]));
    block('detail').querySelector('.versions').replaceChildren(table(headings, rows));
  }

  function renderFacts(kind, found, version) {
    const v = found.versions.find((candidate) => candidate.version === version) || found.versions[0];
    const facts = [
      ['Key', found.key], ['Definition id', v.id], ['File', v.resource], ['Deployment', v.deploymentId
        + (v.deploymentName ? ' (' + v.deploymentName + ')' : '')],
      ['Deployed', time(v.deployedAt) + ' by ' + v.author]
    ];
    if (kind === 'process') {
      facts.push(['Running instances', number(v.runningInstances) + (v.incidents ? ', ' + number(v.incidents) + ' incidents' : '')]);
      if (v.suspended) {
        facts.push(['State', 'suspended']);
      }
    }
    else {
      facts.push(['Evaluations', number(v.evaluations)]);
      if (v.decisionRequirementsKey) {
        facts.push(['Requirements diagram', v.decisionRequirementsKey]);
      }
    }
    const file = base + '/api/models/' + (kind === 'process' ? 'processes' : 'decisions') + '/' + encodeURIComponent(found.key)
      + '/versions/' + v.version + '/xml';
    facts.push(['XML', el('a', { href: file, id: 'download-xml', download: found.key + '-v' + v.version
      + (kind === 'process' ? '.bpmn' : '.dmn') }, ['Download version ' + v.version])]);
    document.getElementById('version-facts').replaceChildren(...facts.flatMap(([term, value]) =>
      [el('dt', {}, [term]), el('dd', {}, [value])]));
  }

  function callback(fn) {
    return new Promise((resolve, reject) => fn((error, warnings) => error ? reject(error) : resolve(warnings)));
  }

  async function draw(kind, key, xml) {
    const container = document.getElementById('diagram');
    container.dataset.state = 'loading';
    container.dataset.kind = kind;
    container.replaceChildren();
    if (kind === 'process') {
      if (!window.BpmnJS) {
        throw new Error('the BPMN viewer did not load');
      }
      if (dmnViewer) {
        dmnViewer.destroy();
        dmnViewer = null;
      }
      if (!bpmnViewer) {
        bpmnViewer = new window.BpmnJS();
      }
      bpmnViewer.attachTo(container);
      await bpmnViewer.importXML(xml);
      const canvas = bpmnViewer.get('canvas');
      canvas.zoom(canvas.zoom('fit-viewport', 'auto') * 0.95, 'auto');
    }
    else {
      if (!window.DmnJS) {
        throw new Error('the DMN viewer did not load');
      }
      if (bpmnViewer) {
        bpmnViewer.detach();
      }
      if (dmnViewer) {
        dmnViewer.destroy();
      }
      dmnViewer = new window.DmnJS({ container });
      await callback((done) => dmnViewer.importXML(xml, { open: false }, done));
      const views = dmnViewer.getViews();
      const view = views.find((v) => v.element.id === key && v.type !== 'drd')
        || views.find((v) => v.type !== 'drd') || views[0];
      await callback((done) => dmnViewer.open(view, done));
    }
    container.dataset.state = 'loaded';
  }

  // ---- migration --------------------------------------------------------------------

  function option(value, text, selected) {
    return el('option', { value, selected: selected || null }, [text]);
  }

  function showMigration(process, shownVersion) {
    const section = block('migration');
    section.hidden = process.versions.length < 2;
    if (section.hidden) {
      return;
    }
    const source = document.getElementById('migration-source');
    const target = document.getElementById('migration-target');
    const running = process.versions.filter((v) => v.runningInstances > 0);
    const preferred = running.find((v) => v.version === shownVersion && v.version !== process.latestVersion)
      || running.find((v) => v.version !== process.latestVersion) || running[0] || process.versions[process.versions.length - 1];
    source.replaceChildren(...process.versions.map((v) => option(v.version, 'v' + v.version + ' (' + number(v.runningInstances)
      + ' running)', v.version === preferred.version)));
    target.replaceChildren(...process.versions.map((v) => option(v.version, 'v' + v.version
      + (v.version === process.latestVersion ? ' (latest)' : ''), v.version === process.latestVersion)));
    section.dataset.key = process.key;
    resetReport();
    loadHistory(process.key);
  }

  function resetReport() {
    state.report = null;
    const migrate = document.getElementById('migrate');
    migrate.disabled = true;
    migrate.textContent = 'Migrate';
    const result = document.getElementById('migration-result');
    result.replaceChildren();
    delete result.dataset.state;
  }

  function migrationInput() {
    return {
      key: block('migration').dataset.key,
      sourceVersion: Number(document.getElementById('migration-source').value),
      targetVersion: Number(document.getElementById('migration-target').value)
    };
  }

  async function dryRun() {
    const input = migrationInput();
    resetReport();
    const result = document.getElementById('migration-result');
    result.dataset.state = 'loading';
    result.replaceChildren(el('p', { class: 'muted' }, ['Checking the plan and every running instance…']));
    try {
      const report = await request('/api/processes/' + encodeURIComponent(input.key) + '/migrations', {
        method: 'POST', json: { sourceVersion: input.sourceVersion, targetVersion: input.targetVersion, dryRun: true } });
      state.report = { input, report };
      renderReport(report, result);
      result.dataset.state = 'loaded';
      const migrate = document.getElementById('migrate');
      migrate.disabled = !(report.clean && report.instances > 0);
      migrate.textContent = migrate.disabled ? 'Migrate' : 'Migrate ' + number(report.instances) + ' instance'
        + (report.instances === 1 ? '' : 's') + ' to v' + report.targetVersion;
    }
    catch (error) {
      result.dataset.state = 'error';
      result.replaceChildren(el('p', { class: 'area-error alert', role: 'alert' }, ['Dry run failed: ' + error.message]));
    }
  }

  function renderReport(report, target) {
    const summary = !report.valid ? 'The migration plan from v' + report.sourceVersion + ' to v' + report.targetVersion
      + ' does not validate.'
      : report.instances === 0 ? 'The plan validates, but no instance runs on v' + report.sourceVersion + '.'
        : number(report.migratable) + ' of ' + number(report.instances) + ' running instance'
          + (report.instances === 1 ? '' : 's') + ' can be migrated from v' + report.sourceVersion + ' to v'
          + report.targetVersion + '.';
    const nodes = [el('p', { class: 'summary ' + (report.clean && report.instances > 0 ? 'note' : 'alert'),
      'data-clean': String(report.clean) }, [summary])];
    if (report.planFailures && report.planFailures.length) {
      nodes.push(el('ul', { class: 'plan-failures alert' }, report.planFailures.map((f) => el('li', {}, [f]))));
    }
    if (report.failures && report.failures.length) {
      nodes.push(table(['Instance', 'Business key', 'Why it cannot be migrated'], report.failures.map((f) =>
        el('tr', { 'data-instance': f.processInstanceId }, [
          el('td', { class: 'wrap' }, [f.processInstanceId]),
          el('td', {}, [f.businessKey || DASH]),
          el('td', {}, [el('ul', { class: 'reasons' }, f.reasons.map((r) => el('li', {}, [r])))])
        ])), 'Instances that cannot be migrated'));
    }
    if (report.unmappedActivities && report.unmappedActivities.length) {
      nodes.push(el('p', { class: 'muted' }, ['Activities of v' + report.sourceVersion + ' without a counterpart in v'
        + report.targetVersion + ': ' + report.unmappedActivities.map((a) => (a.name ? a.name + ' (' + a.id + ')' : a.id))
        .join(', ') + '. Instances waiting there stay on v' + report.sourceVersion
        + ' unless the REST call maps them (mappings).']));
    }
    const instructions = report.instructions || [];
    nodes.push(el('details', {}, [el('summary', {}, ['Plan: ' + instructions.length + ' instruction'
      + (instructions.length === 1 ? '' : 's')]), table(['From', 'To', 'Event trigger', 'Problems'], instructions.map((i) =>
      el('tr', {}, [
        el('td', {}, [(i.sourceActivityName ? i.sourceActivityName + ' ' : '') + '(' + i.sourceActivityId + ')']),
        el('td', {}, [(i.targetActivityName ? i.targetActivityName + ' ' : '') + '(' + i.targetActivityId + ')']),
        el('td', {}, [i.updateEventTrigger ? 'updated' : DASH]),
        el('td', {}, [i.failures && i.failures.length ? i.failures.join('; ') : DASH])
      ])))]));
    target.replaceChildren(...nodes);
  }

  async function migrate() {
    if (!state.report) {
      return;
    }
    const { input } = state.report;
    const button = document.getElementById('migrate');
    button.disabled = true;
    const progress = document.getElementById('migration-progress');
    progress.dataset.state = 'loading';
    try {
      const started = await request('/api/processes/' + encodeURIComponent(input.key) + '/migrations', {
        method: 'POST', json: { sourceVersion: input.sourceVersion, targetVersion: input.targetVersion, dryRun: false } });
      progress.dataset.batch = started.batchId;
      progress.replaceChildren(el('p', {}, ['Migration started: batch ' + started.batchId + ', '
        + number(started.instances) + ' instances from v' + started.sourceVersion + ' to v' + started.targetVersion + '.']));
      document.getElementById('migration-result').replaceChildren();
      state.report = null;
      button.textContent = 'Migrate';
      follow(input.key, started.batchId);
      loadAudit();
    }
    catch (error) {
      progress.dataset.state = 'error';
      const nodes = [el('p', { class: 'area-error alert', role: 'alert' }, ['Migration refused: ' + error.message])];
      if (error.problem && error.problem.failures) {
        const holder = el('div');
        renderReport(Object.assign({ sourceVersion: input.sourceVersion, targetVersion: input.targetVersion,
          clean: false }, error.problem), holder);
        nodes.push(holder);
      }
      progress.replaceChildren(...nodes);
      loadAudit();
    }
  }

  function renderProgress(p) {
    const progress = document.getElementById('migration-progress');
    const total = Math.max(p.totalJobs || p.instances || 1, 1);
    const bar = el('progress', { max: total, value: p.done ? total : p.completedJobs, 'aria-label': 'Batch progress' });
    const text = p.done
      ? 'Finished: ' + number(p.migrated) + ' of ' + number(p.instances) + ' instances now run on v' + p.targetVersion
        + (p.notMigrated ? ', ' + number(p.notMigrated) + ' not migrated' : '') + '.'
      : number(p.completedJobs) + ' of ' + number(p.totalJobs) + ' jobs done' + (p.failedJobs ? ', ' + number(p.failedJobs)
        + ' failed (see the incidents in Cockpit)' : '') + '…';
    progress.replaceChildren(el('p', {}, ['Batch ' + p.batchId + ' (v' + p.sourceVersion + ' → v' + p.targetVersion + ')']),
      bar, el('p', { class: p.done ? 'note' : (p.failedJobs ? 'alert' : 'muted'), 'data-done': String(p.done) }, [text]));
    progress.dataset.state = p.done ? 'done' : 'running';
  }

  function follow(key, batchId) {
    if (state.polling) {
      clearTimeout(state.polling);
    }
    const poll = async () => {
      try {
        const p = await request('/api/processes/' + encodeURIComponent(key) + '/migrations/' + encodeURIComponent(batchId));
        renderProgress(p);
        if (p.done) {
          state.polling = null;
          await loadCatalogue();
          const process = model('process', key);
          if (process && state.selected && state.selected.key === key) {
            renderVersions('process', process, state.selected.version);
            renderFacts('process', process, state.selected.version);
            const source = document.getElementById('migration-source');
            const chosen = source.value;
            showMigration(process, state.selected.version);
            source.value = chosen;
          }
          loadAudit();
          return;
        }
      }
      catch (error) {
        console.warn('models: progress failed', error);
      }
      state.polling = setTimeout(poll, 1500);
    };
    poll();
  }

  async function loadHistory(key) {
    const target = document.getElementById('migration-history');
    try {
      const migrations = await request('/api/processes/' + encodeURIComponent(key) + '/migrations');
      target.replaceChildren(migrations.length ? table(['Started', 'By', 'From', 'To', { text: 'Instances', num: true },
        'State'], migrations.map((m) => el('tr', { 'data-batch': m.batchId }, [
        el('td', { class: 'nowrap' }, [time(m.startedAt)]),
        el('td', {}, [m.startedBy || DASH]),
        el('td', {}, ['v' + m.sourceVersion]),
        el('td', {}, ['v' + m.targetVersion]),
        el('td', { class: 'num' }, [number(m.instances)]),
        el('td', {}, [m.done ? 'done: ' + number(m.migrated) + ' migrated' : number(m.completedJobs) + '/' + number(m.totalJobs)
          + ' jobs' + (m.failedJobs ? ', ' + number(m.failedJobs) + ' failed' : '')])
      ]))) : el('p', { class: 'muted empty' }, ['No migration of this process yet.']));
    }
    catch (error) {
      target.replaceChildren(el('p', { class: 'area-error alert' }, ['Could not load the migrations: ' + error.message]));
    }
  }

  // ---- audit trail and live reload --------------------------------------------------

  function entries(page) {
    if (Array.isArray(page)) {
      return page;
    }
    return (page && (page.content || page.items || page.entries)) || [];
  }

  function loadAudit() {
    const section = block('audit');
    if (body.dataset.auditApi !== 'true') {
      section.dataset.state = 'loaded';
      content('audit').replaceChildren(el('p', { class: 'muted empty' }, ['The audit trail is not available on this server.']));
      return Promise.resolve();
    }
    return load('audit', () => request('/api/models/audit?size=25').catch((error) => {
      if (error.status === 404) {
        return null;
      }
      throw error;
    }), (page) => {
      const list = entries(page);
      content('audit').replaceChildren(page === null
        ? el('p', { class: 'muted empty' }, ['The audit trail is not available on this server.'])
        : list.length ? table(['When', 'What', 'Who', 'From', 'Subject', 'Detail'], list.map((e) => el('tr', { 'data-action': e.action }, [
          el('td', { class: 'nowrap' }, [time(e.occurredAt)]),
          el('td', {}, [el('span', { class: 'action action-' + String(e.action).toLowerCase() }, [e.action])]),
          el('td', {}, [e.actor || 'application']),
          el('td', {}, [e.source || DASH]),
          el('td', { class: 'wrap' }, [e.subject || DASH]),
          el('td', {}, [e.detail || '', (e.resources && e.resources.length)
            ? el('div', { class: 'muted small' }, [e.resources.join(', ')]) : null])
        ]))) : el('p', { class: 'muted empty' }, ['Nothing recorded yet.']));
    });
  }

  function loadReloadStatus() {
    const section = block('reload');
    if (body.dataset.reloadApi !== 'true') {
      return Promise.resolve();
    }
    return request('/api/models/reload-status').then((status) => {
      if (!status || !status.enabled) {
        return;
      }
      section.hidden = false;
      const failures = status.failures || [];
      const nodes = [el('p', {}, ['Watching ' + ((status.watching || []).join(', ') || DASH) + '; last run '
        + time(status.lastRun) + '.'])];
      if ((status.deployed || []).length) {
        nodes.push(el('p', { class: 'note' }, ['Last deployed: ' + status.deployed.map((d) => typeof d === 'string' ? d
          : (d.resource || d.name || JSON.stringify(d))).join(', ')]));
      }
      nodes.push(failures.length ? table(['File', 'Line', 'Problem', 'When'], failures.map((f) => el('tr', {}, [
        el('td', { class: 'wrap' }, [f.resource]), el('td', {}, [f.line === null || f.line === undefined ? DASH : String(f.line)]),
        el('td', { class: 'alert' }, [f.message]), el('td', { class: 'nowrap' }, [time(f.at)])])),
      'Files that could not be deployed (the last good version stays active)')
        : el('p', { class: 'muted' }, ['No broken file.']));
      content('reload').replaceChildren(...nodes);
      section.dataset.state = 'loaded';
    }).catch((error) => {
      // not served in this profile, or not allowed: the panel stays hidden
      console.info('models: live reload status not shown (' + error.message + ')');
    });
  }

  // ---- start ------------------------------------------------------------------------

  async function start() {
    document.getElementById('dry-run').addEventListener('click', dryRun);
    document.getElementById('migrate').addEventListener('click', migrate);
    document.getElementById('migration-source').addEventListener('change', resetReport);
    document.getElementById('migration-target').addEventListener('change', resetReport);
    document.getElementById('migration-form').addEventListener('submit', (event) => event.preventDefault());
    loadAudit();
    loadReloadStatus();
    await loadCatalogue();
    const params = new URLSearchParams(location.search);
    const kind = params.get('kind');
    const key = params.get('key');
    if ((kind === 'process' || kind === 'decision') && key && model(kind, key)) {
      const version = Number(params.get('version')) || model(kind, key).latestVersion;
      select(kind, key, version);
    }
  }

  start();
}());
