// Design-summit sessions: the list with its filters, and one session (?id=N) with its notes, their history, a diff
// between two revisions and an editor that never overwrites an edit it has not seen (If-Match; 412 is a conflict).
import {
  api, all, el, fill, formatTime, siteHeader, lang, showProblem, ready, query, tokenField, ApiError,
} from '/pages/house.js';

const TEXT = {
  en: {
    pageTitle: 'Design-summit sessions — Stack Pulse', title: 'Design-summit sessions', filters: 'Filter',
    summit: 'Summit', project: 'Project (prefix*)', release: 'Release', itemStatus: 'Action item status',
    search: 'Search text', apply: 'Apply', sessions: 'Sessions', back: 'All sessions', notes: 'Notes',
    history: 'Revision history', diff: 'Compare revisions', from: 'From revision', to: 'To revision',
    showDiff: 'Show changes', edit: 'Edit the notes', markdown: 'Notes (Markdown)', save: 'Save',
    any: 'any', allSummits: 'all summits', count: (n) => `${n} session${n === 1 ? '' : 's'}`,
    status: { 'ready-to-merge': 'ready to merge', 'needs-work': 'needs work', done: 'done' },
    etherpad: 'Etherpad', reference: 'Reference', topics: 'Topics', items: 'Action items', noItems: 'No action items.',
    noTopics: 'No topics.', owner: (o) => ` (owner: ${o})`, open: 'Notes and history', kind: 'Kind',
    revision: 'Revision', author: 'Author', editedAt: 'Edited', bytes: 'Bytes', empty: '0 (empty)',
    noNotes: 'No notes yet (revision 0).', meta: (r, a, at) => `Revision ${r} by ${a}, ${at}`,
    noRevisions: 'No revisions yet.', base: (r) => `Editing from revision ${r}.`,
    diffCaption: (a, b) => `Changes from revision ${a} to revision ${b}`, same: 'The two revisions are the same.',
    added: 'added', removed: 'removed', unchanged: 'unchanged', colOld: 'Old', colNew: 'New',
    colChange: 'Change', colText: 'Text',
    saved: (r) => `Saved as revision ${r}.`,
    conflictTitle: 'Not saved: someone else saved the notes first',
    conflictText: (base, r, a, at) => `You were editing revision ${base}; revision ${r} was saved by ${a} (${at}) `
      + 'meanwhile. Your text is still in the editor and nothing was overwritten.',
    meanwhile: 'What changed meanwhile', reload: 'Load the latest notes (discard my text)',
    keep: 'Keep my text and edit on top of the latest',
    rebased: (r) => `Your text now edits revision ${r}: check it still holds what the other edit added, then save.`,
    noToken: 'Paste a bearer token (role editor) in the token field to save.',
    unauthorized: 'Not saved: the token was refused (401). Paste a valid, unexpired token.',
    forbidden: 'Not saved: this token may not edit notes (403). It needs the editor role.',
    notFound: 'No such session.',
  },
  ja: {
    pageTitle: 'デザインサミットのセッション — Stack Pulse', title: 'デザインサミットのセッション', filters: '絞り込み',
    summit: 'サミット', project: 'プロジェクト（前方一致は末尾に*）', release: 'リリース', itemStatus: 'アクションアイテムの状態',
    search: 'テキスト検索', apply: '適用', sessions: 'セッション', back: 'セッション一覧へ', notes: 'ノート',
    history: '版の履歴', diff: '版を比較', from: '比較元の版', to: '比較先の版',
    showDiff: '変更を表示', edit: 'ノートを編集', markdown: 'ノート（Markdown）', save: '保存',
    any: 'すべて', allSummits: 'すべてのサミット', count: (n) => `${n} 件のセッション`,
    status: { 'ready-to-merge': 'マージ可能', 'needs-work': '要対応', done: '完了' },
    etherpad: 'Etherpad', reference: '参考資料', topics: 'トピック', items: 'アクションアイテム', noItems: 'アクションアイテムはありません。',
    noTopics: 'トピックはありません。', owner: (o) => `（担当: ${o}）`, open: 'ノートと履歴', kind: '種類',
    revision: '版', author: '編集者', editedAt: '編集日時', bytes: 'バイト数', empty: '0（空）',
    noNotes: 'ノートはまだありません（版 0）。', meta: (r, a, at) => `版 ${r}（${a}、${at}）`,
    noRevisions: '版はまだありません。', base: (r) => `版 ${r} をもとに編集しています。`,
    diffCaption: (a, b) => `版 ${a} から版 ${b} への変更`, same: '2つの版は同じです。',
    added: '追加', removed: '削除', unchanged: '変更なし', colOld: '旧', colNew: '新',
    colChange: '変更', colText: '内容',
    saved: (r) => `版 ${r} として保存しました。`,
    conflictTitle: '保存されていません: 先に別の編集が保存されました',
    conflictText: (base, r, a, at) => `あなたは版 ${base} を編集していましたが、その間に ${a} が版 ${r} を保存しました（${at}）。`
      + 'あなたのテキストはエディタに残っており、何も上書きされていません。',
    meanwhile: 'その間の変更', reload: '最新のノートを読み込む（自分のテキストは破棄）',
    keep: '自分のテキストを残して最新の版の上で編集する',
    rebased: (r) => `あなたのテキストは版 ${r} への編集になりました。別の編集で追加された内容が残っているか確認してから保存してください。`,
    noToken: '保存するにはトークン欄に Bearer トークン（editor ロール）を貼り付けてください。',
    unauthorized: '保存されていません: トークンが拒否されました（401）。有効なトークンを貼り付けてください。',
    forbidden: '保存されていません: このトークンではノートを編集できません（403）。editor ロールが必要です。',
    notFound: 'そのセッションはありません。',
  },
};
const STATUSES = ['ready-to-merge', 'needs-work', 'done'];
const FILTERS = ['summit', 'project', 'release', 'itemStatus', 'q'];

