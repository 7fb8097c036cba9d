// Turns a feed entry into a sentence a person reads ("Neutron — Liberty adoption 79 % → 89 %"), with the page
// that owns the entity. Names come from the feed's own entity store (same origin); unknown shapes fall back to
// "<entity> <subject> <kind>", so a new event type is still readable.

const WORDS = {
  en: {
    created: 'added', updated: 'updated', deleted: 'removed',
    project: 'project', release: 'release series', adoption: 'adoption', summit: 'summit', demographics: 'demographics',
    highlights: 'keynote highlights', awards: 'awards', session: 'session', notes: 'notes',
    'colocated-event': 'co-located event', releaseHighlights: 'highlights', notesEdited: (title, who) => `notes of “${title}” edited${who ? ` by ${who}` : ''}`,
    revision: n => `revision ${n}`, outOfOrder: 'arrived out of order (an older version than one already shown)',
    status: 'status', lifecycle: 'support', highlightsAdded: (r, n) => `${r} highlights added (${n})`, released: date => `released ${date}`, fields: 'changed', awardTo: (a, w) => `${a} to ${w}`,
    sessionAdded: t => `session “${t}” added`, sessionUpdated: t => `session “${t}” updated`, sessionRemoved: t => `session “${t}” removed`,
  },
  ja: {
    created: '追加', updated: '更新', deleted: '削除',
    project: 'プロジェクト', release: 'リリースシリーズ', adoption: '採用率', summit: 'サミット', demographics: '参加者構成',
    highlights: '基調講演ハイライト', awards: '表彰', session: 'セッション', notes: 'ノート',
    'colocated-event': '併催イベント', releaseHighlights: 'ハイライト', notesEdited: (title, who) => `「${title}」のノートを${who ? `${who} が` : ''}編集`,
    revision: n => `版 ${n}`, outOfOrder: '順序が前後して到着（表示済みより古い版）',
    status: '状態', lifecycle: 'サポート', highlightsAdded: (r, n) => `${r} のハイライトを追加 (${n} 件)`, released: date => `${date} リリース`, fields: '変更', awardTo: (a, w) => `${a}: ${w}`,
    sessionAdded: t => `セッション「${t}」を追加`, sessionUpdated: t => `セッション「${t}」を更新`, sessionRemoved: t => `セッション「${t}」を削除`,
  },
};

const IGNORED_FIELDS = new Set(['version', 'createdAt', 'updatedAt']);

/** The parts of a CloudEvent type "<service>.<entity>.<kind>". */
export function typeParts(type) {
  const parts = String(type || '').split('.');
  return { entity: parts.length >= 3 ? parts[parts.length - 2] : 'entity', kind: parts[parts.length - 1] || '' };
}

