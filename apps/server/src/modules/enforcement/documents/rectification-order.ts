import { ENFORCEMENT_DOCUMENT_TYPE_LABELS } from '@zhiben/contracts';
import { chineseDate } from './format.js';
import {
  blank,
  issuerHeading,
  note,
  numberLine,
  packDocument,
  paragraph,
  rightsNotice,
  run,
  sealBlock,
  signatureLine,
  title,
} from './layout.js';
import { findingItem, officerList } from './parts.js';
import type { RectificationOrderData } from './types.js';

const NAME = ENFORCEMENT_DOCUMENT_TYPE_LABELS.rectification_order;

/** 责令限期整改指令书: the problems found, the provisions, and the deadline by which they must be corrected. */
export async function renderRectificationOrder(d: RectificationOrderData): Promise<Buffer> {
  const children = [
    issuerHeading(d.issuer.name),
    title(NAME),
    numberLine(d.number),
    paragraph(`${d.enterprise.name}：`, { indent: false }),
    paragraph(`经${chineseDate(d.inspectedOn)}现场检查，发现你单位存在下列问题：`),
    ...d.findings.map((f, i) => findingItem(i + 1, f)),
    paragraph([
      run(`依据${d.legalBasis}的规定，现责令你单位对上述问题于`),
      run(`${chineseDate(d.deadline)}`, { bold: true }),
      run('前整改完毕，达到有关法律法规规章和标准规定的要求。由此造成事故的，依法追究有关人员的责任。'),
    ]),
    ...(d.requirements ? [paragraph(`整改要求：${d.requirements}`)] : []),
    paragraph(
      '整改期间，你单位应当采取措施，确保安全生产。整改完毕后，请及时报告本机关，本机关将依法进行复查。对逾期未整改的，本机关将依法予以处理。',
    ),
    rightsNotice('指令', d.issuer.reviewAuthority, d.issuer.court),
    blank(),
    signatureLine('行政执法人员', officerList(d.officers)),
    signatureLine('被检查单位负责人'),
    ...sealBlock(d.issuer.name, chineseDate(d.issuedOn)),
    note('本文书一式两份，一份交被检查单位，一份存档。'),
  ];
  return packDocument(`${NAME} ${d.number}`, children);
}