let t = TEXT.en;
/** The notes the editor is based on: {revision, etag, body}. */
let base = null;
const $ = (id) => document.getElementById(id);

function translateStatic() {
  document.title = t.pageTitle;
  $('title').textContent = t.title;
  for (const node of document.querySelectorAll('[data-t]')) node.textContent = t[node.dataset.t];
}

function itemList(items) {
  if (!items.length) return el('p', { class: 'muted' }, t.noItems);
  return el('ul', { class: 'items' }, items.map((item) => el('li', { dataset: { status: item.status } },
    el('span', { class: `badge status-${item.status}` }, t.status[item.status] || item.status), ' ', item.text,
    item.owner ? el('span', { class: 'muted' }, t.owner(item.owner)) : null)));
}

/** "mitaka-nova-sr-iov" of https://etherpad.openstack.org/p/mitaka-nova-sr-iov: the pad's name. */
function padName(url) {
  const parts = url.split('/').filter(Boolean);
  return decodeURIComponent(parts[parts.length - 1] || url);
}

function sessionBody(s, headingLevel, link) {
  const title = link ? el('a', { href: `sessions.html?id=${s.id}` }, s.title) : s.title;
  return [
    el(headingLevel, { class: 'session-title' }, title),
    el('p', { class: 'session-meta' }, `${s.summit} · ${s.release} · ${s.project} · ${s.kind}`),
    s.summary ? el('p', {}, s.summary) : null,
    el('p', {}, el('a', { class: 'etherpad', href: s.etherpad }, `${t.etherpad}: ${padName(s.etherpad)}`)),
    s.reference ? el('p', {}, el('a', { class: 'etherpad', href: s.reference }, `${t.reference}: ${s.reference}`)) : null,
    el('p', { class: 'session-meta' }, el('strong', {}, t.topics)),
    s.topics.length ? el('ul', { class: 'topics', 'aria-label': t.topics }, s.topics.map((x) => el('li', {}, x)))
      : el('p', { class: 'muted' }, t.noTopics),
    el('p', { class: 'session-meta' }, el('strong', {}, t.items)),
    itemList(s.items),
  ];
}

// ---------- the list ----------

async function renderList() {
  $('list-view').hidden = false;
  const q = query();
  const summits = await all('/summits?limit=500');
  fill($('f-summit'), el('option', { value: '' }, t.allSummits),
    summits.map((s) => el('option', { value: s.slug }, `${s.city} ${s.season}`)));
  fill($('f-status'), el('option', { value: '' }, t.any), STATUSES.map((s) => el('option', { value: s }, t.status[s])));
  const form = $('filters');
  for (const name of FILTERS) form.elements[name].value = q[name] || '';
  const params = new URLSearchParams();
  for (const name of FILTERS) if (q[name]) params.set(name, q[name]);
  params.set('limit', '100');
  const sessions = await all(`/sessions?${params}`);
  fill($('count'), t.count(sessions.length));
  fill($('sessions'), sessions.map((s) => el('li', { class: 'card session', dataset: { id: s.id } },
    sessionBody(s, 'h3', true))));
}

