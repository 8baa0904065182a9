// DOM helpers for the tlog explorer. Every value from the log is inserted as text (textContent or
// a text node), never as HTML, so a hostile actor name or payload cannot add markup or script.
(function () {
  'use strict';

  /** Creates `<tag>` with attributes (strings; `class`, `id`, `href`, data-*) and children. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) {
        continue;
      }
      if (k === 'onclick' || k === 'onsubmit' || k === 'onchange') {
        node.addEventListener(k.slice(2), v);
      } else if (k === 'href') {
        // Only the explorer's own hash routes are ever linked.
        node.setAttribute('href', String(v).startsWith('#') ? String(v) : '#');
      } else {
        node.setAttribute(k, String(v));
      }
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) {
        continue;
      }
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  /** Replaces everything in `node` with `children`. */
  function replace(node, ...children) {
    node.replaceChildren();
    return append(node, children);
  }

  function table(headers, rows, attrs) {
    return el('table', attrs || {},
      el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
      el('tbody', {}, rows));
  }

  /** A two-column table of [label, value] pairs; values may be nodes. */
  function fields(pairs, attrs) {
    return el('table', Object.assign({ class: 'fields' }, attrs || {}),
      el('tbody', {}, pairs.filter((p) => p).map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v)))));
  }

  function hash(hex) {
    return el('span', { class: 'hash' }, hex);
  }

  function severity(s) {
    const known = ['debug', 'info', 'notice', 'warning', 'error', 'critical'];
    return el('span', { class: 'sev sev-' + (known.includes(s) ? s : 'debug') }, s);
  }

  /** "2026-11-29T14:02:03.000000001Z" as "2026-11-29 14:02:03.000000001 UTC". */
  function time(t) {
    return typeof t === 'string' ? t.replace('T', ' ').replace(/Z$/, ' UTC') : '';
  }

  /** A verification badge: status is verified, failed, unsupported or pending. */
  function badge(status, text, id) {
    return el('span', { class: 'badge status-' + status, id: id, 'data-status': status }, text);
  }

  window.TlogRender = Object.freeze({
    el: el, append: append, replace: replace, table: table, fields: fields, hash: hash,
    severity: severity, time: time, badge: badge,
  });
})();
