import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  DOCX_MIME,
  type DocumentEnterprise,
  type DocumentFinding,
  type DocumentIssuer,
  type DocumentOfficer,
  type InspectionRecordData,
  type PenaltyDecisionData,
  type RectificationOrderData,
  type ReinspectionOpinionData,
  renderEnforcementDocument,
} from '../src/modules/enforcement/documents/index.js';

/** Opens a .docx the way a reader would: unzip, read word/document.xml, and return its paragraphs' text. */
async function openDocx(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (path: string) => {
    const file = zip.file(path);
    if (file === null) throw new Error(`${path} missing`);
    return file.async('string');
  };
  const xml = await read('word/document.xml');
  const xmlText = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => (t[1] === undefined ? '\t' : xmlText(t[1]))).join(''),
  );
  return { zip, xml, paragraphs, text: paragraphs.join('\n'), read };
}

const issuer: DocumentIssuer = { name: '长治市上党区应急管理局', reviewAuthority: '长治市上党区人民政府', court: '长治市上党区人民法院' };
const enterprise: DocumentEnterprise = {
  name: '长治市上党区示范铸造有限公司',
  address: '山西省长治市上党区苏店镇工业园区8号',
  creditCode: '91140404MA0K12345X',
  principalName: '王建国',
  phone: '0355-1234567',
};
const officers: DocumentOfficer[] = [
  { name: '张明', certificateNo: '14040420001' },
  { name: '李华', certificateNo: '14040420002' },
];
const findings: DocumentFinding[] = [
  {
    description: '铝镁粉尘干式除尘系统未设置锁气卸灰装置 <3# 除尘器> & 风管',
    location: '抛光车间',
    legalBasis: '《工贸企业粉尘防爆安全规定》第十三条',
    major: true,
    standardItemLabel: '令10 第十一条第（六）项',
  },
  {
    description: '特种作业人员未持证上岗',
    location: null,
    legalBasis: '《中华人民共和国安全生产法》第三十条第一款',
    major: false,
    standardItemLabel: null,
  },
];

const record: InspectionRecordData = {
  type: 'inspection_record',
  number: '上应急检记〔2026〕3号',
  issuer,
  enterprise,
  place: '熔炼车间、抛光车间',
  startedAt: '2026-03-05T01:30:00Z',
  endedAt: '2026-03-05T03:05:00Z',
  unannounced: true,
  officers,
  findings,
  note: '企业现场负责人对检查发现无异议。',
};
const order: RectificationOrderData = {
  type: 'rectification_order',
  number: '上应急责改〔2026〕12号',
  issuer,
  enterprise,
  inspectedOn: '2026-03-05',
  findings,
  legalBasis: '《中华人民共和国安全生产法》第六十五条第一款第（三）项',
  deadline: '2026-04-30',
  requirements: '重大事故隐患整改期间停止抛光作业。',
  officers,
  issuedOn: '2026-03-05',
};
const opinion: ReinspectionOpinionData = {
  type: 'reinspection_opinion',
  number: '上应急复查〔2026〕7号',
  issuer,
  enterprise,
  orderNumber: '上应急责改〔2026〕12号',
  orderIssuedOn: '2026-03-05',
  deadline: '2026-04-30',
  reinspectedOn: '2026-05-06',
  items: [
    { description: findings[0]?.description ?? '', rectified: true, note: '已加装星型锁气卸灰阀' },
    { description: '特种作业人员未持证上岗', rectified: false, note: '两名焊工仍在培训中' },
  ],
  opinion: '锁气卸灰装置已加装并运行正常；特种作业人员持证问题尚未解决。',
  officers,
  issuedOn: '2026-05-06',
};
const decision: PenaltyDecisionData = {
  type: 'penalty_decision',
  number: '上应急罚〔2026〕5号',
  issuer,
  party: { kind: 'enterprise', enterprise },
  facts: '2026年3月5日，本机关执法人员检查发现你单位铝镁粉尘干式除尘系统未设置锁气卸灰装置，经责令限期整改，逾期仍未整改。',
  evidence: ['现场检查记录（上应急检记〔2026〕3号）', '现场照片 6 张', '询问笔录 2 份'],
  legalBasis: '《中华人民共和国安全生产法》第四十一条第二款',
  penaltyBasis: '《中华人民共和国安全生产法》第一百零二条',
  penalties: ['fine'],
  fineFen: 3_000_000,
  paymentChannel: '中国工商银行长治上党支行（账号 0505 0000 0000 0000 000）',
  decidedOn: '2026-05-20',
};

