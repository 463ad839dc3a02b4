import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvSyntaxError, neutraliseFormulaCell, parseCsv, readCsv, restoreFormulaCell, writeCsv } from './csv';

describe('parseCsv / writeCsv (RFC 4180)', () => {
  it('reads quotes, commas, doubled quotes, CRLF and line breaks inside fields', () => {
    const text = 'a,b,c\r\n"Europe, Australia and New Zealand","say ""hi""","two\r\nlines"\r\nx,,\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['Europe, Australia and New Zealand', 'say "hi"', 'two\r\nlines'],
      ['x', '', ''],
    ]);
  });

  it('accepts LF-only files, a missing final line break and an Excel BOM', () => {
    expect(parseCsv('\ufeffa,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('reports the record number of a broken quote', () => {
    expect(() => parseCsv('a\r\nb\r\n"never closed,x\r\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\r\nb\r\n"never closed,x\r\n')).toThrow(/^row 3: a quoted field is never closed/);
    expect(() => parseCsv('a\r\n"x"y\r\n')).toThrow(/^row 2: text after a closing quote/);
    expect(() => parseCsv('a\r\nx"y\r\n')).toThrow(/^row 2: a quote inside an unquoted field/);
  });

  it('writes CRLF and quotes only what needs it', () => {
    expect(writeCsv([['a', 'b,c', 'd"e', 'f\ng', ' pad'], ['中文', 'Български', '', 'x', 'y']])).toBe('a,"b,c","d""e","f\ng"," pad"\r\n中文,Български,,x,y\r\n');
  });

  it('round-trips any table of strings', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 })), (rows) => {
        // A single empty field per record is indistinguishable from a blank line; the writer still quotes nothing there.
        fc.pre(rows.every((r) => r.length > 1 || r[0] !== ''));
        expect(readCsv(writeCsv(rows))).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formula cells (spreadsheet injection)', () => {
  it('prefixes every cell a spreadsheet would run with an apostrophe', () => {
    const hostile = ['=HYPERLINK("https://evil.example.com","Click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'];
    const written = parseCsv(writeCsv([hostile]))[0] ?? [];
    expect(written).toEqual(hostile.map((c) => `'${c}`));
    expect(written.every((c) => !/^[=+\-@\t\r]/.test(c))).toBe(true);
  });

  it('leaves plain numbers and ordinary text alone', () => {
    expect(parseCsv(writeCsv([['-5', '12.5', '0', 'Core network', "it's fine", 'a=b']]))).toEqual([['-5', '12.5', '0', 'Core network', "it's fine", 'a=b']]);
  });

  it('reads neutralised cells back exactly, even ones that started with an apostrophe', () => {
    for (const cell of ['=1+1', "'=1+1", "''@x", "'-5", "'plain", '-5', '']) {
      expect(restoreFormulaCell(neutraliseFormulaCell(cell)), cell).toBe(cell);
    }
  });

  it('round-trips formula-like text through write and read', () => {
    const trigger = fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'");
    const cell = fc.tuple(fc.array(trigger, { maxLength: 3 }), fc.string({ maxLength: 8 })).map(([t, rest]) => t.join('') + rest);
    fc.assert(
      fc.property(fc.array(cell, { minLength: 2, maxLength: 4 }), (row) => {
        expect(readCsv(writeCsv([row]))).toEqual([row]);
        for (const c of parseCsv(writeCsv([row]))[0] ?? []) expect(c).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
      }),
      { numRuns: 300 },
    );
  });
});
