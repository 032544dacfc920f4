import { ENFORCEMENT_DOCUMENT_TYPE_LABELS } from '@zhiben/contracts';
import { chineseDateTime, chineseTime, sameShanghaiDay } from './format.js';
import {
  blank,
  field,
  issuerHeading,
  note,
  numberLine,
  packDocument,
  paragraph,
  sectionHeading,
  signatureLine,
  splitLine,
  title,
} from './layout.js';
import { enterpriseFields, findingItem, officerList } from './parts.js';
import type { InspectionRecordData } from './types.js';

const NAME = ENFORCEMENT_DOCUMENT_TYPE_LABELS.inspection_record;

function inspectionTime(d: InspectionRecordData): string {
  const start = chineseDateTime(d.startedAt);
  if (d.endedAt === null) return start;
  return `${start}至${sameShanghaiDay(d.startedAt, d.endedAt) ? chineseTime(d.endedAt) : chineseDateTime(d.endedAt)}`;
}

/** 现场检查记录: who inspected whom, where and when, and what was found, signed on site by both sides. */
export async function renderInspectionRecord(d: InspectionRecordData): Promise<Buffer> {
  const children = [
    issuerHeading(d.issuer.name),
    title(NAME),
    numberLine(d.number),
    ...enterpriseFields('被检查单位', d.enterprise),
    field('检查场所', d.place),
    field('检查时间', inspectionTime(d)),
    field('检查方式', d.unannounced ? '“四不两直”现场检查（不发通知、不打招呼、不听汇报、不用陪同接待，直奔基层、直插现场）' : '现场检查'),
    blank(),
    paragraph(
      `我们是${d.issuer.name}的行政执法人员${officerList(d.officers)}，这是我们的执法证件（出示证件）。现依法对你单位进行现场检查，请予配合。`,
    ),
    sectionHeading('检查情况：'),
    ...(d.findings.length === 0
      ? [paragraph('经现场检查，未发现安全生产违法行为和事故隐患。')]
      : [paragraph(`经现场检查，发现下列问题（共 ${d.findings.length} 项）：`), ...d.findings.map((f, i) => findingItem(i + 1, f))]),
    ...(d.note ? [sectionHeading('其他情况：'), paragraph(d.note)] : []),
    blank(),
    ...d.officers.map((o) => signatureLine('检查人员', `${o.name}　执法证号：${o.certificateNo}`)),
    signatureLine('被检查单位现场负责人'),
    splitLine('', '年　　月　　日'),
    note('本记录一式两份，一份交被检查单位，一份存档。'),
  ];
  return packDocument(`${NAME} ${d.number}`, children);
}
