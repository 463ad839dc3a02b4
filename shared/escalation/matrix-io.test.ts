import { describe, expect, it } from 'vitest';
import { presetMatrix } from './fixtures.test-support';
import { exportEscalationMatrixCsv, exportEscalationMatrixJson, importEscalationMatrixCsv, importEscalationMatrixJson } from './index';

const matrix = presetMatrix();
const HEADER = 'level,kind,key,name,email,mailbox,label';

function errorsOf(csv: string): string[] {
  const r = importEscalationMatrixCsv(csv, matrix);
  return r.ok ? [] : r.errors.map((e) => e.text);
}

describe('matrix JSON import/export', () => {
  it('round-trips the preset', () => {
    const r = importEscalationMatrixJson(exportEscalationMatrixJson(matrix));
    expect(r).toEqual({ ok: true, matrix });
  });

  it('names the path of every problem and rejects broken JSON', () => {
    const bad = JSON.parse(exportEscalationMatrixJson(matrix)) as { levels: { id: string; rows?: { mailbox?: string }[] }[] };
    const pm = bad.levels[3];
    if (pm?.rows?.[1]) pm.rows[1].mailbox = 'not-an-address';
    if (bad.levels[4]) bad.levels[4].id = 'm1';
    const r = importEscalationMatrixJson(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    const texts = r.ok ? [] : r.errors.map((e) => e.text);
    expect(texts).toContain('levels.3.rows.1.mailbox: not an e-mail address: "not-an-address"');
    expect(texts).toContain('levels.4.id: duplicate level id "m1"');
    const broken = importEscalationMatrixJson('{"id": ');
    expect(broken.ok ? '' : broken.errors[0]?.text).toMatch(/^not valid JSON/);
  });
});

describe('matrix CSV import/export', () => {
  it('round-trips the preset routing tables, one row per contact', () => {
    const csv = exportEscalationMatrixCsv(matrix);
    expect(csv.startsWith(`${HEADER}\r\n`)).toBe(true);
    expect(csv).toContain('regional-lead,region,emea-anz,Stefan Wolf,stefan.wolf@example.com,,"Europe, Australia and New Zealand"\r\n');
    expect(csv.split('\r\n').filter((l) => l.startsWith('product-manager,'))).toHaveLength(12);
    expect(importEscalationMatrixCsv(csv, matrix)).toEqual({ ok: true, matrix });
  });

  it('exports a formula-like label as text and imports it back unchanged', () => {
    const hostile = structuredClone(matrix);
    const level = hostile.levels.find((l) => l.kind !== 'fixed' && l.kind !== 'customer_comment' && l.rows.length > 0);
    if (!level || level.kind === 'fixed' || level.kind === 'customer_comment' || !level.rows[0]) throw new Error('preset has no routing table');
    level.rows[0].label = '=HYPERLINK("https://evil.example.com","Click")';
    const csv = exportEscalationMatrixCsv(hostile);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example.com"",""Click"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(importEscalationMatrixCsv(csv, hostile)).toEqual({ ok: true, matrix: hostile });
  });

  it('replaces the routing with the file: a changed mailbox and a new product line are used', () => {
    const csv = exportEscalationMatrixCsv(matrix)
      .replace(/gateway-escalation@example\.com/g, 'gw-new@example.com')
      .concat('product-manager,product_line,quantum-toaster | qt,Ada Byte,ada.byte@example.com,qt-escalation@example.com,Quantum Toaster\r\n');
    const r = importEscalationMatrixCsv(csv, matrix);
    if (!r.ok) throw new Error(r.errors.map((e) => e.text).join('\n'));
    const level = r.matrix.levels[3];
    expect(level?.kind === 'by_product_line' && level.rows.find((row) => row.keys.includes('secure-gateway'))?.mailbox).toBe('gw-new@example.com');
    expect(level?.kind === 'by_product_line' && level.rows.at(-1)).toEqual({ keys: ['quantum-toaster', 'qt'], label: 'Quantum Toaster', contacts: [{ name: 'Ada Byte', email: 'ada.byte@example.com' }], mailbox: 'qt-escalation@example.com' });
  });

  it('names the row and column of every error and changes nothing', () => {
    const csv = [
      HEADER,
      'product-manager,product_line,content-platform,Nora Vance,nora.vance@example.com,cp@example.com,',
      'regional-lead,region,north-america,Avery Collins,avery.collins@example.com,,',
      'regional-lead,region,latin-america,Lucia Fernandez,lucia.fernandez@example.com,,',
      'regional-lead,region,emea-anz,Stefan Wolf,stefan.wolf@example.com,,',
      'vice-president,area,global-technical-support,Miriam Holt,miriam.holt@example.com,,',
      'regional-lead,region,apac-cjks,Wen Zhao,wen.zhao at example.com,,',
      'product-manager,region,data-vault,Helen,helen@example.com,,',
      'vp,area,x,Y,y@example.com,,',
      'product-manager,product_line,,Omar,omar@example.com,,',
      'product-manager,product_line,content-platform,Tomas,tomas@example.com,other@example.com,',
      'regional-lead,region,north-america,,,,',
      'm1,fixed,,"Quoted, Name",q@example.com,,,extra',
    ].join('\r\n');
    expect(errorsOf(csv)).toEqual([
      'row 7, column email: not an e-mail address: "wen.zhao at example.com"',
      'row 8, column kind: level "product-manager" routes by "product_line", not "region"',
      'row 9, column level: no level "vp" in the matrix (levels: customer-request, m1, m2, product-manager, regional-lead, vice-president)',
      'row 10, column key: empty; name the product line, region or area',
      'row 11, column mailbox: "other@example.com" differs from "cp@example.com" given for the same key in row 2',
      'row 12, column mailbox: empty; a row needs a contact or a mailbox',
      'row 13: has 8 fields, the header has 7',
    ]);
  });

  it('counts rows as a spreadsheet does, even when a field spans lines', () => {
    const csv = `${HEADER}\r\nregional-lead,region,north-america,"Avery\r\nCollins",avery.collins@example.com,,\r\nregional-lead,region,latin-america,Lucia,bad@,,\r\n`;
    expect(errorsOf(csv)).toEqual(['row 3, column email: not an e-mail address: "bad@"']);
  });

  it('reports missing columns, broken quotes and levels left without rows', () => {
    expect(errorsOf('level,kind,key,name\r\n')).toEqual(['row 1: missing column(s) email, mailbox (expected level, kind, key, name, email, mailbox, label)']);
    expect(errorsOf(`${HEADER}\r\nm1,fixed,,"Open,x@example.com,,\r\n`)).toEqual(['row 2: a quoted field is never closed']);
    expect(errorsOf(`${HEADER}\r\nm1,fixed,,Boss,boss@example.com,,\r\n`)).toEqual([
      'level "product-manager" has no rows in the file',
      'level "regional-lead" has no rows in the file',
      'level "vice-president" has no rows in the file',
    ]);
  });
});
