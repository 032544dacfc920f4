import { shanghaiDate } from '@zhiben/domain';
import type { EnterpriseRow } from '../enterprises/enterprises.repository.js';
import { documentEnterprise } from './documents/issue.js';
import type {
  DocumentFinding,
  DocumentOfficer,
  InspectionRecordData,
  RectificationOrderData,
  ReinspectionItem,
  ReinspectionOpinionData,
} from './documents/types.js';
import type { inspectionTasks } from './tables.js';
import type { FindingRow } from './tasks.state.js';

type Task = typeof inspectionTasks.$inferSelect;

/** 令10 item of a major finding as printed: 《工贸企业重大事故隐患判定标准》第十一条第(六)项. */
export function standardItemLabel(item: { articleLabel: string; itemLabel: string } | null): string | null {
  if (!item) return null;
  return `《工贸企业重大事故隐患判定标准》${item.articleLabel}${item.itemLabel ? `第${item.itemLabel}项` : ''}`;
}

export const documentFinding = (f: FindingRow): DocumentFinding => ({
  description: f.description,
  location: f.location,
  legalBasis: f.legalBasis,
  major: f.major,
  standardItemLabel: f.major ? standardItemLabel(f.item) : null,
});

/*
 * The content of the documents; the issuer (发文机关, 复议机关, 法院) is added by `issueDocument` from the 执法文书设置
 * in force in the issuing transaction.
 */

/** 现场检查记录 of a task: everything found on site, from the start until now. */
export function inspectionRecordData(
  number: string,
  task: Task,
  enterprise: EnterpriseRow,
  officers: DocumentOfficer[],
  findings: FindingRow[],
  endedAt: Date,
): Omit<InspectionRecordData, 'issuer'> {
  return {
    type: 'inspection_record',
    number,
    enterprise: documentEnterprise(enterprise),
    place: task.place ?? enterprise.address ?? enterprise.name,
    startedAt: (task.startedAt ?? endedAt).toISOString(),
    endedAt: endedAt.toISOString(),
    unannounced: task.unannounced,
    officers,
    findings: findings.map(documentFinding),
    note: task.note,
  };
}

export function rectificationOrderData(
  number: string,
  input: {
    task: Task;
    enterprise: EnterpriseRow;
    officers: DocumentOfficer[];
    findings: FindingRow[];
    legalBasis: string;
    deadline: string;
    requirements: string | null;
    now: Date;
  },
): Omit<RectificationOrderData, 'issuer'> {
  return {
    type: 'rectification_order',
    number,
    enterprise: documentEnterprise(input.enterprise),
    inspectedOn: shanghaiDate(input.task.startedAt ?? input.now),
    findings: input.findings.map(documentFinding),
    legalBasis: input.legalBasis,
    deadline: input.deadline,
    requirements: input.requirements,
    officers: input.officers,
    issuedOn: shanghaiDate(input.now),
  };
}

export function reinspectionOpinionData(
  number: string,
  input: {
    enterprise: EnterpriseRow;
    officers: DocumentOfficer[];
    order: { documentNumber: string; issuedAt: Date; deadline: string };
    items: ReinspectionItem[];
    opinion: string;
    now: Date;
  },
): Omit<ReinspectionOpinionData, 'issuer'> {
  return {
    type: 'reinspection_opinion',
    number,
    enterprise: documentEnterprise(input.enterprise),
    orderNumber: input.order.documentNumber,
    orderIssuedOn: shanghaiDate(input.order.issuedAt),
    deadline: input.order.deadline,
    reinspectedOn: shanghaiDate(input.now),
    items: input.items,
    opinion: input.opinion,
    officers: input.officers,
    issuedOn: shanghaiDate(input.now),
  };
}
