export * from './types';
export { complianceReport } from './report';
export { reportToCsv, reportRows, reportTables, csvNumber, type ReportTable, type ReportCsvOptions } from './csv';
export { nearestRank } from './percentile';
export { weekKeyer } from './week';
export { eDownIncidentsOf } from './e-down';
export { countedAt, severityOrder } from './clock-tally';
