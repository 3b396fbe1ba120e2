/*
 * Reflow CRM decision backtest page (/models/decisions/{key}/backtest). Posts the form (the
 * draft file, period, outputs, examples) to POST /api/decisions/{key}/backtest and shows the
 * JSON answer; a refusal (problem details) is shown as its message.
 *
 * Contract with the tests (BacktestBrowserIT): the figures are #evaluations, #replayed,
 * #changed, #unchanged, #cases and #not-replayed-count, each with data-value holding the
 * API's number; #transitions has one row per old → new outcome; #result carries
 * data-state (loading, loaded, error).
 * All text goes in through textContent: nothing from the API is parsed as HTML.
 */
(function () {
  'use strict';

  const locale = navigator.language;
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const form = document.getElementById('backtest-form');
  const run = document.getElementById('run');
  const status = document.getElementById('status');
  const error = document.getElementById('error');
  const result = document.getElementById('result');
  const cockpit = document.body.dataset.cockpit || '/camunda/app/cockpit/default/';

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function link(text, href) {
    const a = element('a', text);
    a.href = href;
    return a;
  }

  function figure(id, value) {
    const node = document.getElementById(id);
    node.dataset.value = String(value);
    node.textContent = integer.format(value);
  }

  function valueText(value) {
    if (value === null || value === undefined) {
      return 'null';
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  function fillTable(id, rows) {
    const body = document.querySelector('#' + id + ' tbody');
    body.replaceChildren(...rows);
    document.getElementById(id).hidden = rows.length === 0;
  }

  function showProblem(title, detail, errors) {
    error.replaceChildren(element('strong', title));
    if (detail) {
      error.append(document.createTextNode(': ' + detail));
    }
    if (errors && errors.length > 1) {
      const list = element('ul');
      errors.forEach((e) => list.append(element('li', e.field + ' ' + e.message)));
      error.append(list);
    }
    error.hidden = false;
  }

  function render(report) {
    figure('evaluations', report.evaluations);
    figure('replayed', report.replayed);
    figure('changed', report.changed);
    figure('unchanged', report.unchanged);
    figure('cases', report.casesAffected);
    figure('not-replayed-count', report.notReplayed);

    const share = report.replayed > 0 ? ' (' + new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
      .format(report.changed / report.replayed) + ' of those replayed)' : '';
    document.getElementById('headline').textContent = integer.format(report.changed) + ' of '
      + integer.format(report.evaluations) + ' evaluations from ' + report.period.from + ' to ' + report.period.to
      + ' would get a different outcome' + share + ', in ' + integer.format(report.casesAffected) + ' cases.';
    document.getElementById('scope').textContent = 'Draft ' + (report.draftFile || '') + ', decision '
      + report.decisionKey + ' (' + report.decisionName + '); compared: ' + report.outputs.join(', ')
      + '; days in ' + report.period.zone + '; evaluations per deployed version: '
      + (report.versions.length ? report.versions.map((v) => 'v' + v.version + ' ' + integer.format(v.evaluations)).join(', ') : 'none') + '.';

    fillTable('transitions', report.transitions.map((t) => {
      const row = element('tr');
      row.append(element('td', t.oldOutcome, 'outcome'), element('td', t.newOutcome, 'outcome new'),
        element('td', integer.format(t.count), 'num'));
      return row;
    }));
    document.getElementById('no-transitions').hidden = report.transitions.length > 0;

    fillTable('examples-table', report.examples.map((example) => {
      const row = element('tr');
      const evaluated = element('td', dateTime.format(new Date(example.evaluatedAt)));
      evaluated.title = example.evaluatedAt;
      const caseCell = element('td');
      if (example.processInstanceId) {
        caseCell.append(link(example.businessKey || example.processInstanceId,
          cockpit + '#/process-instance/' + encodeURIComponent(example.processInstanceId)));
        if (example.processDefinitionKey) {
          caseCell.append(element('div', example.processDefinitionKey, 'muted'));
        }
      } else {
        caseCell.textContent = '—';
      }
      const inputs = element('ul', null, 'inputs');
      Object.entries(example.inputs).forEach(([name, value]) => {
        const item = element('li');
        item.append(element('code', name), document.createTextNode(' ' + valueText(value)));
        inputs.append(item);
      });
      const inputCell = element('td');
      inputCell.append(inputs);
      const instance = element('td');
      instance.append(link(example.decisionInstanceId,
        cockpit + '#/decision-instance/' + encodeURIComponent(example.decisionInstanceId)));
      instance.append(element('div', 'version ' + example.decisionVersion, 'muted'));
      row.append(evaluated, caseCell, inputCell, element('td', example.oldOutcome, 'outcome'),
        element('td', example.newOutcome, 'outcome new'), instance);
      return row;
    }));
    document.getElementById('no-examples').hidden = report.examples.length > 0;

    fillTable('not-replayed', report.notReplayedReasons.map((reason) => {
      const row = element('tr');
      row.append(element('td', reason.reason), element('td', integer.format(reason.count), 'num'),
        element('td', reason.decisionInstanceIds.join(', ')));
      return row;
    }));
    document.getElementById('not-replayed-section').hidden = report.notReplayedReasons.length === 0;
    result.hidden = false;
  }

  async function submit(event) {
    event.preventDefault();
    error.hidden = true;
    const data = new FormData(form);
    const token = form.querySelector('input[name="_csrf"]');
    data.delete('_csrf');
    if (!data.get('from')) { data.delete('from'); }
    if (!data.get('to')) { data.delete('to'); }
    if (!data.get('examples')) { data.delete('examples'); }
    const headers = { Accept: 'application/json, application/problem+json' };
    if (token) {
      headers['X-CSRF-TOKEN'] = token.value;
    }
    run.disabled = true;
    status.textContent = 'Replaying the recorded evaluations…';
    result.dataset.state = 'loading';
    try {
      const response = await fetch(form.action, { method: 'POST', body: data, headers, credentials: 'same-origin' });
      const type = response.headers.get('Content-Type') || '';
      const body = type.includes('json') ? await response.json() : null;
      if (!response.ok) {
        result.hidden = true;
        result.dataset.state = 'error';
        showProblem(body && body.title ? body.title : 'The backtest failed (' + response.status + ')',
          body && body.detail ? body.detail : response.statusText, body && body.errors);
        status.textContent = '';
        return;
      }
      render(body);
      result.dataset.state = 'loaded';
      status.textContent = 'Done.';
    } catch (failure) {
      result.hidden = true;
      result.dataset.state = 'error';
      showProblem('The backtest could not be run', failure.message);
      status.textContent = '';
    } finally {
      run.disabled = false;
    }
  }

  form.addEventListener('submit', submit);
})();
