// Live feed page: EventSource on /feed/stream, newest first, deduplicated by feed position, each change a sentence.
import { api, all, el, fill, formatTime, lang, links, siteHeader, ready } from '/pages/house.js';
import { describe, references, outOfOrderText, typeParts } from './sentences.js';

const INITIAL = 100;          // how many recent changes to show on first load
const MAX_SHOWN = 500;        // keep the page light when left open for days
const WORDS = {
  en: { title: 'What changed', lede: 'Every change of the OpenStack catalog and the summits, live, newest first.',
    source: 'Source', all: 'all', catalog: 'catalog', summits: 'summits', type: 'Type', atom: 'Atom feed', close: 'close',
    history: 'History', count: n => `${n} ${n === 1 ? 'change' : 'changes'}`, details: 'details and history',
    open: 'open its page', live: 'live', connecting: 'connecting…', reconnecting: 'reconnecting…', offline: 'offline — retrying',
    unavailable: s => `history unavailable (${s})`, position: 'feed position', version: 'version', removed: 'removed' },
  ja: { title: '変更履歴', lede: 'OpenStack カタログとサミットのすべての変更をリアルタイムに、新しい順で。',
    source: '発生元', all: 'すべて', catalog: 'カタログ', summits: 'サミット', type: '種類', atom: 'Atom フィード', close: '閉じる',
    history: '履歴', count: n => `${n} 件の変更`, details: '詳細と履歴',
    open: 'ページを開く', live: 'ライブ', connecting: '接続中…', reconnecting: '再接続中…', offline: 'オフライン — 再試行中',
    unavailable: s => `履歴を取得できません (${s})`, position: 'フィード位置', version: '版', removed: '削除済み' },
};

const list = document.getElementById('changes');
const state = document.getElementById('connection');
const count = document.getElementById('count');
const sourceFilter = document.getElementById('source');
const typeFilter = document.getElementById('type');

const shown = new Set();      // positions already on the page: a resumed stream never shows one twice
const entries = new Map();    // position -> entry, to re-render sentences when names arrive or the language changes
const versions = new Map();   // "source|subject" -> Map(entityversion -> data): what an entity looked like before
const known = new Map();      // "source|subject" -> latest data from the feed's entity store (names for sentences)
const loading = new Map();    // "source|subject" -> Promise of that lookup
const histories = new Map();  // "source|subject" -> Promise of its earlier versions, fetched once
let lastPosition = null;      // newest position received: the resume point when we reconnect ourselves
let source = null;
let retryTimer = null;
let base = { catalog: '', summit: '', feed: '' };
let stateName = 'connecting';

function words() {
  return WORDS[lang()];
}

function key(src, subject) {
  return `${String(src).replace(/^\//, '')}|${subject}`;
}

function translateStatic() {
  const w = words();
  document.getElementById('title').textContent = w.title;
  document.getElementById('lede').textContent = w.lede;
  document.title = `${w.title} — Stack Pulse`;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = w[node.dataset.i18n];
  setState(stateName);
  count.textContent = w.count(shown.size);
}

function setState(name) {
  stateName = name;
  state.className = `state ${name === 'reconnecting' ? 'connecting' : name}`;
  state.textContent = words()[name];
  state.dataset.state = name === 'reconnecting' ? 'connecting' : name;
}

function streamUrl(after) {
  const params = new URLSearchParams({ after: String(after) });
  if (sourceFilter.value) params.set('source', sourceFilter.value);
  if (typeFilter.value.trim()) params.set('type', typeFilter.value.trim());
  return `feed/stream?${params}`;
}

function connect(after) {
  if (source) source.close();
  clearTimeout(retryTimer);
  setState('connecting');
  source = new EventSource(streamUrl(after));
  source.onopen = () => setState('live');
  source.onmessage = msg => add(JSON.parse(msg.data), true);
  source.addEventListener('gone', () => {
    // Our position was pruned by retention: start again from what is kept.
    source.close();
    clearPage();
    start();
  });
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) {
      // The browser gave up (e.g. the server answered an error while restarting): resume ourselves.
      setState('offline');
      retryTimer = setTimeout(() => connect(lastPosition ?? after), 2000);
    } else {
      // The browser reconnects by itself and sends Last-Event-ID: the server resumes after it.
      setState('reconnecting');
    }
  };
}

/** Loads an entity's latest data from the feed's entity store once; a session also brings its summit. */
function lookupLater(src, subject) {
  const k = key(src, subject);
  if (known.has(k) || loading.has(k) || !subject) return loading.get(k) || Promise.resolve();
  const promise = api(entityPath(src, subject)).then(r => {
    known.set(k, r.body.data);
    if (src === 'summit-service' && r.body.data && r.body.data.summit) return lookupLater(src, r.body.data.summit);
    return undefined;
  }).catch(() => known.set(k, null));
  loading.set(k, promise);
  return promise;
}

function lookup(src, subject) {
  return known.get(key(src, subject)) || null;
}

function previousOf(entry) {
  const seen = versions.get(key(entry.source, entry.subject));
  if (!seen) return null;
  const older = [...seen.keys()].filter(v => v < entry.entityversion);
  return older.length ? seen.get(Math.max(...older)) : null;
}

function remember(entry) {
  const k = key(entry.source, entry.subject);
  if (!versions.has(k)) versions.set(k, new Map());
  versions.get(k).set(entry.entityversion, entry.data);
}

