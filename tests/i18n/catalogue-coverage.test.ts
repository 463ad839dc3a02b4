import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../renderer/src/i18n/locales/en.json';
import zhCN from '../../renderer/src/i18n/locales/zh-CN.json';
import zhTW from '../../renderer/src/i18n/locales/zh-TW.json';
import bg from '../../renderer/src/i18n/locales/bg.json';
import { resourcesFor } from '../../renderer/src/i18n';
import { ticketStatuses, impactClasses, urgencies, intakeChannels } from '../../shared/ticket/schema';
import { timelineEventSchema } from '../../shared/ticket/timeline';
import { clockKinds } from '../../shared/sla/watch';
import { clockUnits } from '../../shared/policy/schema';
import { userRoles, contractTiers } from '../../shared/directory/schema';
import { backupTableNames } from '../../shared/backup/format';
import { visitKinds, visitReasons, visitStatuses, partStates } from '../../shared/dispatch/visit-schema';
import { eDownProblemCodes } from '../../shared/severity/e-down';
import { pathFields } from '../../renderer/src/features/admin/validation-text';
import { conflictFields, knownPriorityIds, namedSeverityIds } from '../../renderer/src/i18n/vocabulary';

type Tree = { [key: string]: string | Tree };
const root = join(import.meta.dirname, '../..');

function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
  return out;
}

const catalogues = {
  en: flatten(resourcesFor('en', en) as Tree),
  'zh-CN': flatten(resourcesFor('zh-CN', zhCN) as Tree),
  'zh-TW': flatten(resourcesFor('zh-TW', zhTW) as Tree),
  bg: flatten(resourcesFor('bg', bg) as Tree),
};
const english = catalogues.en;
const pluralForms = ['zero', 'one', 'two', 'few', 'many', 'other'];
/** A key t() resolves: itself, or its plural forms. */
const resolves = (key: string) => english.has(key) || pluralForms.some((f) => english.has(`${key}_${f}`));
const englishOf = (key: string) => english.get(key) ?? english.get(`${key}_other`) ?? '';
/** A key under which t() finds a group of labels (`clocks.${kind}`). */
const isGroup = (prefix: string) => [...english.keys()].some((k) => k.startsWith(`${prefix}.`));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}
const sources = sourceFiles(join(root, 'renderer/src')).map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8') }));