$('filters').addEventListener('submit', async (e) => {
  e.preventDefault();
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = e.target.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  history.pushState(null, '', `sessions.html${params.toString() ? `?${params}` : ''}`);
  await run();
});

// ---------- one session ----------

/** Parses a unified diff into rows {kind: hunk|added|removed|unchanged, old, new, text}. */
function parseDiff(text) {
  const rows = [];
  let oldLine = 0;
  let newLine = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('--- ') || line.startsWith('+++ ') || line === '' || line.startsWith('\\')) continue;
    const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      oldLine = Number(hunk[1]);
      newLine = Number(hunk[2]);
      rows.push({ kind: 'hunk', text: line });
    } else if (line[0] === '+') rows.push({ kind: 'added', old: '', new: newLine++, text: line.slice(1) });
    else if (line[0] === '-') rows.push({ kind: 'removed', old: oldLine++, new: '', text: line.slice(1) });
    else rows.push({ kind: 'unchanged', old: oldLine++, new: newLine++, text: line.slice(1) });
  }
  return rows;
}

/** A diff as a table: each changed line says "added" or "removed" in words and with + / −, not by colour only. */
async function diffTable(id, from, to) {
  const diff = (await api(`/sessions/${id}/notes/diff?from=${from}&to=${to}`, { headers: { Accept: 'text/plain' } })).body;
  const rows = parseDiff(diff || '');
  if (!rows.length) return el('p', { class: 'muted diff-same' }, t.same);
  const sign = { added: '+', removed: '−', unchanged: '' };
  return el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t.diffCaption(from, to) },
    el('table', { class: 'diff' },
    el('caption', {}, t.diffCaption(from, to)),
    el('thead', {}, el('tr', {}, [t.colOld, t.colNew, t.colChange, t.colText].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((r) => r.kind === 'hunk'
      ? el('tr', { class: 'hunk' }, el('td', { colspan: '4' }, r.text))
      : el('tr', { class: r.kind, dataset: { kind: r.kind } },
        el('td', { class: 'line' }, String(r.old)), el('td', { class: 'line' }, String(r.new)),
        el('td', { class: 'sign' }, el('span', { 'aria-hidden': 'true' }, sign[r.kind]),
          el('span', { class: 'visually-hidden' }, t[r.kind])),
        el('td', { class: 'text' }, r.text))))));
}

function revisionOptions(select, revisions, selected) {
  fill(select, el('option', { value: '0' }, t.empty),
    revisions.map((r) => el('option', { value: String(r.revision) }, `${r.revision} — ${r.author}`)));
  select.value = String(selected);
}

async function renderNotes(id) {
  const [current, revisions] = await Promise.all([api(`/sessions/${id}/notes`), all(`/sessions/${id}/notes/revisions`)]);
  const notes = current.body;
  fill($('notes-meta'), notes.revision === 0 ? t.noNotes : t.meta(notes.revision, notes.author, formatTime(notes.editedAt)));
  fill($('notes-current'), notes.body);
  const historyTable = $('history');
  if (!revisions.length) fill(historyTable, el('caption', { class: 'muted' }, t.noRevisions));
  else {
    fill(historyTable,
      el('thead', {}, el('tr', {}, [[t.revision, 'number'], [t.author], [t.editedAt], [t.bytes, 'number']]
        .map(([h, cls]) => el('th', { scope: 'col', class: cls }, h)))),
      el('tbody', {}, revisions.map((r) => el('tr', { dataset: { revision: r.revision } },
        el('td', { class: 'number' }, String(r.revision)), el('td', {}, r.author),
        el('td', {}, formatTime(r.editedAt)), el('td', { class: 'number' }, String(r.bytes))))));
  }
  const last = notes.revision;
  revisionOptions($('diff-from'), revisions, Math.max(0, last - 1));
  revisionOptions($('diff-to'), revisions, last);
  return { revision: notes.revision, etag: current.etag || `"${notes.revision}"`, body: notes.body };
}

function startEditing(notes) {
  base = notes;
  $('notes-text').value = notes.body;
  fill($('editor-base'), t.base(notes.revision));
}

