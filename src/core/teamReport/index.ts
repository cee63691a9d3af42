/**
 * Everything the team-report tool (scripts/team-report.mjs) and the
 * dashboard's Share view use: the report itself and its case for change.
 */
export * from '../teamReport.js';
export * from '../annualBurden.js';
export * from './teamCase.js';
export * from './whatIfs.js';
export * from './caseOutputs.js';
export * from './boardReport.js';
