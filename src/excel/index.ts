export { readTables } from './read-tables';
export { applyPlan, OWNED_SHEETS_SETTING } from './apply-plan';
export type { ApplyResult } from './apply-plan';
export { generateReport, computeReport } from './generate';
export type { Generation } from './generate';
export { insertSampleTables } from './insert-samples';
export type { SamplesResult } from './insert-samples';
export { selectAddress, splitAddress } from './address';
