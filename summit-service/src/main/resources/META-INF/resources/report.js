// The summit report: a summit's figures, the attendance series, who came (shares marked when inferred), keynote
// highlights and awards, the events held alongside the summit (training, ...), and two summits side by side. Reads
// the public API only.
import {
  api, all, el, fill, formatDate, formatNumber, siteHeader, lang, showProblem, ready, query, palette,
} from '/pages/house.js';

const TEXT = {
  en: {
    pageTitle: 'Summit report — Stack Pulse', title: 'Summit report', summit: 'Summit', figures: 'Figures',
    attendance: 'Attendance across summits', demographics: 'Who came', regions: 'Regions', roles: 'Roles',
    countries: 'Top 10 countries', highlights: 'Keynote highlights', awards: 'Awards', compare: 'Compare two summits',
    first: 'First summit', second: 'Second summit', compareButton: 'Compare',
    inferredNote: 'Shares marked “inferred” are not stated by the source; they were read off a chart or derived.',
    inferred: 'inferred', given: 'given', inferredTag: ' (inferred)',
    attendees: 'Attendees', countriesFigure: 'Countries', companies: 'Companies', press: 'Press and analysts',
    sponsors: 'Sponsors', firstTime: 'First-timers', sessions: 'Sessions', days: 'Days',
    notKnown: 'not known', held: 'held', planned: 'planned', site: 'Summit site', videos: 'Videos',
    dates: (from, to, days) => `${from} – ${to} (${days} days)`,
    attendanceChart: (points) => `Bar chart of attendance per summit: ${points}`,
    shareChart: (what, points) => `Pie chart of ${what}: ${points}`,
    colSummit: 'Summit', colDate: 'Start', colAttendees: 'Attendees', colGrowth: 'Growth', colGrowthPercent: 'Growth %',
    colName: 'Category', colPercent: 'Share', colBasis: 'Basis', colNote: 'Note',
    colFigure: 'Figure', colDifference: 'Difference (second − first)',
    withoutAttendance: (names) => `No attendance figure yet: ${names}.`,
    noShares: 'No shares recorded for this summit.', noCountries: 'No countries recorded for this summit.',
    noHighlights: 'No keynote highlights recorded for this summit.', noAwards: 'No awards recorded for this summit.',
    winner: (name, winner) => `${name}: ${winner}`,
    compareCaption: (a, b) => `${a} compared with ${b}`,
    colocated: 'Co-located events', noColocated: 'No co-located events recorded for this summit.',
    kind: 'Kind', when: 'Dates', taughtBy: 'Taught by', link: 'Link',
    kinds: { training: 'Training', workshop: 'Workshop', hackathon: 'Hackathon', meetup: 'Meetup', other: 'Other' },
    eventDates: (from, to, days) => (days === 1 ? from : `${from} – ${to} (${days} days)`),
  },
  ja: {
    pageTitle: 'サミットレポート — Stack Pulse', title: 'サミットレポート', summit: 'サミット', figures: '数字で見るサミット',
    attendance: 'サミットごとの参加者数', demographics: '参加者の内訳', regions: '地域', roles: '役割',
    countries: '参加者の多い国 トップ10', highlights: '基調講演のハイライト', awards: '表彰', compare: '2つのサミットを比較',
    first: '1つ目のサミット', second: '2つ目のサミット', compareButton: '比較する',
    inferredNote: '「推定」と記した割合は出典に明記されておらず、グラフからの読み取りや計算によるものです。',
    inferred: '推定', given: '出典どおり', inferredTag: '（推定）',
    attendees: '参加者', countriesFigure: '国', companies: '企業', press: 'プレス・アナリスト',
    sponsors: 'スポンサー', firstTime: '初参加', sessions: 'セッション', days: '日数',
    notKnown: '不明', held: '開催済み', planned: '予定', site: 'サミットのサイト', videos: '動画',
    dates: (from, to, days) => `${from} ～ ${to}（${days}日間）`,
    attendanceChart: (points) => `サミットごとの参加者数の棒グラフ: ${points}`,
    shareChart: (what, points) => `${what}の円グラフ: ${points}`,
    colSummit: 'サミット', colDate: '開始日', colAttendees: '参加者', colGrowth: '増減', colGrowthPercent: '増減率',
    colName: '区分', colPercent: '割合', colBasis: '根拠', colNote: '注記',
    colFigure: '項目', colDifference: '差（2つ目 − 1つ目）',
    withoutAttendance: (names) => `参加者数がまだないサミット: ${names}`,
    noShares: 'このサミットの内訳は記録されていません。', noCountries: 'このサミットの国別の記録はありません。',
    noHighlights: 'このサミットの基調講演のハイライトは記録されていません。', noAwards: 'このサミットの表彰は記録されていません。',
    winner: (name, winner) => `${name}: ${winner}`,
    compareCaption: (a, b) => `${a} と ${b} の比較`,
    colocated: '併催イベント', noColocated: 'このサミットの併催イベントは記録されていません。',
    kind: '種類', when: '日程', taughtBy: '講師', link: 'リンク',
    kinds: { training: 'トレーニング', workshop: 'ワークショップ', hackathon: 'ハッカソン', meetup: 'ミートアップ', other: 'その他' },
    eventDates: (from, to, days) => (days === 1 ? from : `${from} ～ ${to}（${days}日間）`),
  },
};