describe('enforcement documents (.docx)', () => {
  it('现场检查记录 contains the enterprise, the inspection, each finding with its legal basis', async () => {
    const doc = await openDocx(await renderEnforcementDocument(record));
    expect(doc.paragraphs.slice(0, 3)).toEqual(['长治市上党区应急管理局', '现场检查记录', '上应急检记〔2026〕3号']);
    expect(doc.text).toContain('被检查单位：长治市上党区示范铸造有限公司');
    expect(doc.text).toContain('统一社会信用代码：91140404MA0K12345X');
    expect(doc.text).toContain('法定代表人（主要负责人）：王建国');
    // 09:30–11:05 Asia/Shanghai.
    expect(doc.text).toContain('检查时间：2026年3月5日9时30分至11时05分');
    expect(doc.text).toContain('四不两直');
    expect(doc.text).toContain('张明（执法证号：14040420001）、李华（执法证号：14040420002）');
    expect(doc.paragraphs).toContain(
      '1. 铝镁粉尘干式除尘系统未设置锁气卸灰装置 <3# 除尘器> & 风管（部位：抛光车间）【重大事故隐患，判定依据：令10 第十一条第（六）项】。违反：《工贸企业粉尘防爆安全规定》第十三条。',
    );
    expect(doc.paragraphs).toContain('2. 特种作业人员未持证上岗。违反：《中华人民共和国安全生产法》第三十条第一款。');
    expect(doc.text).toContain('企业现场负责人对检查发现无异议。');
    expect(doc.text).toContain('被检查单位现场负责人（签名）');
  });

  it('does not double the full stop of a finding that already ends with one', async () => {
    const finding: DocumentFinding = { ...findings[1], description: '安全警示标志缺失。', location: null } as DocumentFinding;
    const doc = await openDocx(await renderEnforcementDocument({ ...record, findings: [finding] }));
    expect(doc.paragraphs).toContain('1. 安全警示标志缺失。违反：《中华人民共和国安全生产法》第三十条第一款。');
  });

  it('现场检查记录 without findings says so', async () => {
    const doc = await openDocx(await renderEnforcementDocument({ ...record, findings: [], note: null, unannounced: false, endedAt: null }));
    expect(doc.text).toContain('未发现安全生产违法行为和事故隐患');
    expect(doc.text).toContain('检查方式：现场检查');
    expect(doc.text).toContain('检查时间：2026年3月5日9时30分\n');
    expect(doc.text).not.toContain('违反：');
  });

  it('责令限期整改指令书 contains the enterprise, each finding, the legal basis and the deadline', async () => {
    const doc = await openDocx(await renderEnforcementDocument(order));
    expect(doc.paragraphs.slice(1, 3)).toEqual(['责令限期整改指令书', '上应急责改〔2026〕12号']);
    expect(doc.paragraphs).toContain('长治市上党区示范铸造有限公司：');
    for (const f of findings) {
      expect(doc.text).toContain(f.description);
      expect(doc.text).toContain(`违反：${f.legalBasis}`);
    }
    expect(doc.text).toContain(
      '依据《中华人民共和国安全生产法》第六十五条第一款第（三）项的规定，现责令你单位对上述问题于2026年4月30日前整改完毕',
    );
    expect(doc.text).toContain('整改要求：重大事故隐患整改期间停止抛光作业。');
    expect(doc.text).toContain('向长治市上党区人民政府申请行政复议');
    expect(doc.text).toContain('向长治市上党区人民法院提起行政诉讼');
    expect(doc.paragraphs).toContain('长治市上党区应急管理局（印章）');
    expect(doc.paragraphs).toContain('2026年3月5日');
  });

  it('整改复查意见书 contains the order, the deadline and the result item by item', async () => {
    const doc = await openDocx(await renderEnforcementDocument(opinion));
    expect(doc.paragraphs.slice(1, 3)).toEqual(['整改复查意见书', '上应急复查〔2026〕7号']);
    expect(doc.paragraphs).toContain('长治市上党区示范铸造有限公司：');
    expect(doc.text).toContain(
      '本机关于2026年3月5日作出了《责令限期整改指令书》（上应急责改〔2026〕12号），责令你单位于2026年4月30日前整改完毕',
    );
    expect(doc.paragraphs).toContain(`1. ${findings[0]?.description}：已整改（已加装星型锁气卸灰阀）。`);
    expect(doc.paragraphs).toContain('2. 特种作业人员未持证上岗：未整改（两名焊工仍在培训中）。');
    expect(doc.text).toContain('复查结论：未按期整改完毕。');

    const passed = await openDocx(
      await renderEnforcementDocument({ ...opinion, items: opinion.items.map((i) => ({ ...i, rectified: true })) }),
    );
    expect(passed.text).toContain('复查结论：已整改完毕。经复查，你单位已按要求完成整改。');
  });

  it('行政处罚决定书 contains the party, facts, evidence, legal and penalty basis, amount and decision number', async () => {
    const doc = await openDocx(await renderEnforcementDocument(decision));
    expect(doc.paragraphs.slice(1, 3)).toEqual(['行政处罚决定书', '上应急罚〔2026〕5号']);
    expect(doc.text).toContain('被处罚单位：长治市上党区示范铸造有限公司');
    expect(doc.text).toContain('统一社会信用代码：91140404MA0K12345X');
    expect(doc.text).toContain(decision.facts);
    expect(doc.paragraphs).toContain('1. 现场检查记录（上应急检记〔2026〕3号）');
    expect(doc.text).toContain(
      '你单位的上述行为违反了《中华人民共和国安全生产法》第四十一条第二款的规定，依据《中华人民共和国安全生产法》第一百零二条的规定，本机关决定给予你单位以下行政处罚：',
    );
    expect(doc.paragraphs).toContain('1. 罚款人民币叁万元整（¥30,000.00）。');
    expect(doc.text).toContain('十五日内缴至中国工商银行长治上党支行');
    expect(doc.text).toContain('每日按罚款数额的百分之三加处罚款');
    expect(doc.paragraphs).toContain('2026年5月20日');
  });

  it('行政处罚决定书 for the principal (一案双罚) names the person', async () => {
    const doc = await openDocx(
      await renderEnforcementDocument({
        ...decision,
        number: '上应急罚〔2026〕6号',
        party: { kind: 'individual', name: '王建国', position: '主要负责人', enterpriseName: enterprise.name, address: null },
        penaltyBasis: '《中华人民共和国安全生产法》第九十四条第一款',
        penalties: ['warning', 'fine'],
        fineFen: 2_000_000,
      }),
    );
    expect(doc.text).toContain('被处罚人：王建国');
    expect(doc.text).toContain('工作单位及职务：长治市上党区示范铸造有限公司主要负责人');
    expect(doc.text).toContain('你的上述行为违反了');
    expect(doc.paragraphs).toContain('1. 警告。');
    expect(doc.paragraphs).toContain('2. 罚款人民币贰万元整（¥20,000.00）。');
    expect(doc.text).toContain('上应急罚〔2026〕6号');
  });

  it('names the default payment channel when none is given', async () => {
    const doc = await openDocx(await renderEnforcementDocument({ ...decision, paymentChannel: null }));
    expect(doc.text).toContain('十五日内到指定银行或者通过电子支付系统缴纳。');
  });

  it('leaves out the payment paragraph when there is no fine', async () => {
    const doc = await openDocx(await renderEnforcementDocument({ ...decision, penalties: ['warning'], fineFen: 0 }));
    expect(doc.paragraphs).toContain('1. 警告。');
    expect(doc.text).not.toContain('十五日内');
  });

  it('uses the official-document layout: A4, centred title, SimSun and FangSong, page numbers', async () => {
    const doc = await openDocx(await renderEnforcementDocument(order));
    const titleParagraph = [...doc.xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
      .map((m) => m[0])
      .find((p) => p.includes('>责令限期整改指令书<'));
    expect(titleParagraph).toMatch(/<w:jc w:val="center"\/>/);
    expect(titleParagraph).toMatch(/w:eastAsia="SimSun"/);
    expect(titleParagraph).toMatch(/<w:sz w:val="44"\/>/);
    expect(doc.xml).toMatch(/w:eastAsia="FangSong"/);
    expect(doc.xml).toMatch(/<w:pgSz w:w="1190[56]" w:h="1683[78]"/);
    const styles = await doc.read('word/styles.xml');
    expect(styles).toMatch(/w:eastAsia="FangSong"/);
    const footerPath = Object.keys(doc.zip.files).find((p) => /^word\/footer\d*\.xml$/.test(p));
    expect(footerPath).toBeDefined();
    expect(await doc.read(footerPath ?? '')).toContain('PAGE');
    expect(DOCX_MIME).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('refuses a malformed date rather than printing it', async () => {
    await expect(renderEnforcementDocument({ ...order, deadline: '2026/04/30' })).rejects.toThrow(RangeError);
  });
});
