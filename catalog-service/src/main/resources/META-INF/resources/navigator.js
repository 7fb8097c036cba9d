// The Project Navigator: GET /projects (filters, sort, release) and /releases, drawn as cards and one adoption chart.
import { all, el, fill, lang, siteHeader, showProblem, ready, query, palette } from '/pages/house.js';

const WORDS = {
  en: {
    title: 'Project Navigator', lede: "OpenStack's services with the operators' adoption, maturity and age for one release.",
    release: 'Release', tier: 'Tier', all: 'all', core: 'core', optional: 'optional', text: 'Text',
    minAdoption: 'Min adoption %', minMaturity: 'Min maturity', minAge: 'Min age (years)', sort: 'Sort',
    byName: 'name', byAdoption: 'adoption, highest first', byMaturity: 'maturity, highest first', byAge: 'age, oldest first',
    adoptionChart: 'Adoption in this release', coreTitle: 'Core services', optionalTitle: 'Optional services',
    adoption: 'Adoption', maturity: 'Maturity', age: 'Age', years: n => `${n} ${n === 1 ? 'year' : 'years'}`,
    notSurveyed: 'not surveyed', shown: (n, r) => `${n} projects in ${r}`, none: 'No project matches these filters.',
    details: 'adoption trend and highlights', newest: 'newest surveyed',
  },
  ja: {
    title: 'プロジェクトナビゲーター', lede: 'リリースごとの OpenStack サービスの採用率・成熟度・年数。',
    release: 'リリース', tier: '区分', all: 'すべて', core: 'コア', optional: 'オプション', text: 'テキスト',
    minAdoption: '最低採用率 %', minMaturity: '最低成熟度', minAge: '最低年数', sort: '並び順',
    byName: '名前', byAdoption: '採用率の高い順', byMaturity: '成熟度の高い順', byAge: '年数の長い順',
    adoptionChart: 'このリリースの採用率', coreTitle: 'コアサービス', optionalTitle: 'オプションサービス',
    adoption: '採用率', maturity: '成熟度', age: '年数', years: n => `${n} 年`,
    notSurveyed: '調査対象外', shown: (n, r) => `${r}: ${n} プロジェクト`, none: '条件に合うプロジェクトはありません。',
    details: '採用率の推移とハイライト', newest: '最新の調査',
  },
};

const form = document.getElementById('filters');
const fields = ['release', 'tier', 'q', 'minAdoption', 'minMaturity', 'minAge', 'sort'];
let chart;
let releases = [];
let rendering = 0;

function words() {
  return WORDS[lang()];
}

function translateStatic() {
  const w = words();
  document.getElementById('title').textContent = w.title;
  document.getElementById('lede').textContent = w.lede;
  document.title = `${w.title} — Stack Pulse`;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = w[node.dataset.i18n];
}

function restoreFilters() {
  const given = query();
  for (const name of fields) if (given[name] !== undefined) form.elements[name].value = given[name];
}

function filterQuery() {
  const params = new URLSearchParams({ limit: '500' });
  for (const name of fields) {
    const value = form.elements[name].value.trim();
    if (value !== '') params.set(name, value);
  }
  return params;
}

async function loadReleases() {
  releases = await all('/releases?limit=500');
  const select = form.elements.release;
  const chosen = select.value || query().release || '';
  fill(select, el('option', { value: '', 'data-i18n': 'newest' }, words().newest), releases.slice().reverse().map(r =>
    el('option', { value: r.name }, `${r.displayName}${r.versionLabel ? ` (${r.versionLabel})` : ''}`)));
  select.value = chosen;
}

function adoptionBar(project, w) {
  const surveyed = project.adoption !== null && project.adoption !== undefined;
  const filled = el('span');
  filled.style.width = `${surveyed ? project.adoption : 0}%`; // CSSOM, which the CSP allows (no style attribute)
  return el('div', { class: 'figure' },
    el('span', {}, w.adoption),
    el('div', { class: 'bar', role: 'presentation' }, filled),
    el('span', { class: 'value' }, surveyed ? `${project.adoption} %` : w.notSurveyed));
}

function card(project, w) {
  const rules = project.maturity ? project.maturity.rules : [];
  return el('li', { class: 'card project', dataset: { slug: project.slug } },
    el('h3', {}, el('a', { href: `project.html?slug=${encodeURIComponent(project.slug)}`, 'aria-label': `${project.name}: ${w.details}` }, project.name)),
    el('p', { class: 'meta muted' }, `${project.serviceName} · ${project.serviceType}`),
    el('p', { class: 'description', lang: project.descriptionLanguage }, project.description),
    adoptionBar(project, w),
    el('p', { class: 'maturity' }, `${w.maturity}: `, el('strong', {}, `${project.maturity ? project.maturity.score : 0} / ${rules.length}`),
      ' · ', `${w.age}: `, el('strong', {}, project.ageYears === null ? '—' : w.years(project.ageYears))),
    el('ul', { class: 'rules', 'aria-label': w.maturity }, rules.map(rule =>
      el('li', { class: rule.scored ? 'ok' : 'fail' }, el('span', { class: 'visually-hidden' }, rule.scored ? 'holds: ' : 'fails: '), rule.description))));
}

function drawChart(projects, w) {
  const surveyed = projects.filter(p => p.adoption !== null && p.adoption !== undefined);
  const data = {
    labels: surveyed.map(p => p.name),
    datasets: [{ label: `${w.adoption} %`, data: surveyed.map(p => p.adoption),
      backgroundColor: surveyed.map(p => (p.tier === 'core' ? palette[0] : palette[1])) }],
  };
  const canvas = document.getElementById('adoption-chart');
  canvas.parentElement.classList.toggle('tall', surveyed.length > 12);
  canvas.setAttribute('aria-label', `${w.adoptionChart}: ${surveyed.map(p => `${p.name} ${p.adoption} %`).join(', ')}`);
  if (chart) {
    chart.data = data;
    chart.update();
    return;
  }
  chart = new Chart(canvas, {
    type: 'bar', data,
    options: { indexAxis: 'y', maintainAspectRatio: false, animation: false,
      scales: { x: { min: 0, max: 100, title: { display: true, text: '%' } } }, plugins: { legend: { display: false } } },
  });
}

async function render() {
  const ticket = ++rendering;
  const problem = document.getElementById('problem');
  const w = words();
  try {
    const params = filterQuery();
    const projects = await all(`/projects?${params}`);
    if (ticket !== rendering) return;
    problem.hidden = true;
    history.replaceState(null, '', `?${[...params].filter(([k]) => k !== 'limit').map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`);
    const shownRelease = projects.length ? projects[0].release : params.get('release');
    const release = releases.find(r => r.name === shownRelease);
    document.getElementById('summary').textContent = projects.length
      ? w.shown(projects.length, release ? release.displayName : '') : w.none;
    fill(document.getElementById('core'), projects.filter(p => p.tier === 'core').map(p => card(p, w)));
    fill(document.getElementById('optional'), projects.filter(p => p.tier === 'optional').map(p => card(p, w)));
    drawChart(projects, w);
  } catch (error) {
    if (ticket === rendering) showProblem(problem, error);
  }
  ready();
}

async function start() {
  restoreFilters();
  translateStatic();
  await siteHeader('navigator', () => { translateStatic(); render(); });
  try {
    await loadReleases();
  } catch (error) {
    showProblem(document.getElementById('problem'), error);
  }
  let typing;
  form.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(render, 250); });
  form.addEventListener('submit', event => { event.preventDefault(); render(); });
  await render();
}

start();