/** The figures of a summit in display order: [key of the API, label key, how to show the value]. */
const FIGURES = [
  ['attendees', 'attendees', (v) => formatNumber(v)],
  ['countries', 'countriesFigure', (v) => formatNumber(v)],
  ['companies', 'companies', (v) => formatNumber(v)],
  ['pressAndAnalysts', 'press', (v) => formatNumber(v)],
  ['sponsors', 'sponsors', (v) => formatNumber(v)],
  ['firstTimePercent', 'firstTime', (v) => `${formatNumber(v)} %`],
  ['minSessions', 'sessions', (v) => `${formatNumber(v)}+`],
  ['days', 'days', (v) => formatNumber(v)],
];

const DEFAULT_SUMMIT = 'tokyo-2015';
const charts = {};
let summits = [];
let t = TEXT.en;

const $ = (id) => document.getElementById(id);
const summitName = (s) => `${s.city} ${s.season}`;
const signed = (v, suffix = '') => v === null || v === undefined ? '—'
  : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${formatNumber(Math.abs(v))}${suffix}`;

/** Growth in percent with its one decimal, e.g. "+27.7 %". */
function percent(value) {
  if (value === null || value === undefined) return '—';
  const n = Number(value);
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(1)} %`;
}

function translateStatic() {
  document.title = t.pageTitle;
  $('title').textContent = t.title;
  for (const node of document.querySelectorAll('[data-t]')) node.textContent = t[node.dataset.t];
}

/** Draws (or redraws) a chart on a canvas; no animation, so what is on screen is the data at once. */
function chart(id, config, label) {
  if (charts[id]) charts[id].destroy();
  const canvas = $(id);
  canvas.setAttribute('aria-label', label);
  config.options = { animation: false, responsive: true, maintainAspectRatio: false, ...config.options };
  charts[id] = new Chart(canvas, config);
}

function table(node, caption, headers, rows) {
  fill(node, caption ? el('caption', {}, caption) : null,
    el('thead', {}, el('tr', {}, headers.map(([text, cls]) => el('th', { scope: 'col', class: cls }, text)))),
    el('tbody', {}, rows));
}

function chooser(select, selected) {
  fill(select, summits.map((s) => el('option', { value: s.slug }, summitName(s))));
  if (summits.some((s) => s.slug === selected)) select.value = selected;
}

function renderFigures(summit) {
  fill($('summit-dates'), `${t.dates(formatDate(summit.startDate), formatDate(summit.endDate), summit.days)} · `
    + t[summit.status]);
  fill($('figures'), FIGURES.filter(([key]) => key !== 'days').map(([key, label, show]) => el('div', { dataset: { figure: key } },
    el('dt', {}, t[label]),
    el('dd', {}, summit[key] === null ? el('span', { class: 'muted' }, t.notKnown) : show(summit[key])))));
  fill($('summit-links'),
    summit.links.site ? el('a', { href: summit.links.site }, t.site) : null,
    summit.links.videos ? el('a', { href: summit.links.videos }, t.videos) : null);
}

