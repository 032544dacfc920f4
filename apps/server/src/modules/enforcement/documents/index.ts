import { renderInspectionRecord } from './inspection-record.js';
import { renderPenaltyDecision } from './penalty-decision.js';
import { renderRectificationOrder } from './rectification-order.js';
import { renderReinspectionOpinion } from './reinspection-opinion.js';
import type { EnforcementDocumentData } from './types.js';

export type * from './types.js';
export { renderInspectionRecord, renderPenaltyDecision, renderRectificationOrder, renderReinspectionOpinion };

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Renders any enforcement document to a .docx buffer. */
export function renderEnforcementDocument(data: EnforcementDocumentData): Promise<Buffer> {
  switch (data.type) {
    case 'inspection_record':
      return renderInspectionRecord(data);
    case 'rectification_order':
      return renderRectificationOrder(data);
    case 'reinspection_opinion':
      return renderReinspectionOpinion(data);
    case 'penalty_decision':
      return renderPenaltyDecision(data);
  }
}
