// The pages' shared house style in script: API calls with the chosen language, DOM building without innerHTML,
// times with their zone, the site header with its language switch, problems shown to a person.

const LANG_KEY = 'stackpulse.lang';
const TOKEN_KEY = 'stackpulse.token';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

/** 'en' or 'ja': the reader's choice, else the browser's language. */
export function lang() {
  const chosen = localStorage.getItem(LANG_KEY);
  if (chosen === 'en' || chosen === 'ja') return chosen;
  return (navigator.language || 'en').toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function setLang(value) {
  localStorage.setItem(LANG_KEY, value);
  document.documentElement.lang = value;
}

/** The bearer token a writer pasted (kept for this tab only). */
export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value.trim());
  else sessionStorage.removeItem(TOKEN_KEY);
}

/**
 * Calls this service's public API. Resolves {status, etag, body}; rejects with ApiError carrying the problem
 * document for any status not in options.accept (default: 2xx).
 */
export async function api(path, options = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': options.lang || lang(), ...(options.headers || {}) };
  if (options.body !== undefined) headers['Content-Type'] = options.contentType || 'application/json';
  if (options.auth && token()) headers.Authorization = `Bearer ${token()}`;
  const response = await fetch(path, {
    method: options.method || 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const type = response.headers.get('Content-Type') || '';
  const body = response.status === 204 || response.status === 304 ? null
    : type.includes('json') ? await response.json() : await response.text();
  const accepted = options.accept || [];
  if (!response.ok && !accepted.includes(response.status)) throw new ApiError(response.status, body);
  return { status: response.status, etag: response.headers.get('ETag'), body };
}

/** Every item of a paged list, following the envelope's `next` links. */
export async function all(path, options = {}) {
  const items = [];
  let next = path;
  while (next) {
    const page = (await api(next, options)).body;
    items.push(...page.items);
    next = page.next;
  }
  return items;
}

/** el('a', {href: '/x', class: 'y'}, 'text', child): a DOM element; strings become text nodes, never markup. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces the children of a node. */
export function fill(node, ...children) {
  node.replaceChildren();
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** "1 Dec 2026, 23:30 UTC": a point in time with its zone, in the reader's language and zone. */
export function formatTime(iso, language = lang()) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
  }).format(new Date(iso));
}

/** "27 Oct 2015": a calendar date (no zone: it is a date, not an instant). */
export function formatDate(isoDate, language = lang()) {
  if (!isoDate) return '';
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${isoDate.substring(0, 10)}T00:00:00Z`));
}

export function formatNumber(value, language = lang()) {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB').format(value);
}

/** Where the other services' pages are (configured per deployment: stackpulse.pages.*). */
let linksPromise;
export function links() {
  linksPromise ||= api('/pages/links').then(r => r.body).catch(() => ({ catalog: '', summit: '', feed: '' }));
  return linksPromise;
}

/**
 * Fills <header id="site"> with the site navigation and the language switch; onLanguage(lang) runs after a switch.
 * `current` is one of 'navigator', 'summits', 'sessions', 'feed'.
 */
export async function siteHeader(current, onLanguage) {
  const header = document.getElementById('site');
  const base = await links();
  const pages = [
    ['navigator', { en: 'Project Navigator', ja: 'プロジェクトナビゲーター' }, `${base.catalog}/`],
    ['summits', { en: 'Summit report', ja: 'サミットレポート' }, `${base.summit}/`],
    ['sessions', { en: 'Design-summit sessions', ja: 'デザインサミットのセッション' }, `${base.summit}/sessions.html`],
    ['feed', { en: 'Live feed', ja: 'ライブフィード' }, `${base.feed}/`],
  ];
  const anchors = pages.map(([key, label, href]) =>
    [el('a', { href, 'aria-current': key === current ? 'page' : undefined }, label[lang()]), label]);
  const nav = el('nav', { 'aria-label': 'Stack Pulse' }, el('ul', {}, anchors.map(([a]) => el('li', {}, a))));
  const select = el('select', { id: 'language', 'aria-label': 'Language / 言語' },
    el('option', { value: 'en' }, 'English'), el('option', { value: 'ja' }, '日本語'));
  select.value = lang();
  document.documentElement.lang = lang();
  select.addEventListener('change', () => {
    setLang(select.value);
    for (const [a, label] of anchors) a.textContent = label[select.value];
    if (onLanguage) onLanguage(select.value);
  });
  fill(header, el('a', { class: 'brand', href: `${base.catalog}/` }, 'Stack Pulse'), nav,
    el('label', { class: 'language' }, el('span', { class: 'visually-hidden' }, 'Language'), select));
}

/** A field where a writer pastes a bearer token (e.g. from `./stackpulse token editor`). */
export function tokenField() {
  const input = el('input', { id: 'token', type: 'password', autocomplete: 'off', value: token(), size: '24' });
  input.addEventListener('input', () => setToken(input.value));
  return el('label', { class: 'token' }, 'Bearer token ', input);
}

/** Shows a problem (or any error) in a role="alert" box inside the container. */
export function showProblem(container, error) {
  const problem = error instanceof ApiError ? error.problem : {};
  const title = problem.title || (error instanceof ApiError ? `HTTP ${error.status}` : 'Something went wrong');
  fill(container, el('div', { class: 'alert', role: 'alert' },
    el('strong', {}, title), problem.detail ? ` — ${problem.detail}` : (error instanceof ApiError ? '' : ` — ${error.message}`)));
  container.hidden = false;
}

/** Tells tests and readers the page has rendered its data. */
export function ready() {
  document.body.dataset.ready = 'true';
}

/** Parses the query string of the current page into a plain object. */
export function query() {
  return Object.fromEntries(new URLSearchParams(location.search));
}

/** Chart colours with enough contrast on white (WCAG AA for graphics, 3:1). */
export const palette = ['#1f5fa8', '#c2410c', '#15803d', '#7c3aed', '#b91c1c', '#0e7490', '#a16207', '#be185d', '#4d7c0f', '#475569'];
