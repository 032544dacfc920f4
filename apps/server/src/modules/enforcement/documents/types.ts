import type { PenaltyType } from '@zhiben/contracts';

/**
 * Plain data the enforcement documents are rendered from. The service maps its records to these; the renderers
 * know nothing of the database. Dates are local dates 'YYYY-MM-DD'; instants are ISO strings with an offset.
 */

export interface DocumentIssuer {
  /** The enforcing authority, e.g. 长治市上党区应急管理局. */
  name: string;
  /** Where an administrative review (行政复议) is applied for, e.g. 长治市上党区人民政府. */
  reviewAuthority: string;
  /** Where an administrative suit (行政诉讼) is filed, e.g. 长治市上党区人民法院. */
  court: string;
}

export interface DocumentEnterprise {
  name: string;
  address: string | null;
  creditCode: string;
  /** 法定代表人（主要负责人）. */
  principalName: string | null;
  phone: string | null;
}

export interface DocumentOfficer {
  name: string;
  /** 行政执法证号. */
  certificateNo: string;
}

export interface DocumentFinding {
  description: string;
  location: string | null;
  /** The provision violated. */
  legalBasis: string;
  /** 重大事故隐患. */
  major: boolean;
  /** The 令10 item a major finding matches, e.g. 第十一条第（六）项. */
  standardItemLabel: string | null;
}

export interface InspectionRecordData {
  type: 'inspection_record';
  number: string;
  issuer: DocumentIssuer;
  enterprise: DocumentEnterprise;
  place: string;
  startedAt: string;
  endedAt: string | null;
  /** 四不两直. */
  unannounced: boolean;
  officers: DocumentOfficer[];
  findings: DocumentFinding[];
  /** Anything else recorded on site. */
  note: string | null;
}

export interface RectificationOrderData {
  type: 'rectification_order';
  number: string;
  issuer: DocumentIssuer;
  enterprise: DocumentEnterprise;
  inspectedOn: string;
  findings: DocumentFinding[];
  /** The provisions the order is made under. */
  legalBasis: string;
  deadline: string;
  requirements: string | null;
  officers: DocumentOfficer[];
  issuedOn: string;
}

export interface ReinspectionItem {
  description: string;
  rectified: boolean;
  note: string | null;
}

export interface ReinspectionOpinionData {
  type: 'reinspection_opinion';
  number: string;
  issuer: DocumentIssuer;
  enterprise: DocumentEnterprise;
  orderNumber: string;
  orderIssuedOn: string;
  deadline: string;
  reinspectedOn: string;
  items: ReinspectionItem[];
  opinion: string;
  officers: DocumentOfficer[];
  issuedOn: string;
}

/** The party of one decision: 一案双罚 gives the enterprise and its principal a decision each. */
export type PenaltyParty =
  | { kind: 'enterprise'; enterprise: DocumentEnterprise }
  | { kind: 'individual'; name: string; position: string; enterpriseName: string; address: string | null };

export interface PenaltyDecisionData {
  type: 'penalty_decision';
  number: string;
  issuer: DocumentIssuer;
  party: PenaltyParty;
  facts: string;
  evidence: string[];
  /** The provisions violated. */
  legalBasis: string;
  /** The provisions the penalty is imposed under. */
  penaltyBasis: string;
  penalties: PenaltyType[];
  fineFen: number;
  /** Where the fine is paid (bank and account, or the e-payment channel). */
  paymentChannel: string | null;
  decidedOn: string;
}

export type EnforcementDocumentData = InspectionRecordData | RectificationOrderData | ReinspectionOpinionData | PenaltyDecisionData;
