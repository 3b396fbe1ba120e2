/*
 * Reflow CRM version scorecard (/lab/scorecard). Reads only /api/lab (docs/lab.md) and draws
 * the two versions' diagrams with the bpmn-js viewer (WebJars), marking the elements the
 * redesign added, removed or changed.
 *
 * Contract with the tests (LabBrowserIT): every figure is an element with
 * data-field="<json path of /api/lab/scorecard>" whose text is the value formatted below;
 * #status carries data-state (loading, loaded, error). The choice is kept in the address
 * (?process=&from=&to=). All text goes in through textContent.
 */
(function () {
  'use strict';

  const base = document.body.dataset.base || '/';
  const locale = navigator.language;
  const DASH = '—';
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const pValue = new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 });
  const points = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const units = [[86400, 'day'], [3600, 'hour'], [60, 'minute'], [1, 'second']].map(([size, unit]) => ({
    size, format: new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 })
  }));

  function seconds(value) {
    const unit = units.find((u) => Math.abs(value) >= u.size) || units[units.length - 1];
    return unit.format.format(value / unit.size);
  }

  function format(value, kind, currency) {
    if (value === null || value === undefined) {
      return DASH;
    }
    switch (kind) {
      case 'seconds': return seconds(value);
      case 'percent': return percent.format(value);
      case 'points': return points.format(value * 100) + ' pp';
      case 'int': return integer.format(value);
      case 'money': return new Intl.NumberFormat(locale, { style: 'currency', currency: currency || 'CNY', maximumFractionDigits: 0 }).format(value);
      case 'p': return value < 0.0001 ? '< 0.0001' : pValue.format(value);
      default: return number.format(value);
    }
  }

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    (children || []).forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
    return node;
  }

  function field(path, value, kind, currency) {
    return el('span', { 'data-field': path }, [format(value, kind, currency)]);
  }

  function significance(path, test) {
    const label = { SIGNIFICANT: 'significant', NOT_SIGNIFICANT: 'not significant', NOT_TESTABLE: 'not testable' };
    const node = el('span', { class: 'sig ' + test.significance, 'data-field': path + '.significance' }, [label[test.significance]]);
    const p = test.pValue;
    const relation = p === null || p === undefined ? ' p ' : (p < 0.0001 ? ' p ' : ' p = ');
    return el('span', {}, [node, relation, field(path + '.pValue', p, 'p')]);
  }

  async function get(address, type) {
    const response = await fetch(base + address.replace(/^\//, ''), {
      credentials: 'same-origin', headers: { Accept: type === 'xml' ? 'application/xml' : 'application/json' }
    });
    if (!response.ok) {
      let detail = response.status + ' ' + response.statusText;
      try {
        detail = (await response.json()).detail || detail;
      } catch (ignored) { /* not JSON */ }
      throw new Error(detail);
    }
    return type === 'xml' ? response.text() : response.json();
  }

  const status = document.getElementById('status');
  const processSelect = document.getElementById('process');
  const fromSelect = document.getElementById('from');
  const toSelect = document.getElementById('to');
  let processes = [];

  function versionLabel(v) {
    return 'v' + v.version + (v.versionTag ? ' (' + v.versionTag + ')' : '');
  }

  function fillVersions(key, from, to) {
    const process = processes.find((p) => p.key === key) || processes[0];
    [fromSelect, toSelect].forEach((select) => select.replaceChildren(
      ...process.versions.map((v) => el('option', { value: String(v.version) }, [versionLabel(v)]))));
    const versions = process.versions.map((v) => String(v.version));
    toSelect.value = versions.includes(to) ? to : versions[versions.length - 1];
    fromSelect.value = versions.includes(from) ? from : versions[Math.max(0, versions.indexOf(toSelect.value) - 1)];
  }

  function rateRow(rate, i, alpha) {
    const path = 'rates[' + i + ']';
    return el('tr', { 'data-metric': rate.metric }, [
      el('td', {}, [rate.metric]),
      el('td', { class: 'num' }, [field(path + '.fromRate', rate.fromRate, 'percent'), ' (', field(path + '.fromCount', rate.fromCount, 'int'), ')']),
      el('td', { class: 'num' }, [field(path + '.toRate', rate.toRate, 'percent'), ' (', field(path + '.toCount', rate.toCount, 'int'), ')']),
      el('td', { class: 'num' }, [field(path + '.difference', rate.difference, 'points'),
        rate.lower !== null ? el('small', {}, [' [', format(rate.lower, 'points'), ', ', format(rate.upper, 'points'), ']']) : '']),
      el('td', {}, [significance(path, rate)]),
      el('td', { class: 'num' }, [field(path + '.fromTotal', rate.fromTotal, 'int'), ' / ', field(path + '.toTotal', rate.toTotal, 'int')])
    ]);
  }

  function comparisonRow(c, path, kind, currency) {
    const relative = c.relativeMedianChange !== null ? ' (' + points.format(c.relativeMedianChange * 100) + ' %)' : '';
    return el('tr', { 'data-metric': c.metric }, [
      el('td', {}, [c.metric + ' (median; p90)']),
      el('td', { class: 'num' }, [field(path + '.from.median', c.from.median, kind, currency), '; ', field(path + '.from.p90', c.from.p90, kind, currency)]),
      el('td', { class: 'num' }, [field(path + '.to.median', c.to.median, kind, currency), '; ', field(path + '.to.p90', c.to.p90, kind, currency)]),
      el('td', { class: 'num' }, [c.medianChange !== null && c.medianChange < 0 ? '−' : (c.medianChange > 0 ? '+' : ''),
        field(path + '.medianChange', c.medianChange === null ? null : Math.abs(c.medianChange), kind, currency), relative]),
      el('td', {}, [significance(path + '.test', c.test)]),
      el('td', { class: 'num' }, [field(path + '.from.n', c.from.n, 'int'), ' / ', field(path + '.to.n', c.to.n, 'int')])
    ]);
  }

  function activityRow(a, i) {
    const path = 'activities[' + i + ']';
    const pair = (key, kindName) => {
      const values = ['from', 'to'].map((s) => a[s] ? field(path + '.' + s + '.' + key, a[s][key], kindName) : DASH);
      return el('td', { class: 'num' }, [values[0], ' / ', values[1]]);
    };
    return el('tr', { 'data-activity': a.activityId }, [
      el('td', {}, [a.name, el('br'), el('small', {}, [a.activityId])]),
      el('td', { class: 'change ' + a.change, 'data-field': path + '.change' }, [a.change.toLowerCase()]),
      pair('count', 'int'), pair('medianSeconds', 'seconds'), pair('meanWaitingSeconds', 'seconds'),
      pair('meanWorkingSeconds', 'seconds'), pair('repeatedInCases', 'int'),
      el('td', {}, [significance(path + '.duration', a.duration)])
    ]);
  }

  const viewers = {};

  async function diagram(id, xml, marks) {
    if (!viewers[id]) {
      viewers[id] = new window.BpmnJS({ container: '#' + id });
    }
    const viewer = viewers[id];
    await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    canvas.zoom('fit-viewport', 'auto');
    Object.entries(marks).forEach(([marker, ids]) => ids.forEach((elementId) => {
      if (registry.get(elementId)) {
        canvas.addMarker(elementId, marker);
      }
    }));
  }

  async function show(key, from, to) {
    status.dataset.state = 'loading';
    status.textContent = 'Loading…';
    const query = 'process=' + encodeURIComponent(key) + '&from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to);
    history.replaceState(null, '', '?' + query);
    try {
      const card = await get('/api/lab/scorecard?' + query);
      document.getElementById('versions').replaceChildren(...['from', 'to'].map((s) => {
        const v = card[s];
        return el('div', { class: 'version', 'data-version': s }, [
          el('strong', {}, [(s === 'from' ? 'From ' : 'To ') + versionLabel(v)]), el('br'),
          field(s + '.finished', v.finished, 'int'), ' finished, ', field(s + '.running', v.running, 'int'), ' running',
          v.leftOut ? ' (' + integer.format(v.leftOut) + ' older cases left out)' : ''
        ]);
      }));
      const rows = [comparisonRow(card.cycleTime, 'cycleTime', 'seconds'),
        comparisonRow(card.costPerCase, 'costPerCase', 'money', card.currency)];
      card.rates.forEach((rate, i) => rows.push(rateRow(rate, i, card.alpha)));
      document.querySelector('#figures tbody').replaceChildren(...rows);
      document.querySelector('#activities tbody').replaceChildren(...card.activities.map(activityRow));
      document.getElementById('from-caption').textContent = 'From ' + versionLabel(card.from);
      document.getElementById('to-caption').textContent = 'To ' + versionLabel(card.to);
      const d = card.diagram;
      document.getElementById('diff-list').replaceChildren(
        ...d.added.map((id) => el('li', { class: 'change ADDED' }, ['added ', id])),
        ...d.removed.map((id) => el('li', { class: 'change REMOVED' }, ['removed ', id])),
        ...d.changed.map((id) => el('li', { class: 'change CHANGED' }, ['changed ', id])));
      const [fromXml, toXml] = await Promise.all([card.from.version, card.to.version].map(
        (v) => get('/api/lab/processes/' + encodeURIComponent(key) + '/versions/' + v + '/xml', 'xml')));
      await diagram('diagram-from', fromXml, { 'diff-removed': d.removed, 'diff-changed': d.changed });
      await diagram('diagram-to', toXml, { 'diff-added': d.added, 'diff-changed': d.changed });
      status.dataset.state = 'loaded';
      status.textContent = 'α = ' + card.alpha + '; ' + (d.added.length + d.removed.length + d.changed.length) + ' model elements differ.';
    } catch (error) {
      status.dataset.state = 'error';
      status.textContent = 'Could not load the scorecard: ' + error.message;
    }
  }

  async function start() {
    const params = new URLSearchParams(location.search);
    try {
      processes = await get('/api/lab/processes');
    } catch (error) {
      status.dataset.state = 'error';
      status.textContent = 'Could not load the processes: ' + error.message;
      return;
    }
    processSelect.replaceChildren(...processes.map((p) => el('option', { value: p.key }, [p.name || p.key])));
    const wanted = params.get('process');
    processSelect.value = processes.some((p) => p.key === wanted) ? wanted
      : (processes.some((p) => p.key === 'lead-qualification') ? 'lead-qualification' : processes[0].key);
    fillVersions(processSelect.value, params.get('from'), params.get('to'));
    processSelect.addEventListener('change', () => fillVersions(processSelect.value));
    document.getElementById('choice').addEventListener('submit', (event) => {
      event.preventDefault();
      show(processSelect.value, fromSelect.value, toSelect.value);
    });
    const process = processes.find((p) => p.key === processSelect.value);
    if (process.versions.length < 2) {
      status.dataset.state = 'loaded';
      status.textContent = 'This process has one version: nothing to compare yet.';
      return;
    }
    show(processSelect.value, fromSelect.value, toSelect.value);
  }

  window.addEventListener('DOMContentLoaded', start);
}());