function renderAttendance(attendance) {
  const series = attendance.series;
  const labels = series.map(summitName);
  chart('attendance-chart', {
    type: 'bar',
    data: { labels, datasets: [{ label: t.colAttendees, data: series.map((p) => p.attendees), backgroundColor: palette[0] }] },
    options: {
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { afterLabel: (c) => series[c.dataIndex].growth === null ? ''
          : `${t.colGrowth}: ${signed(series[c.dataIndex].growth)} (${percent(series[c.dataIndex].growthPercent)})` } },
      },
      scales: { y: { beginAtZero: true } },
    },
  }, t.attendanceChart(series.map((p, i) => `${labels[i]} ${formatNumber(p.attendees)}`).join(', ')));
  table($('attendance-table'), null,
    [[t.colSummit], [t.colDate], [t.colAttendees, 'number'], [t.colGrowth, 'number'], [t.colGrowthPercent, 'number']],
    series.map((p, i) => el('tr', {},
      el('th', { scope: 'row' }, labels[i]), el('td', {}, formatDate(p.startDate)),
      el('td', { class: 'number' }, formatNumber(p.attendees)), el('td', { class: 'number' }, signed(p.growth)),
      el('td', { class: 'number' }, percent(p.growthPercent)))));
  const missing = attendance.withoutAttendance.map((slug) => {
    const s = summits.find((x) => x.slug === slug);
    return s ? summitName(s) : slug;
  });
  fill($('attendance-missing'), missing.length ? t.withoutAttendance(missing.join(', ')) : '');
}

/** A pie of shares: an inferred share says so in its label (legend, tooltip) and in the table's basis column. */
function renderShares(canvasId, tableId, heading, shares) {
  const labels = shares.map((s) => s.basis === 'inferred' ? `${s.name}${t.inferredTag}` : s.name);
  const box = $(canvasId).parentElement;
  box.hidden = shares.length === 0;
  if (charts[canvasId]) { charts[canvasId].destroy(); delete charts[canvasId]; }
  if (shares.length) {
    chart(canvasId, {
      type: 'doughnut',
      data: { labels, datasets: [{ label: heading, data: shares.map((s) => Number(s.percent)), backgroundColor: palette,
        borderColor: '#ffffff' }] },
      options: { plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } },
        tooltip: { callbacks: { label: (c) => `${c.label}: ${c.parsed} %` } } } },
    }, t.shareChart(heading, shares.map((s, i) => `${labels[i]} ${s.percent} %`).join(', ')));
  }
  if (!shares.length) { fill($(tableId), el('caption', { class: 'muted' }, t.noShares)); return; }
  table($(tableId), null, [[t.colName], [t.colPercent, 'number'], [t.colBasis], [t.colNote]],
    shares.map((s) => el('tr', { class: s.basis === 'inferred' ? 'share-inferred' : 'share-given' },
      el('th', { scope: 'row' }, s.name), el('td', { class: 'number' }, `${formatNumber(Number(s.percent))} %`),
      el('td', { class: s.basis === 'inferred' ? 'inferred' : undefined }, t[s.basis]),
      el('td', {}, s.note || ''))));
}

function renderDemographics(d) {
  renderShares('region-chart', 'region-table', t.regions, d.regionShares);
  renderShares('role-chart', 'role-table', t.roles, d.roleShares);
  $('inferred-note').hidden = ![...d.regionShares, ...d.roleShares].some((s) => s.basis === 'inferred');
  fill($('countries'), d.topCountries.length ? d.topCountries.map((c) => el('li', {}, c))
    : el('li', { class: 'muted' }, t.noCountries));
}

function renderHighlights(h, a) {
  fill($('highlights'), h.highlights.length ? h.highlights.map((x) => el('li', {}, x))
    : el('li', { class: 'muted' }, t.noHighlights));
  fill($('awards'), a.awards.length
    ? a.awards.map((x) => el('li', {}, el('strong', {}, t.winner(x.name, x.winner)), x.note ? ` — ${x.note}` : ''))
    : el('li', { class: 'muted' }, t.noAwards));
}

