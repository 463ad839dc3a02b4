import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import zhTW from './locales/zh-TW.json';
import bg from './locales/bg.json';
import { resourcesFor } from './index';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key.replace(/_(zero|one|two|few|many|other)$/, ''), v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  // App-wide strings plus every feature's own locales/<lang>.json.
  const base = flatten(resourcesFor('en', en) as Tree);
  for (const [lang, tree] of Object.entries({ 'zh-CN': zhCN, 'zh-TW': zhTW, bg })) {
    it(`${lang} translates every English string, with the same placeholders`, () => {
      const other = flatten(resourcesFor(lang, tree) as Tree);
      expect([...other.keys()].sort()).toEqual([...base.keys()].sort());
      for (const [key, text] of base) expect(placeholders(other.get(key) ?? ''), key).toEqual(placeholders(text));
    });
  }
});
