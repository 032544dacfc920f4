import { ENFORCEMENT_DOCUMENT_TYPE_LABELS, REINSPECTION_RESULT_LABELS, reinspectionResultOf } from '@zhiben/contracts';
import { chineseDate } from './format.js';
import {
  blank,
  issuerHeading,
  note,
  numbered,
  numberLine,
  packDocument,
  paragraph,
  run,
  sealBlock,
  sectionHeading,
  signatureLine,
  title,
} from './layout.js';
import { officerList } from './parts.js';
import type { ReinspectionOpinionData } from './types.js';

const NAME = ENFORCEMENT_DOCUMENT_TYPE_LABELS.reinspection_opinion;

/** 整改复查意见书: the outcome, item by item, of re-inspecting what an order required. */
export async function renderReinspectionOpinion(d: ReinspectionOpinionData): Promise<Buffer> {
  const result = reinspectionResultOf(d.items);
  const conclusion =
    result === 'passed'
      ? '经复查，你单位已按要求完成整改。'
      : '经复查，你单位未按期完成全部整改。对未整改完毕的问题，本机关将依法予以处理，你单位应当立即采取措施继续整改。';
  const children = [
    issuerHeading(d.issuer.name),
    title(NAME),
    numberLine(d.number),
    paragraph(`${d.enterprise.name}：`, { indent: false }),
    paragraph(
      `本机关于${chineseDate(d.orderIssuedOn)}作出了《责令限期整改指令书》（${d.orderNumber}），责令你单位于${chineseDate(d.deadline)}前整改完毕。${chineseDate(d.reinspectedOn)}，本机关对你单位整改情况进行了复查，复查情况如下：`,
    ),
    ...d.items.map((item, i) =>
      numbered(i + 1, [
        run(`${item.description}：`),
        run(item.rectified ? '已整改' : '未整改', { bold: true }),
        ...(item.note ? [run(`（${item.note}）`)] : []),
        run('。'),
      ]),
    ),
    sectionHeading('复查意见：'),
    paragraph(d.opinion),
    paragraph([run(`复查结论：${REINSPECTION_RESULT_LABELS[result]}。`, { bold: true }), run(conclusion)]),
    blank(),
    signatureLine('行政执法人员', officerList(d.officers)),
    signatureLine('被复查单位负责人'),
    ...sealBlock(d.issuer.name, chineseDate(d.issuedOn)),
    note('本文书一式两份，一份交被复查单位，一份存档。'),
  ];
  return packDocument(`${NAME} ${d.number}`, children);
}
