// Live feed page: EventSource on /feed/stream, newest first, deduplicated by feed position.
(function () {
  'use strict';
  const INITIAL = 100;          // how many recent changes to show on first load
  const MAX_SHOWN = 500;        // keep the page light when left open for days
  const shown = new Set();      // positions already on the page: a resumed stream never shows one twice
  let lastPosition = null;      // newest position received: the resume point when we reconnect ourselves
  let source = null;
  let retryTimer = null;

  const list = document.getElementById('changes');
  const state = document.getElementById('connection');
  const count = document.getElementById('count');
  const sourceFilter = document.getElementById('source');
  const typeFilter = document.getElementById('type');

  function setState(name, text) {
    state.className = 'state ' + name;
    state.textContent = text;
    state.dataset.state = name;
  }

  function streamUrl(after) {
    const params = new URLSearchParams({ after: String(after) });
    if (sourceFilter.value) params.set('source', sourceFilter.value);
    if (typeFilter.value.trim()) params.set('type', typeFilter.value.trim());
    return 'feed/stream?' + params.toString();
  }

  function connect(after) {
    if (source) source.close();
    clearTimeout(retryTimer);
    setState('connecting', 'connecting…');
    source = new EventSource(streamUrl(after));
    source.onopen = () => setState('live', 'live');
    source.onmessage = (msg) => add(JSON.parse(msg.data), true);
    source.addEventListener('gone', () => {
      // Our position was pruned by retention: start again from what is kept.
      source.close();
      clearPage();
      start();
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (e.g. the server answered an error while restarting): resume ourselves.
        setState('offline', 'offline — retrying');
        retryTimer = setTimeout(() => connect(lastPosition ?? after), 2000);
      } else {
        // The browser reconnects by itself and sends Last-Event-ID: the server resumes after it.
        setState('connecting', 'reconnecting…');
      }
    };
  }

  function add(entry, fresh) {
    if (shown.has(entry.position)) return;
    shown.add(entry.position);
    if (lastPosition === null || entry.position > lastPosition) lastPosition = entry.position;
    const li = document.createElement('li');
    li.dataset.position = entry.position;
    li.dataset.id = entry.id;
    if (entry.source === '/summit-service') li.classList.add('summit');
    if (fresh) li.classList.add('fresh');
    const pos = span('pos', '#' + entry.position);
    const type = span('type', entry.type);
    const entity = span('entity', entry.subject);
    entity.title = 'show the history of ' + entry.subject;
    entity.onclick = () => showHistory(entry.source, entry.subject);
    const version = span('muted', 'v' + entry.entityversion + (entry.stale ? ' (out of order)' : ''));
    const time = span('time', new Date(entry.time).toLocaleString());
    li.append(pos, type, entity, version, time);
    // Newest on top: insert before the first item with a lower position.
    let before = list.firstChild;
    while (before && Number(before.dataset.position) > entry.position) before = before.nextSibling;
    list.insertBefore(li, before);
    while (list.children.length > MAX_SHOWN) list.removeChild(list.lastChild);
    count.textContent = shown.size + ' changes';
  }

  function span(cls, text) {
    const s = document.createElement('span');
    s.className = cls;
    s.textContent = text;
    return s;
  }

  async function showHistory(src, subject) {
    const panel = document.getElementById('history');
    const items = document.getElementById('history-list');
    document.getElementById('history-title').textContent = src + ' / ' + subject;
    items.replaceChildren();
    panel.hidden = false;
    // A list page of the API convention: {items, limit, next}; follow next until the last page (next null).
    let next = 'feed/entities/' + encodeURIComponent(src.replace(/^\//, '')) + '/' +
      encodeURIComponent(subject) + '/history?limit=500';
    for (let pages = 0; next && pages < 20; pages++) {
      const response = await fetch(next.replace(/^\//, ''));
      if (!response.ok) {
        items.append(span('muted', 'history unavailable (' + response.status + ')'));
        return;
      }
      const page = await response.json();
      for (const change of page.items) {
        const li = document.createElement('li');
        li.append(span('pos', '#' + change.position), span('type', change.type),
          span('muted', ' v' + change.entityversion + (change.stale ? ' (out of order)' : '') + ' · ' +
            new Date(change.time).toLocaleString()));
        items.append(li);
      }
      next = page.next;
    }
  }

  function clearPage() {
    shown.clear();
    lastPosition = null;
    list.replaceChildren();
    count.textContent = '0 changes';
  }

  async function start() {
    let head = 0;
    try {
      const stats = await fetch('feed/stats').then((r) => r.json());
      head = Math.max(stats.prunedThrough || 0, (stats.head || 0) - INITIAL);
    } catch (e) {
      head = 0;
    }
    connect(head);
  }

  document.getElementById('history-close').onclick = () => { document.getElementById('history').hidden = true; };
  sourceFilter.onchange = () => { clearPage(); start(); };
  let typing = null;
  typeFilter.oninput = () => { clearTimeout(typing); typing = setTimeout(() => { clearPage(); start(); }, 400); };
  start();
}());
