// The tlog explorer: a single page with hash routes (#/checkpoint, #/entries, #/events,
// #/entry/<index>, #/witnesses) over the JSON API (spec/api.md, "Explorer JSON API").
// Rendering goes through TlogRender (text only); verification through TlogVerify.
(function () {
  'use strict';

  const R = window.TlogRender;
  const V = window.TlogVerify;
  const el = R.el;
  const PAGE = 20;
  const SEVERITIES = ['debug', 'info', 'notice', 'warning', 'error', 'critical'];
  const main = document.getElementById('main');

  class HttpError extends Error {}

  async function api(path) {
    const r = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!r.ok) {
      throw new HttpError((await r.text()).trim() || 'HTTP ' + r.status);
    }
    return r.json();
  }

  async function verifierKey() {
    const r = await fetch('/vkey', { cache: 'no-store' });
    if (!r.ok) {
      throw new HttpError('cannot fetch the log key: HTTP ' + r.status);
    }
    return (await r.text()).trim();
  }

  /** What an entry is, read from its committed bytes (spec/ledger.md). */
  function describe(entryBytes) {
    let text;
    let obj;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(entryBytes);
      obj = JSON.parse(text);
    } catch (e) {
      return { kind: 'opaque', summary: entryBytes.length + ' bytes' };
    }
    if (obj && obj.format === 'tlog-event/1') {
      return { kind: 'event', event: obj, summary: obj.actor + ' · ' + obj.action };
    }
    if (obj && obj.format === 'tlog-clock/1') {
      return { kind: 'clock mark', clock: obj.clock, summary: 'receive clock ' + R.time(obj.clock) };
    }
    return { kind: 'opaque', summary: entryBytes.length + ' bytes' };
  }

  function decode(b64) {
    return V.base64ToBytes(b64);
  }

  function payloadOf(recordB64) {
    if (!recordB64) {
      return null;
    }
    const text = new TextDecoder().decode(decode(recordB64));
    try {
      return JSON.parse(text).payload;
    } catch (e) {
      return null;
    }
  }

  function short(s, n) {
    return s.length > n ? s.slice(0, n) + '…' : s;
  }

  function go(hash) {
    location.hash = hash;
  }

  // ---- checkpoint -------------------------------------------------------------------------

  async function checkpointPage(view) {
    const [cp, vkey, wit] = await Promise.all([
      api('/api/v1/checkpoint'), verifierKey(), api('/api/v1/witnesses')]);
    const badge = el('span', {}, R.badge('pending', 'verifying…', 'checkpoint-status'));
    const sigRows = el('tbody', {});
    const page = el('div', {},
      el('h1', {}, 'Latest checkpoint'),
      el('div', { class: 'card' }, el('div', {}, 'Signature: ', badge),
        el('p', { class: 'muted' }, 'Checked in this browser against the log key ', el('code', {}, vkey),
          '. Compare it with the key you were given for this log.')),
      el('div', { class: 'card', id: 'checkpoint-fields' }, R.fields([
        ['Origin', cp.origin], ['Size', String(cp.size)], ['Root hash', R.hash(cp.root_hash)],
        ['Chain head', cp.chain_head ? R.hash(cp.chain_head) : '—'],
        cp.signed_size !== cp.size ? ['Newest signed size', String(cp.signed_size) +
          ' (published once witnesses cosign)'] : null,
        cp.closed_at !== null && cp.closed_at !== undefined ? ['Closed', 'at size ' + String(cp.closed_at) +
          ': its final checkpoint; it accepts no more appends'] : null,
      ])),
      el('h2', {}, 'Signatures and cosignatures'),
      el('table', { id: 'signatures' },
        el('thead', {}, el('tr', {}, ['Key name', 'Key hash', 'Kind', 'Check'].map((h) => el('th', {}, h)))),
        sigRows),
      el('h2', {}, 'Signed note'),
      el('pre', { id: 'checkpoint-note' }, cp.checkpoint));
    document.getElementById('origin').textContent = cp.origin;
    R.replace(view, page);

    let verified;
    try {
      verified = await V.verifyCheckpoint(cp.checkpoint, vkey);
      const claims = verified.size === BigInt(cp.size) && V.bytesToHex(verified.root) === cp.root_hash;
      R.replace(badge, claims
        ? R.badge('verified', 'verified', 'checkpoint-status')
        : R.badge('failed', 'verification failed: the fields above differ from the signed note',
          'checkpoint-status'));
    } catch (e) {
      const unsupported = e instanceof V.UnsupportedError;
      R.replace(badge, R.badge(unsupported ? 'unsupported' : 'failed',
        unsupported ? e.message : 'verification failed: ' + e.message, 'checkpoint-status'));
    }
    const logKey = await V.parseVerifierKey(vkey, 0x01).catch(() => null);
    const witnessKeys = [];
    for (const w of wit.witnesses) {
      try {
        witnessKeys.push(await V.parseVerifierKey(w.key, 0x04));
      } catch (e) {
        // A witness key the browser cannot parse verifies nothing.
      }
    }
    let parsed;
    try {
      parsed = V.parseNote(cp.checkpoint);
    } catch (e) {
      return;
    }
    for (const s of parsed.signatures) {
      const cell = el('td', {}, '…');
      sigRows.appendChild(el('tr', {}, el('td', {}, s.name), el('td', { class: 'mono' }, s.keyHash),
        el('td', {}, s.name === (logKey && logKey.name) && s.keyHash === logKey.keyHash
          ? 'log' : witnessKeys.some((k) => k.name === s.name && k.keyHash === s.keyHash)
            ? 'witness cosignature' : 'unknown key'),
        cell));
      if (logKey && s.name === logKey.name && s.keyHash === logKey.keyHash) {
        R.replace(cell, verified ? R.badge('verified', 'verified') : R.badge('failed', 'failed'));
        continue;
      }
      const wk = witnessKeys.find((k) => k.name === s.name && k.keyHash === s.keyHash);
      if (!wk) {
        R.replace(cell, el('span', { class: 'muted' }, 'not checked: key not configured'));
        continue;
      }
      try {
        const t = await V.verifyCosignature(parsed.text, s.signature, wk);
        R.replace(cell, R.badge('verified', 'verified'), ' cosigned ',
          new Date(Number(t) * 1000).toISOString().replace('T', ' ').replace('.000Z', ' UTC'));
      } catch (e) {
        R.replace(cell, e instanceof V.UnsupportedError
          ? R.badge('unsupported', e.message) : R.badge('failed', 'verification failed: ' + e.message));
      }
    }
  }

  // ---- entries ----------------------------------------------------------------------------

  async function entriesPage(view, params) {
    const start = Math.max(0, parseInt(params.get('start') || '0', 10) || 0);
    const page = await api('/api/v1/entries?start=' + start + '&count=' + PAGE);
    const rows = page.entries.map((e) => {
      const d = describe(decode(e.entry));
      return el('tr', { class: 'clickable', 'data-index': e.index, onclick: () => go('#/entry/' + e.index) },
        el('td', {}, el('a', { href: '#/entry/' + e.index }, String(e.index))),
        el('td', {}, d.kind),
        el('td', {}, d.event ? [R.time(d.event.time), ' · ', d.event.actor, ' · ', d.event.action, ' ',
          R.severity(d.event.severity)] : d.summary),
        el('td', {}, R.hash(e.leaf_hash.slice(0, 16) + '…')));
    });
    const size = page.tree_size;
    const last = Math.max(0, size - PAGE);
    R.replace(view,
      el('h1', {}, 'Entries'),
      el('p', { class: 'muted' }, 'Entries ', String(start), '–', String(start + page.entries.length - 1),
        ' of ', String(size), ' (up to the latest signed checkpoint). Open one to verify it.'),
      pager([
        ['First', start > 0, '#/entries?start=0'],
        ['Previous', start > 0, '#/entries?start=' + Math.max(0, start - PAGE)],
        ['Next', start + page.entries.length < size, '#/entries?start=' + (start + page.entries.length)],
        ['Latest', start < last, '#/entries?start=' + last],
      ], 'entries-pager'),
      R.table(['Index', 'Kind', 'Content', 'Leaf hash'], rows, { id: 'entries' }));
  }

  function pager(buttons, id) {
    return el('div', { class: 'pager', id: id }, buttons.map(([label, enabled, hash]) => {
      const b = el('button', { class: 'secondary', 'data-target': hash, onclick: () => go(hash) }, label);
      b.disabled = !enabled;
      return b;
    }));
  }

  // ---- events -----------------------------------------------------------------------------

  const FILTERS = ['actor', 'action', 'severity', 'min_severity', 'from', 'to', 'text'];

  function eventsForm(params) {
    const input = (name, label, type, placeholder) => el('label', {}, label,
      el('input', { name: name, id: 'filter-' + name, type: type || 'text', placeholder: placeholder || '' }));
    const select = (name, label) => el('label', {}, label,
      el('select', { name: name, id: 'filter-' + name }, el('option', { value: '' }, 'any'),
        SEVERITIES.map((s) => el('option', { value: s }, s))));
    const form = el('form', { class: 'filters card', id: 'events-filter' },
      input('actor', 'Actor', 'text', 'agent:planner'),
      input('action', 'Action', 'text', 'agent.tool_call'),
      select('severity', 'Severity'),
      select('min_severity', 'At least severity'),
      input('from', 'Event time from (UTC)', 'datetime-local'),
      input('to', 'Event time to (UTC)', 'datetime-local'),
      el('label', { class: 'wide' }, 'Full-text search over payload and meta values (Lucene syntax: disk AND full, "exact phrase", tool:bash, dep*)',
        el('input', { name: 'text', id: 'filter-text', type: 'search', placeholder: 'disk full' })),
      el('div', {}, el('button', { type: 'submit', id: 'filter-submit' }, 'Search'), ' ',
        el('button', { type: 'button', class: 'secondary', onclick: () => go('#/events') }, 'Clear')));
    for (const f of FILTERS) {
      const v = params.get(f);
      if (v) {
        // datetime-local takes the UTC time without its zone (and without fractions).
        form.elements[f].value = (f === 'from' || f === 'to') ? v.replace(/(\.\d+)?Z$/, '') : v;
      }
    }
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const q = new URLSearchParams();
      for (const f of FILTERS) {
        let v = form.elements[f].value.trim();
        if (v && (f === 'from' || f === 'to')) {
          // datetime-local has no zone: the form says UTC.
          v = v.length === 16 ? v + ':00Z' : v + 'Z';
        }
        if (v) {
          q.set(f, v);
        }
      }
      go('#/events?' + q.toString());
    });
    return form;
  }

  async function eventsPage(view, params) {
    const form = eventsForm(params);
    const results = el('div', { id: 'events-results' }, el('p', { class: 'muted' }, 'Searching…'));
    R.replace(view, el('h1', {}, 'Ledger events'), form, results);
    const q = new URLSearchParams();
    for (const f of FILTERS.concat(['start'])) {
      if (params.get(f)) {
        q.set(f, params.get(f));
      }
    }
    q.set('limit', String(PAGE));
    let page;
    try {
      page = await api('/api/v1/events?' + q.toString());
    } catch (e) {
      R.replace(results, el('div', { class: 'error', id: 'events-error' }, e.message));
      return;
    }
    const rows = page.events.map((e) => {
      const d = describe(decode(e.entry));
      const ev = d.event || {};
      const payload = payloadOf(e.payload_record);
      return el('tr', { class: 'clickable event-row', 'data-index': e.index, onclick: () => go('#/entry/' + e.index) },
        el('td', {}, el('a', { href: '#/entry/' + e.index }, String(e.index))),
        el('td', { class: 'mono' }, R.time(ev.time)),
        el('td', { class: 'actor' }, ev.actor),
        el('td', { class: 'action' }, ev.action),
        el('td', { class: 'severity' }, R.severity(ev.severity)),
        el('td', { class: 'mono payload' }, payload === null ? el('span', { class: 'muted' }, 'erased') : short(JSON.stringify(payload), 120)));
    });
    const here = new URLSearchParams(params);
    here.delete('start');
    const nextHash = '#/events?' + (here.toString() ? here.toString() + '&' : '') + 'start=' + page.next_start;
    R.replace(results,
      el('p', { class: 'muted', id: 'events-summary' }, String(page.events.length), page.events.length === 1 ? ' event' : ' events',
        params.get('start') ? ' from index ' + params.get('start') : '',
        ' · index covers ', String(page.covered_size), ' of ', String(page.tree_size), ' entries'),
      page.events.length === 0 ? el('p', { id: 'events-empty' }, 'No event matches.') :
        R.table(['Index', 'Time', 'Actor', 'Action', 'Severity', 'Payload'], rows, { id: 'events' }),
      pager([['First page', !!params.get('start'), '#/events?' + here.toString()],
        ['Next page', page.more, nextHash]], 'events-pager'));
  }

  // ---- one entry --------------------------------------------------------------------------

  async function entryPage(view, index) {
    const [answer, vkey] = await Promise.all([api('/api/v1/entry/' + index), verifierKey()]);
    const bytes = decode(answer.entry);
    const d = describe(bytes);
    const status = el('div', {}, R.badge('pending', 'verifying…', 'verify-status'));
    const checks = el('ul', { class: 'checks', id: 'verify-checks' });
    const ev = d.event;
    const payload = payloadOf(answer.payload_record);
    R.replace(view,
      el('h1', {}, d.kind === 'event' ? 'Event ' : 'Entry ', String(answer.index)),
      pager([['Previous', answer.index > 0, '#/entry/' + (answer.index - 1)],
        ['Next', answer.index + 1 < answer.tree_size, '#/entry/' + (answer.index + 1)]], 'entry-pager'),
      el('div', { class: 'card', id: 'verification' }, el('strong', {}, 'Verification in this browser: '), status, checks),
      ev ? el('div', { class: 'card' }, R.fields([
        ['Time', R.time(ev.time)], ['Actor', ev.actor], ['Action', ev.action],
        ['Severity', R.severity(ev.severity)],
        ev.meta ? ['Meta', Object.entries(ev.meta).map(([k, v]) => el('div', {}, el('code', {}, k), ' = ', v))] : null,
        ev.links ? ['Links', Object.entries(ev.links).map(([k, v]) => el('div', {}, el('code', {}, k), ' = ', v))] : null,
        ['Payload SHA-256', R.hash(ev.payload_sha256)],
      ], { id: 'event-fields' })) : null,
      d.kind === 'clock mark' ? el('div', { class: 'card' }, R.fields([['Receive clock', R.time(d.clock)]])) : null,
      ev ? el('h2', {}, 'Payload') : null,
      ev ? (payload === null ? el('p', { class: 'muted' }, 'The payload record is not stored (erased).')
        : el('pre', { id: 'payload' }, JSON.stringify(payload, null, 2))) : null,
      el('h2', {}, 'Committed entry bytes'),
      el('pre', { id: 'entry-bytes' }, d.kind === 'opaque' ? V.bytesToHex(bytes) : new TextDecoder().decode(bytes)),
      el('h2', {}, 'Hashes'),
      el('div', { class: 'card' }, R.fields([
        ['Leaf hash L[i]', R.hash(answer.leaf_hash)],
        ['Chain C[i-1]', R.hash(answer.previous_chain_hash)],
        ['Chain C[i]', R.hash(answer.chain_hash)],
        ['Tree size', String(answer.tree_size)],
      ], { id: 'hashes' })),
      el('h2', {}, 'Inclusion proof (leaf to root, RFC 9162 §2.1.3)'),
      answer.inclusion_proof.length === 0 ? el('p', { class: 'muted' }, 'Empty: the entry is the whole tree.')
        : el('ol', { class: 'proof', id: 'inclusion-proof', start: '0' }, answer.inclusion_proof.map((h) => el('li', {}, h))),
      el('h2', {}, 'Checkpoint the proof is against'),
      el('pre', { id: 'entry-checkpoint' }, answer.checkpoint));
    const result = await V.verifyEntry(answer, vkey);
    R.replace(status, R.badge(result.status, result.message, 'verify-status'));
    R.replace(checks, result.checks.map((c) => el('li', { class: c.ok ? 'ok' : 'bad' },
      el('strong', {}, c.name), ': ', c.detail)));
  }

  // ---- witnesses --------------------------------------------------------------------------

  async function witnessesPage(view) {
    const w = await api('/api/v1/witnesses');
    R.replace(view,
      el('h1', {}, 'Witnesses'),
      el('div', { class: 'card' }, R.fields([
        ['Quorum', w.witnesses.length === 0 ? 'none configured' : w.quorum + ' of ' + w.witnesses.length],
        ['Published size', String(w.published_size)],
        ['Newest signed size', String(w.signed_size)],
      ])),
      w.witnesses.length === 0
        ? el('p', { id: 'no-witnesses' }, 'This log has no witnesses: its checkpoints carry the log\'s signature only.')
        : R.table(['Name', 'Cosigner key', 'Last size cosigned', 'State'], w.witnesses.map((x) => el('tr', {},
          el('td', {}, x.name), el('td', { class: 'hash' }, x.key),
          el('td', {}, x.cosigned_size === undefined ? '—' : String(x.cosigned_size)),
          el('td', {}, x.healthy === undefined ? '—' : x.healthy ? 'answering' : 'failing (see the log server\'s log)'))),
        { id: 'witnesses' }));
  }

  // ---- routing ----------------------------------------------------------------------------

  async function render() {
    // Each render draws into its own view: a slow earlier page finishes into a detached node.
    const view = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
    R.replace(main, view);
    const hash = location.hash.replace(/^#\/?/, '');
    const [path, query] = hash.split('?', 2);
    const params = new URLSearchParams(query || '');
    const section = path.split('/')[0] || 'checkpoint';
    for (const a of document.querySelectorAll('header nav a')) {
      a.classList.toggle('active', a.id === 'nav-' + (section === 'entry' ? 'entries' : section));
    }
    try {
      if (section === 'entries') {
        await entriesPage(view, params);
      } else if (section === 'events') {
        await eventsPage(view, params);
      } else if (section === 'entry' && /^[0-9]{1,16}$/.test(path.split('/')[1] || '')) {
        await entryPage(view, path.split('/')[1]);
      } else if (section === 'witnesses') {
        await witnessesPage(view);
      } else {
        await checkpointPage(view);
      }
    } catch (e) {
      if (mine === renderCount) {
        R.replace(view, el('div', { class: 'error', id: 'page-error' }, e.message));
      }
    }
  }

  window.addEventListener('hashchange', render);
  render();
  api('/api/v1/checkpoint').then((cp) => {
    document.getElementById('origin').textContent = cp.origin;
  }).catch(() => {});
})();