function capitalize(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function summitName(data, slug) {
  if (data && data.city && data.startDate) return `${data.city} ${String(data.startDate).substring(0, 4)}`;
  return String(slug || '').split('-').map(capitalize).join(' ');
}

function percent(value) {
  return value === null || value === undefined ? '—' : `${value} %`;
}

function changedFields(data, previous) {
  if (!previous || !data) return [];
  return Object.keys(data).filter(k => !IGNORED_FIELDS.has(k) && JSON.stringify(data[k]) !== JSON.stringify(previous[k]));
}

function scalar(value) {
  return value === null || value === undefined || typeof value !== 'object';
}

function fieldChanges(data, previous, w) {
  const fields = changedFields(data, previous);
  if (!fields.length) return '';
  return `${w.fields}: ${fields.slice(0, 4).map(f => (scalar(data[f]) && scalar(previous[f])
    ? `${f} ${previous[f] ?? '—'} → ${data[f] ?? '—'}` : f)).join(', ')}${fields.length > 4 ? ', …' : ''}`;
}

/**
 * {who, what, href}: who the change is about ("Neutron", "Tokyo 2015"), what happened, and the owning page.
 * `previous` is the entity's data before this change (when known); `lookup(source, subject)` resolves another
 * entity's latest data synchronously from the page's cache (null when not loaded yet).
 */
export function describe(entry, previous, lookup, links, language) {
  const w = WORDS[language] || WORDS.en;
  const { entity, kind } = typeParts(entry.type);
  const data = entry.data && typeof entry.data === 'object' ? entry.data : {};
  const source = String(entry.source || '').replace(/^\//, '');
  const verb = w[kind] || kind;
  const fallback = { who: String(entry.subject), what: `${w[entity] || entity} ${verb}`, href: null };
  if (source === 'catalog-service') return { ...fallback, ...catalog(entity, kind, entry, data, previous, lookup, links, w, verb) };
  if (source === 'summit-service') return { ...fallback, ...summit(entity, kind, entry, data, previous, lookup, links, w, verb) };
  return fallback;
}

function catalog(entity, kind, entry, data, previous, lookup, links, w, verb) {
  const base = links.catalog || '';
  if (entity === 'project') {
    const href = kind === 'deleted' ? `${base}/` : `${base}/project.html?slug=${encodeURIComponent(data.slug || entry.subject)}`;
    const changes = kind === 'updated' ? fieldChanges(data, previous, w) : '';
    return { who: data.name || entry.subject, what: `${w.project} ${verb}${changes ? ` — ${changes}` : ''}`, href };
  }
  if (entity === 'release') {
    const who = data.displayName ? `${data.displayName}${data.versionLabel ? ` (${data.versionLabel})` : ''}` : entry.subject;
    const href = `${base}/?release=${encodeURIComponent(data.name || entry.subject)}`;
    if (kind === 'updated' && previous && previous.status !== data.status) {
      return { who, what: data.status === 'released' && data.releaseDate ? w.released(data.releaseDate) : `${w.status} ${previous.status} → ${data.status}`, href };
    }
    if (kind === 'updated' && previous && previous.lifecycle !== data.lifecycle && data.lifecycle) {
      return { who, what: `${w.lifecycle} ${previous.lifecycle || '—'} → ${data.lifecycle}`, href };
    }
    if (kind === 'created' && data.status === 'released' && data.releaseDate) {
      return { who, what: `${w.released(data.releaseDate)}${data.lifecycle ? ` (${data.lifecycle})` : ''}`, href };
    }
    const changes = kind === 'updated' ? fieldChanges(data, previous, w) : '';
    return { who, what: `${w.release} ${verb}${changes ? ` — ${changes}` : ''}`, href };
  }
  if (entity === 'adoption') {
    const [releaseName, slug] = String(entry.subject).split('/');
    const project = lookup('catalog-service', slug || data.project);
    const release = lookup('catalog-service', releaseName || data.release);
    const who = (project && project.name) || capitalize(slug || data.project || entry.subject);
    const releaseLabel = (release && release.displayName) || capitalize(releaseName || data.release || '');
    const href = `${base}/project.html?slug=${encodeURIComponent(slug || data.project || '')}`;
    if (kind === 'deleted') return { who, what: `${releaseLabel} ${w.adoption} ${w.deleted}`, href };
    if (previous && previous.adoption !== data.adoption) {
      return { who, what: `${releaseLabel} ${w.adoption} ${percent(previous.adoption)} → ${percent(data.adoption)}`, href };
    }
    const highlights = Array.isArray(data.highlights) ? data.highlights.length : 0;
    const before = previous && Array.isArray(previous.highlights) ? previous.highlights.length : 0;
    if (previous && JSON.stringify(previous.highlights) !== JSON.stringify(data.highlights)) {
      return { who, what: `${releaseLabel} ${w.releaseHighlights} ${before} → ${highlights}`, href };
    }
    if (!previous && (data.adoption === null || data.adoption === undefined) && highlights) {
      return { who, what: w.highlightsAdded(releaseLabel, highlights), href };
    }
    return { who, what: `${releaseLabel} ${w.adoption} ${percent(data.adoption)}`, href };
  }
  return {};
}

function summit(entity, kind, entry, data, previous, lookup, links, w, verb) {
  const base = links.summit || '';
  if (entity === 'summit') {
    return { who: summitName(data, entry.subject), what: `${w.summit} ${verb}${kind === 'updated' ? ` — ${fieldChanges(data, previous, w)}` : ''}`,
      href: `${base}/?summit=${encodeURIComponent(data.slug || entry.subject)}` };
  }
  if (entity === 'demographics' || entity === 'highlights' || entity === 'awards') {
    const slug = data.summit || entry.subject;
    const who = summitName(lookup('summit-service', slug), slug);
    let what = `${w[entity]} ${verb}`;
    if (entity === 'awards' && Array.isArray(data.awards) && data.awards.length) {
      what = `${w.awards}: ${data.awards.map(a => w.awardTo(a.name, a.winner)).join('; ')}`;
    }
    return { who, what, href: `${base}/?summit=${encodeURIComponent(slug)}` };
  }
  if (entity === 'colocated-event') {
    const slug = data.summit || String(entry.subject).split('/')[0];
    return { who: summitName(lookup('summit-service', slug), slug),
      what: `${w['colocated-event']} “${data.name || entry.subject}” ${verb}`, href: `${base}/?summit=${encodeURIComponent(slug)}` };
  }
  if (entity === 'session') {
    const who = summitName(lookup('summit-service', data.summit), data.summit || '');
    const title = data.title || `#${entry.subject}`;
    const what = kind === 'created' ? w.sessionAdded(title) : kind === 'deleted' ? w.sessionRemoved(title) : w.sessionUpdated(title);
    return { who: who || title, what, href: `${base}/sessions.html?id=${encodeURIComponent(data.id || entry.subject)}` };
  }
  if (entity === 'notes') {
    const sessionId = String(data.sessionId || String(entry.subject).split('/')[0]);
    const session = lookup('summit-service', sessionId);
    const who = session ? summitName(lookup('summit-service', session.summit), session.summit) : `#${sessionId}`;
    const title = session && session.title ? session.title : `#${sessionId}`;
    return { who, what: `${w.notesEdited(title, data.author)} (${w.revision(data.revision ?? entry.entityversion)})`,
      href: `${base}/sessions.html?id=${encodeURIComponent(sessionId)}` };
  }
  return {};
}

/** What other entities a sentence names, so the page can load them before (or while) it shows it. */
export function references(entry) {
  const { entity } = typeParts(entry.type);
  const data = entry.data && typeof entry.data === 'object' ? entry.data : {};
  const source = String(entry.source || '').replace(/^\//, '');
  if (source === 'catalog-service' && entity === 'adoption') return String(entry.subject).split('/').map(s => [source, s]);
  if (source === 'summit-service' && ['demographics', 'highlights', 'awards'].includes(entity)) return [[source, data.summit || entry.subject]];
  if (source === 'summit-service' && entity === 'session' && data.summit) return [[source, data.summit]];
  if (source === 'summit-service' && entity === 'colocated-event') return [[source, data.summit || String(entry.subject).split('/')[0]]];
  if (source === 'summit-service' && entity === 'notes') return [[source, String(data.sessionId || String(entry.subject).split('/')[0])]];
  return [];
}

export function outOfOrderText(language) {
  return (WORDS[language] || WORDS.en).outOfOrder;
}