/** The events held alongside the summit, each as a card: name, kind, dates, who teaches, link, summary. */
function renderColocated(events) {
  if (!events.length) {
    fill($('colocated'), el('li', { class: 'muted' }, t.noColocated));
    return;
  }
  const row = (label, field, value) => [el('dt', {}, label), el('dd', { dataset: { field } }, value)];
  fill($('colocated'), events.map((e) => el('li', { class: 'card', dataset: { event: e.key } },
    el('h3', {}, e.name),
    el('dl', {},
      ...row(t.kind, 'kind', t.kinds[e.kind] || e.kind),
      ...row(t.when, 'dates', t.eventDates(formatDate(e.startDate), formatDate(e.endDate), e.days)),
      ...(e.taughtBy ? row(t.taughtBy, 'taughtBy', e.taughtBy) : []),
      ...(e.url ? row(t.link, 'url', el('a', { href: e.url }, e.url)) : [])),
    e.summary ? el('p', { lang: e.summaryLanguage, dataset: { field: 'summary' } }, e.summary) : null)));
}

async function renderSummit(slug) {
  const base = `/summits/${encodeURIComponent(slug)}`;
  const [[summit, demographics, highlights, awards], colocated] = await Promise.all([
    Promise.all([base, `${base}/demographics`, `${base}/highlights`, `${base}/awards`].map((p) => api(p).then((r) => r.body))),
    all(`${base}/colocated-events?limit=500`)]);
  renderFigures(summit);
  renderDemographics(demographics);
  renderHighlights(highlights, awards);
  renderColocated(colocated);
}

async function renderComparison() {
  const a = $('compare-a').value;
  const b = $('compare-b').value;
  $('compare-problem').hidden = true;
  try {
    const c = (await api(`/summits/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`)).body;
    table($('compare-table'), t.compareCaption(summitName(c.a), summitName(c.b)),
      [[t.colFigure], [summitName(c.a), 'number'], [summitName(c.b), 'number'], [t.colDifference, 'number']],
      FIGURES.map(([key, label, show]) => {
        const diff = c.difference[key];
        return el('tr', { dataset: { figure: key } },
          el('th', { scope: 'row' }, t[label]),
          el('td', { class: 'number' }, c.a[key] === null ? t.notKnown : show(c.a[key])),
          el('td', { class: 'number' }, c.b[key] === null ? t.notKnown : show(c.b[key])),
          el('td', { class: `number${diff > 0 ? ' diff-up' : diff < 0 ? ' diff-down' : ''}` },
            diff === null ? '—' : signed(diff, key === 'firstTimePercent' ? ' pt' : '')));
      }));
  } catch (error) {
    showProblem($('compare-problem'), error);
  }
}

async function render() {
  document.body.dataset.ready = 'false';
  t = TEXT[lang()];
  translateStatic();
  $('problem').hidden = true;
  try {
    const [list, attendance] = await Promise.all([all('/summits?limit=500'), api('/summits/attendance')]);
    summits = list;
    const wanted = $('summit').value || query().summit || DEFAULT_SUMMIT;
    chooser($('summit'), wanted);
    chooser($('compare-a'), $('compare-a').value || query().a || 'vancouver-2015');
    chooser($('compare-b'), $('compare-b').value || query().b || DEFAULT_SUMMIT);
    renderAttendance(attendance.body);
    await Promise.all([renderSummit($('summit').value), renderComparison()]);
  } catch (error) {
    showProblem($('problem'), error);
  }
  ready();
}

$('summit').addEventListener('change', async () => {
  document.body.dataset.ready = 'false';
  const slug = $('summit').value;
  history.replaceState(null, '', `?summit=${encodeURIComponent(slug)}`);
  try {
    await renderSummit(slug);
  } catch (error) {
    showProblem($('problem'), error);
  }
  ready();
});
$('chooser').addEventListener('submit', (e) => e.preventDefault());
$('compare-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  document.body.dataset.ready = 'false';
  await renderComparison();
  ready();
});

siteHeader('summits', render);
render();
