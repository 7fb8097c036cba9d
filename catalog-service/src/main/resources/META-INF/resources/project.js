// One project: GET /projects/{slug} and /projects/{slug}/adoption, drawn as facts, a trend chart and a release table.
import { api, el, fill, formatDate, lang, siteHeader, showProblem, ready, query, palette } from '/pages/house.js';

const WORDS = {
  en: { back: '← Project Navigator', trend: 'Adoption across releases', perRelease: 'Per release', adoption: 'Adoption',
    tier: 'Tier', type: 'Service type', first: 'First release', sdks: 'SDKs', guide: 'Install guide', yes: 'yes', no: 'no',
    headers: ['Release', 'Adoption', 'Change', 'Maturity', 'Age', 'Highlights'], points: 'points', years: 'y' },
  ja: { back: '← プロジェクトナビゲーター', trend: 'リリースごとの採用率', perRelease: 'リリース別', adoption: '採用率',
    tier: '区分', type: 'サービス種別', first: '最初のリリース', sdks: 'SDK 数', guide: 'インストールガイド', yes: 'あり', no: 'なし',
    headers: ['リリース', '採用率', '変化', '成熟度', '年数', 'ハイライト'], points: 'ポイント', years: '年' },
};
let chart;

function signed(change, w) {
  if (change === null || change === undefined) return '—';
  return `${change > 0 ? '+' : change < 0 ? '−' : '±'}${Math.abs(change)} ${w.points}`;
}

function drawTrend(trend, w) {
  const surveyed = trend.releases.filter(r => r.adoption !== null && r.adoption !== undefined);
  const data = { labels: surveyed.map(r => r.displayName),
    datasets: [{ label: `${w.adoption} %`, data: surveyed.map(r => r.adoption), borderColor: palette[0], backgroundColor: palette[0] }] };
  const canvas = document.getElementById('trend-chart');
  canvas.setAttribute('aria-label', `${w.trend}: ${surveyed.map(r => `${r.displayName} ${r.adoption} %`).join(', ')}`);
  if (chart) { chart.data = data; chart.update(); return; }
  chart = new Chart(canvas, { type: 'line', data,
    options: { maintainAspectRatio: false, animation: false, scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } } } });
}

function row(release, w) {
  const rules = release.maturity ? release.maturity.rules : [];
  return el('tr', { dataset: { release: release.release } },
    el('th', { scope: 'row' }, release.displayName, el('br'), el('span', { class: 'muted' }, formatDate(release.releaseDate))),
    el('td', { class: 'number' }, release.adoption === null ? '—' : `${release.adoption} %`),
    el('td', { class: 'number' }, signed(release.change, w)),
    el('td', { class: 'number' }, release.maturity ? `${release.maturity.score} / ${rules.length}` : '—'),
    el('td', { class: 'number' }, release.ageYears === null ? '—' : `${release.ageYears} ${w.years}`),
    el('td', {}, release.highlights.length ? el('ul', { class: 'highlights' }, release.highlights.map(h => el('li', {}, h))) : '—'));
}

async function render() {
  const w = WORDS[lang()];
  const slug = query().slug || '';
  const problem = document.getElementById('problem');
  try {
    const [project, trend] = await Promise.all([
      api(`/projects/${encodeURIComponent(slug)}`), api(`/projects/${encodeURIComponent(slug)}/adoption`)]);
    const p = project.body;
    document.title = `${p.name} — Stack Pulse`;
    document.getElementById('back').textContent = w.back;
    document.getElementById('name').textContent = p.name;
    document.getElementById('service').textContent = p.serviceName;
    const description = document.getElementById('description');
    description.textContent = p.description;
    description.lang = p.descriptionLanguage;
    fill(document.getElementById('facts'),
      [[w.tier, p.tier], [w.type, p.serviceType], [w.first, p.firstRelease], [w.sdks, p.sdkCount], [w.guide, p.installGuide ? w.yes : w.no]]
        .map(([term, value]) => el('div', {}, el('dt', {}, term), el('dd', {}, value ?? '—'))));
    document.getElementById('trend-title').textContent = w.trend;
    document.getElementById('releases-title').textContent = w.perRelease;
    fill(document.querySelector('#releases thead tr'), w.headers.map((h, i) => el('th', { scope: 'col', class: i > 0 && i < 5 ? 'number' : undefined }, h)));
    fill(document.querySelector('#releases tbody'), trend.body.releases.map(r => row(r, w)));
    drawTrend(trend.body, w);
    problem.hidden = true;
  } catch (error) {
    showProblem(problem, error);
  }
  ready();
}

await siteHeader('navigator', render);
await render();