async function renderDetail(id) {
  $('detail-view').hidden = false;
  let session;
  try {
    session = (await api(`/sessions/${encodeURIComponent(id)}`)).body;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) error.problem.detail ||= t.notFound;
    throw error;
  }
  document.title = `${session.title} — ${t.pageTitle}`;
  fill($('session'), el('article', { class: 'session' }, sessionBody(session, 'h2', false)));
  const notes = await renderNotes(session.id);
  if (!base || base.id !== session.id) startEditing({ ...notes, id: session.id });
  else fill($('editor-base'), t.base(base.revision));
  fill($('diff'));
  fill($('save-result'));
}

$('diff-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  document.body.dataset.ready = 'false';
  $('diff-problem').hidden = true;
  try {
    fill($('diff'), await diffTable(query().id, $('diff-from').value, $('diff-to').value));
  } catch (error) {
    showProblem($('diff-problem'), error);
  }
  ready();
});

async function showConflict(id, mine) {
  const latest = (await api(`/sessions/${id}/notes`)).body;
  const from = base.revision;
  const changes = await diffTable(id, from, latest.revision);
  const reload = el('button', { type: 'button', id: 'conflict-reload' }, t.reload);
  const keep = el('button', { type: 'button', class: 'secondary', id: 'conflict-keep' }, t.keep);
  const box = el('div', { class: 'conflict', role: 'alert', id: 'conflict' },
    el('h4', {}, t.conflictTitle),
    el('p', {}, t.conflictText(from, latest.revision, latest.author, formatTime(latest.editedAt))),
    el('p', {}, el('strong', {}, t.meanwhile)), changes,
    el('div', { class: 'actions' }, reload, keep));
  reload.addEventListener('click', async () => {
    document.body.dataset.ready = 'false';
    const notes = await renderNotes(id);
    startEditing({ ...notes, id: Number(id) });
    fill($('save-result'));
    $('notes-text').focus();
    ready();
  });
  keep.addEventListener('click', async () => {
    document.body.dataset.ready = 'false';
    const notes = await renderNotes(id);
    base = { ...notes, id: Number(id) };
    $('notes-text').value = mine;
    fill($('editor-base'), t.base(notes.revision));
    fill($('save-result'), el('p', { class: 'notice' }, t.rebased(notes.revision)));
    $('notes-text').focus();
    ready();
  });
  fill($('save-result'), box);
  box.scrollIntoView({ block: 'center' });
}

$('editor').addEventListener('submit', async (e) => {
  e.preventDefault();
  document.body.dataset.ready = 'false';
  const id = query().id;
  const mine = $('notes-text').value;
  const tokenInput = $('token');
  if (tokenInput && tokenInput.value.trim()) tokenInput.dispatchEvent(new Event('change'));
  try {
    if (!tokenInput || !tokenInput.value.trim()) {
      fill($('save-result'), el('div', { class: 'alert', role: 'alert' }, t.noToken));
    } else {
      const saved = await api(`/sessions/${id}/notes`, { method: 'PUT', body: { body: mine }, auth: true,
        headers: { 'If-Match': base.etag } });
      const notes = await renderNotes(id);
      startEditing({ ...notes, id: Number(id) });
      fill($('save-result'), el('p', { class: 'notice', role: 'status' }, t.saved(saved.body.revision)));
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 412) await showConflict(id, mine);
    else if (error instanceof ApiError && error.status === 401) {
      fill($('save-result'), el('div', { class: 'alert', role: 'alert', id: 'auth-problem' }, t.unauthorized));
    } else if (error instanceof ApiError && error.status === 403) {
      fill($('save-result'), el('div', { class: 'alert', role: 'alert', id: 'auth-problem' }, t.forbidden));
    } else showProblem($('save-result'), error);
  }
  ready();
});

// ---------- the page ----------

async function run() {
  document.body.dataset.ready = 'false';
  t = TEXT[lang()];
  translateStatic();
  $('problem').hidden = true;
  $('list-view').hidden = true;
  $('detail-view').hidden = true;
  try {
    const { id } = query();
    if (id) await renderDetail(id);
    else await renderList();
  } catch (error) {
    showProblem($('problem'), error);
  }
  ready();
}

window.addEventListener('popstate', run);
fill($('token-slot'), tokenField());
siteHeader('sessions', run);
run();
