export { CsvSyntaxError, neutraliseFormulaCell, parseCsv, readCsv, restoreFormulaCell, writeCsv } from './csv';
