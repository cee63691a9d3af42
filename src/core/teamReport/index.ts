/**
 * Everything the team-report tool (scripts/team-report.mjs) and the
 * dashboard's Share view use: the report itself and its case for change.
 */
export * from './contract.js';
export * from './disclosure.js';
export * from './checkFile.js';
export * from './aggregate.js';
export * from './writeJson.js';
export * from './writeCsv.js';
export * from './writeHtml.js';
export * from './reportLabels.js';
export * from './reportDates.js';
export * from './escapeHtml.js';
export * from '../numbers.js';
export * from '../csvCell.js';
export * from '../annualBurden.js';
export * from './teamCase.js';
export * from './whatIfs.js';
export * from './caseOutputs.js';
export * from './boardReport.js';
