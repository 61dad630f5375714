export { auditText, provenance } from './audit';
export type { AuditParagraph, AuditProvenance, AuditReport, AuditResult, AuditStatus, AuditSummary, Finding } from './audit';
export { scanNumbers, detectStyle, readNumber } from './numbers';
export type { NumberToken, NumberStyle, UnitId } from './numbers';
export { textParagraphs } from './paragraphs';
