import { ENFORCEMENT_DOCUMENT_TYPE_LABELS, PENALTY_TYPE_LABELS, type PenaltyType } from '@zhiben/contracts';
import { fenToChineseUppercase, formatYuan } from '@zhiben/domain';
import { chineseDate } from './format.js';
import {
  blank,
  field,
  issuerHeading,
  numbered,
  numberLine,
  packDocument,
  paragraph,
  rightsNotice,
  run,
  sealBlock,
  sectionHeading,
  title,
} from './layout.js';
import { enterpriseFields } from './parts.js';
import type { PenaltyDecisionData, PenaltyParty } from './types.js';

const NAME = ENFORCEMENT_DOCUMENT_TYPE_LABELS.penalty_decision;

function partyFields(party: PenaltyParty) {
  if (party.kind === 'enterprise') return enterpriseFields('被处罚单位', party.enterprise);
  return [field('被处罚人', party.name), field('工作单位及职务', `${party.enterpriseName}${party.position}`), field('地址', party.address)];
}

/** 罚款人民币叁万元整（¥30,000.00）; other kinds by their label. */
function penaltyText(type: PenaltyType, fineFen: number): string {
  return type === 'fine' ? `罚款人民币${fenToChineseUppercase(fineFen)}（¥${formatYuan(fineFen)}）` : PENALTY_TYPE_LABELS[type];
}

/**
 * 行政处罚决定书 for one party. Under 一案双罚 the enterprise and its principal each get one, with their own
 * numbers. Payment within 15 days and the 3 % daily surcharge: 行政处罚法 第六十七条、第七十二条.
 */
export async function renderPenaltyDecision(d: PenaltyDecisionData): Promise<Buffer> {
  const you = d.party.kind === 'enterprise' ? '你单位' : '你';
  const children = [
    issuerHeading(d.issuer.name),
    title(NAME),
    numberLine(d.number),
    ...partyFields(d.party),
    sectionHeading('违法事实及证据：'),
    paragraph(d.facts),
    ...(d.evidence.length > 0 ? [paragraph('以上事实有下列证据证明：'), ...d.evidence.map((e, i) => numbered(i + 1, e))] : []),
    paragraph(`${you}的上述行为违反了${d.legalBasis}的规定，依据${d.penaltyBasis}的规定，本机关决定给予${you}以下行政处罚：`),
    ...d.penalties.map((p, i) => numbered(i + 1, [run(penaltyText(p, d.fineFen), { bold: true }), run('。')])),
    ...(d.penalties.includes('fine')
      ? [
          paragraph(
            `罚款限${you}自收到本决定书之日起十五日内${d.paymentChannel ? `缴至${d.paymentChannel}` : '到指定银行或者通过电子支付系统缴纳'}。到期不缴纳罚款的，本机关将依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。`,
          ),
        ]
      : []),
    rightsNotice('决定', d.issuer.reviewAuthority, d.issuer.court),
    blank(),
    ...sealBlock(d.issuer.name, chineseDate(d.decidedOn)),
  ];
  return packDocument(`${NAME} ${d.number}`, children);
}
