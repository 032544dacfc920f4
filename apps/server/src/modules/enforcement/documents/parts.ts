import type { Paragraph } from 'docx';
import { field, numbered, run } from './layout.js';
import type { DocumentEnterprise, DocumentFinding, DocumentOfficer } from './types.js';

/** The header block naming the enterprise (被检查单位 / 被处罚单位 …). */
export const enterpriseFields = (role: string, e: DocumentEnterprise): Paragraph[] => [
  field(role, e.name),
  field('统一社会信用代码', e.creditCode),
  field('地址', e.address),
  field('法定代表人（主要负责人）', e.principalName),
  field('联系电话', e.phone),
];

/** 张三（执法证号：14040001）、李四（执法证号：14040002）. */
export const officerList = (officers: readonly DocumentOfficer[]) =>
  officers.map((o) => `${o.name}（执法证号：${o.certificateNo}）`).join('、');

/** One finding: what, where, whether it is a 重大事故隐患 (with its 令10 item), and the provision violated. */
export function findingItem(index: number, f: DocumentFinding): Paragraph {
  const where = f.location ? `（部位：${f.location}）` : '';
  const major = f.major ? [run(`【重大事故隐患${f.standardItemLabel ? `，判定依据：${f.standardItemLabel}` : ''}】`, { bold: true })] : [];
  const description = f.description.trim().replace(/[。；;，,]+$/, '');
  return numbered(index, [run(`${description}${where}`), ...major, run(`。违反：${f.legalBasis}。`)]);
}