/** The text of the object literal starting at `open` (a `{`), braces balanced. */
function objectAt(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  return '';
}
/** Top-level property names of an object literal's body (`a: 1, b, ...c` gives a, b and "..."). */
function topLevelNames(body: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  const parts: string[] = [];
  for (let i = 0; i <= body.length; i++) {
    const ch = body[i];
    if (ch === '{' || ch === '(' || ch === '[') depth++;
    else if (ch === '}' || ch === ')' || ch === ']') depth--;
    else if ((ch === ',' || ch === undefined) && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  for (const part of parts) {
    const p = part.trim();
    if (p.startsWith('...')) names.push('...');
    else if (p) names.push(/^['"]?([\w$]+)['"]?/.exec(p)?.[1] ?? p);
  }
  return names;
}

// Calls of the translation function with a literal key: t('a.b'), text('a.b'), i18n.t('a.b').
const literalCall = /\b(?:t|text)\(\s*'([A-Za-z][\w-]*(?:\.[\w-]+)+)'\s*(,\s*\{)?/g;
const templateCall = /\b(?:t|text)\(\s*`([A-Za-z][\w-]*(?:\.[\w-]+)*)\.\$\{/g;
const keyProps = /\b(?:labelKey|titleKey|hintKey|i18nKey|messageKey)[=:]\s*['"]([A-Za-z][\w-]*(?:\.[\w-]+)+)['"]/g;

describe('every key the code uses is in the catalogue', () => {
  it('literal keys resolve (also through their plural forms)', () => {
    const missing = sources.flatMap(({ file, text }) =>
      [...text.matchAll(literalCall), ...text.matchAll(keyProps)].flatMap((m) => (m[1] && !resolves(m[1]) && !isGroup(m[1]) ? [`${file}: ${m[1]}`] : [])),
    );
    expect(missing).toEqual([]);
  });

  it('keys built from a value name a group of labels', () => {
    const missing = sources.flatMap(({ file, text }) => [...text.matchAll(templateCall)].flatMap((m) => (m[1] && !isGroup(m[1]) ? [`${file}: ${m[1]}.*`] : [])));
    expect(missing).toEqual([]);
  });

  it('every value passed in an options literal fills a placeholder, and every placeholder gets a value', () => {
    const problems: string[] = [];
    for (const { file, text } of sources) {
      for (const m of text.matchAll(literalCall)) {
        const key = m[1];
        if (!key || !m[2] || !resolves(key)) continue;
        const names = topLevelNames(objectAt(text, (m.index ?? 0) + m[0].length - 1));
        if (names.includes('...')) continue;
        const given = new Set(names.filter((n) => n !== 'defaultValue' && n !== 'returnObjects'));
        const wanted = new Set([...englishOf(key).matchAll(/\{\{(\w+)\}\}/g)].map((p) => p[1] ?? ''));
        for (const w of wanted) if (!given.has(w)) problems.push(`${file}: ${key} shows {{${w}}} raw (given: ${[...given].join(', ')})`);
      }
    }
    expect(problems).toEqual([]);
  });
});

// Values the app shows by their id: each id must have a label in the catalogue.
const vocabularies: Record<string, readonly string[]> = {
  status: ticketStatuses,
  statusAction: ticketStatuses,
  impact: impactClasses,
  urgency: urgencies,
  tier: contractTiers,
  clocks: clockKinds,
  clocksShort: clockKinds,
  clockState: ['pending', 'running', 'paused', 'met', 'breached'],
  'timeline.kind': timelineEventSchema.options.map((o) => o.shape.kind.value),
  'settings.roles': userRoles,
  'intake.channels': intakeChannels,
  'backup.tables': backupTableNames,
  'dispatch.kind': visitKinds,
  'dispatch.reason': visitReasons,
  'dispatch.status': visitStatuses,
  'dispatch.partState': partStates,
  'admin.units': clockUnits,
  priority: knownPriorityIds,
  severityId: namedSeverityIds,
  conflictField: conflictFields,
  'edown.problems': eDownProblemCodes,
  'admin.paths': pathFields,
  'admin.duration.problems': ['empty', 'unreadable', 'not_positive', 'no_days', 'not_whole'],
};

describe('every id the app shows has a label', () => {
  for (const [prefix, ids] of Object.entries(vocabularies)) {
    it(prefix, () => expect(ids.filter((id) => !english.has(`${prefix}.${id}`))).toEqual([]));
  }
});

/**
 * Strings that are the same in every language on purpose: product names and abbreviations people
 * use untranslated (E-Down, p90, SLA), pure formats of numbers and names, and our own name.
 */
const sameInEveryLanguage = new Set([
  'views.edown',
  'admin.paths.eDown',
  'severityId.edown',
  'severity.priorityChange',
  'backup.progress',
  'backup.issueTable',
  'escalation.levelLabel',
  'reports.columns.p90_minutes',
  'alerts.test.title',
  'dispatch.blockLabel',
  // Key caps and protocol names read the same in every language.
  'shortcuts.shift',
  'mail.securityKind.tls',
  'mail.securityKind.starttls',
]);

describe('no English left in another language', () => {
  for (const lang of ['zh-CN', 'zh-TW', 'bg'] as const) {
    it(`${lang} has every string, translated`, () => {
      const other = catalogues[lang];
      const base = (key: string) => key.replace(new RegExp(`_(${pluralForms.join('|')})$`), '');
      const missing = [...english.keys()].filter((k) => !other.has(k) && !other.has(`${base(k)}_other`));
      const untranslated = [...english].filter(([k, v]) => other.get(k) === v && /[A-Za-z]{2}/.test(v.replace(/\{\{\w+\}\}/g, '')) && !sameInEveryLanguage.has(k)).map(([k]) => k);
      const extra = [...other.keys()].filter((k) => !english.has(k) && !english.has(`${base(k)}_other`));
      expect({ missing, untranslated, extra }).toEqual({ missing: [], untranslated: [], extra: [] });
    });
  }

  it('Chinese strings hold no Latin words but names, units and codes', () => {
    // Latin words allowed inside Chinese text: product names, protocols and file formats.
    const allowed = /npm run \w+|\b(E-Down|SLA|RFO|SPR|CSV|JSON|ICS|iCalendar|ics|HTTPS?|https?|URL|ID|IP|p90|UTC|IANA|Ctrl|Enter|Esc|Shift|Tab|IMAP|SMTP|STARTTLS|TLS|PostgreSQL|Service Desk|Electron|Chromium|id|HH:MM|mailto|eml|localhost|API|PGlite|SD|L\d)\b/g;
    const offenders = (['zh-CN', 'zh-TW'] as const).flatMap((lang) =>
      [...catalogues[lang]].filter(([, v]) => /[A-Za-z]{3,}/.test(v.replace(/\{\{\w+\}\}/g, '').replace(allowed, '').replace(/\S+@\S+|https?:\/\/\S+|\S+\.example\.\S+/g, ''))).map(([k, v]) => `${lang} ${k}: ${v}`),
    );
    expect(offenders).toEqual([]);
  });
});

describe('no words written into the screens', () => {
  it('JSX text and label attributes come from the catalogue (key names and examples excepted)', () => {
    const literal = /(?:>([^<>{}=()]*[A-Za-z]{3,}[^<>{}]*)<\/)|(?:\b(?:aria-label|title|placeholder|alt)="([^"]*[A-Za-z]{3,}[^"]*)")/g;
    // Key caps, an example address and an example defect id read the same in every language.
    const fine = new Set(['Ctrl K', 'https://sync.example.com', 'RFO.pdf', 'SPR 1234567']);
    const written = sources.filter(({ file }) => file.endsWith('.tsx')).flatMap(({ file, text }) => [...text.matchAll(literal)].map((m) => (m[1] ?? m[2] ?? '').trim()).filter((s) => !fine.has(s)).map((s) => `${file}: ${s}`));
    expect(written).toEqual([]);
  });
});