function sentence(entry) {
  const w = words();
  const said = describe(entry, previousOf(entry), lookup, base, lang());
  const { kind } = typeParts(entry.type);
  const headline = el('p', { class: 'headline' },
    said.href ? el('a', { href: said.href, class: 'who' }, said.who) : el('span', { class: 'who' }, said.who),
    ' — ', el('span', { class: 'what' }, said.what), kind === 'deleted' ? ` (${w.removed})` : '');
  const meta = el('div', { class: 'change-meta' },
    el('time', { datetime: entry.time }, formatTime(entry.time)),
    el('span', {}, `${w.position} ${entry.position}`),
    el('code', { class: 'type' }, entry.type),
    entry.stale ? el('span', { class: 'stale' }, outOfOrderText(lang())) : null,
    el('button', { type: 'button', class: 'entity', 'aria-label': `${said.who}: ${w.details}`,
      onclick: () => showHistory(entry, said) }, w.details));
  return [headline, meta];
}

function render(li) {
  fill(li, sentence(entries.get(Number(li.dataset.position))));
}

function add(entry, fresh) {
  if (shown.has(entry.position)) return;
  shown.add(entry.position);
  entries.set(entry.position, entry);
  remember(entry);
  if (lastPosition === null || entry.position > lastPosition) lastPosition = entry.position;
  const li = el('li', { dataset: { position: entry.position, id: entry.id, subject: entry.subject },
    class: `${entry.source === '/summit-service' ? 'summit' : 'catalog'}${fresh ? ' fresh' : ''}` });
  render(li);
  // Newest on top: insert before the first item with a lower position.
  let before = list.firstChild;
  while (before && Number(before.dataset.position) > entry.position) before = before.nextSibling;
  list.insertBefore(li, before);
  while (list.children.length > MAX_SHOWN) {
    entries.delete(Number(list.lastChild.dataset.position));
    list.removeChild(list.lastChild);
  }
  count.textContent = words().count(shown.size);
  const needed = references(entry).filter(([src, subject]) => !known.has(key(src, subject)))
    .map(([src, subject]) => lookupLater(src, subject));
  if (typeParts(entry.type).kind !== 'created' && !previousOf(entry)) needed.push(earlierVersions(entry));
  if (needed.length) Promise.all(needed).then(() => li.isConnected && render(li));
}

/** The entity's earlier versions from its history, once per entity, when the page did not see them itself. */
function earlierVersions(entry) {
  const k = key(entry.source, entry.subject);
  if (histories.has(k)) return histories.get(k);
  const src = String(entry.source).replace(/^\//, '');
  const promise = all(`${entityPath(src, entry.subject)}/history?limit=500`)
    .then(changes => changes.forEach(remember)).catch(() => undefined);
  histories.set(k, promise);
  return promise;
}

function entityPath(src, subject) {
  return `feed/entities/${encodeURIComponent(src)}/${String(subject).split('/').map(encodeURIComponent).join('/')}`;
}

function detail(term, value) {
  return value === null || value === undefined || typeof value === 'object' ? [] : [el('dt', {}, term), el('dd', {}, String(value))];
}

async function showHistory(entry, said) {
  const w = words();
  const panel = document.getElementById('history');
  const items = document.getElementById('history-list');
  const src = String(entry.source).replace(/^\//, '');
  document.getElementById('history-title').textContent = said.who;
  const link = document.getElementById('history-link');
  link.hidden = !said.href;
  if (said.href) link.href = said.href;
  link.textContent = w.open;
  fill(document.getElementById('history-details'),
    Object.entries(entry.data || {}).filter(([k]) => !['createdAt', 'updatedAt'].includes(k)).slice(0, 14).flatMap(([k, v]) => detail(k, v)));
  items.replaceChildren();
  panel.hidden = false;
  panel.focus();
  try {
    const changes = await all(`${entityPath(src, entry.subject)}/history?limit=500`);
    let previous = null;
    for (const change of changes) {
      const said2 = describe(change, previous, lookup, base, lang());
      previous = change.data;
      items.prepend(el('li', { dataset: { position: change.position } },
        el('span', { class: 'what' }, said2.what), el('br'),
        el('span', { class: 'muted' }, `${w.version} ${change.entityversion} · `, el('time', { datetime: change.time }, formatTime(change.time)),
          change.stale ? ` · ${outOfOrderText(lang())}` : '')));
    }
  } catch (error) {
    items.append(el('li', { class: 'muted' }, w.unavailable(error.status || error.message)));
  }
}

function clearPage() {
  shown.clear();
  entries.clear();
  lastPosition = null;
  list.replaceChildren();
  count.textContent = words().count(0);
}

async function start() {
  let head = 0;
  try {
    const stats = (await api('feed/stats')).body;
    head = Math.max(stats.prunedThrough || 0, (stats.head || 0) - INITIAL);
  } catch (e) {
    head = 0;
  }
  connect(head);
}

async function init() {
  translateStatic();
  await siteHeader('feed', () => {
    translateStatic();
    for (const li of list.children) render(li);
  });
  base = await links();
  document.getElementById('history-close').addEventListener('click', () => { document.getElementById('history').hidden = true; });
  document.getElementById('filters').addEventListener('submit', event => event.preventDefault());
  sourceFilter.addEventListener('change', () => { clearPage(); start(); });
  let typing = null;
  typeFilter.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(() => { clearPage(); start(); }, 400); });
  await start();
  ready();
}

init();
