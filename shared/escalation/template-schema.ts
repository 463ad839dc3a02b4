import { z } from 'zod';
import { escalationLocaleSchema } from './locale';

/** Every placeholder a draft template may use, as {{name}} or as a section {{#name}}...{{/name}}. */
export const templatePlaceholders = [
  'ticketId',
  'title',
  'summary',
  'severity',
  'priority',
  'customer',
  'product',
  'productLine',
  'region',
  'level',
  'levelName',
  'owner',
  'impact',
  'timeline',
  'clocks',
  'breaches',
  'tried',
  'ask',
  'eDown',
  'defectReference',
] as const;
export type TemplatePlaceholder = (typeof templatePlaceholders)[number];

const TAG = /\{\{\s*([#/]?)([^}]*?)\s*\}\}/g;

/** Problems with a template text: unknown placeholders and unbalanced sections, as readable messages. */
export function templateProblems(text: string): string[] {
  const known = new Set<string>(templatePlaceholders);
  const problems: string[] = [];
  const open: string[] = [];
  for (const m of text.matchAll(TAG)) {
    const [, mark = '', name = ''] = m;
    if (!known.has(name)) problems.push(`unknown placeholder {{${mark}${name}}} (known: ${templatePlaceholders.join(', ')})`);
    if (mark === '#') open.push(name);
    if (mark === '/' && open.pop() !== name) problems.push(`{{/${name}}} closes a section that is not open`);
  }
  for (const name of open) problems.push(`section {{#${name}}} is never closed`);
  return problems;
}

const templateText = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    for (const message of templateProblems(text)) ctx.addIssue({ code: 'custom', message });
  });

export const escalationTemplateSchema = z.object({ subject: templateText, body: templateText }).strict();
export type EscalationTemplate = z.infer<typeof escalationTemplateSchema>;

/** Templates by locale; a policy's set overrides the defaults locale by locale. */
export const escalationTemplateSetSchema = z.partialRecord(escalationLocaleSchema, escalationTemplateSchema);
export type EscalationTemplateSet = z.infer<typeof escalationTemplateSetSchema>;

/** Fills {{name}} placeholders; {{#name}}...{{/name}} is kept only when the value is not empty. Any value map works (customer updates use their own names). */
export function renderTemplate<K extends string = TemplatePlaceholder>(text: string, values: Readonly<Record<K, string>>): string {
  const get = (name: string): string => (Object.hasOwn(values, name) ? (values as Readonly<Record<string, string>>)[name] ?? '' : '');
  // Innermost sections first, so nested sections work without a parser.
  let out = text;
  const section = /\{\{\s*#([^}]*?)\s*\}\}((?:(?!\{\{\s*#)[\s\S])*?)\{\{\s*\/\1\s*\}\}/;
  for (let m = section.exec(out); m; m = section.exec(out)) {
    const [whole, name = '', inner = ''] = m;
    out = out.slice(0, m.index) + (get(name).trim() !== '' ? inner : '') + out.slice(m.index + whole.length);
  }
  return out.replace(TAG, (_whole, _mark: string, name: string) => get(name));
}
