import {
  acceptHazardBody,
  dismissHazardBody,
  HAZARD_TRANSITIONS,
  type HazardDto,
  publishHazardBody,
  rejectHazardBody,
  submitHazardBody,
} from '@zhiben/contracts';
import type { ParseableSchema } from '../../../lib/formRules';

export type EvidenceAction = 'submit' | 'accept' | 'reject' | 'dismiss' | 'publish' | 'unpublish';

export interface EvidenceConfig {
  title: string;
  okText: string;
  okDanger?: boolean;
  intro?: string;
  note: { label: string; required: boolean; placeholder: string; schema: ParseableSchema } | null;
  photos: { mode: 'required' | 'optional' | 'none'; label: string; missing: string; extra?: string };
  /** Irreversible steps (销号) are confirmed once more. */
  confirm?: { title: string; content: string; okText: string };
  success: string;
}

const NO_PHOTOS: EvidenceConfig['photos'] = { mode: 'none', label: '', missing: '' };

/**
 * What each note/photo action asks for. Required notes and photos follow the contracts' bodies and
 * HAZARD_TRANSITIONS (e.g. a major hazard's 复查验收 needs photos; a general one's acceptance does not).
 */
export function evidenceConfig(action: EvidenceAction, hazard: HazardDto): EvidenceConfig {
  const major = hazard.level === 'major';
  const photosRequired = HAZARD_TRANSITIONS[action].photosRequired[hazard.level];
  switch (action) {
    case 'submit':
      return {
        title: '提交整改',
        okText: '提交验收',
        intro: major ? '提交后由区应急管理局复查验收。' : '提交后由企业主要负责人验收。',
        note: {
          label: '整改情况',
          required: true,
          placeholder: '说明已采取的整改措施和完成情况',
          schema: submitHazardBody.shape.note,
        },
        photos: { mode: 'required', label: '整改后照片', missing: '请上传整改后的照片', extra: '拍摄整改后的现场，最多 9 张' },
        success: '已提交整改，等待验收',
      };
    case 'accept':
      return {
        title: major ? '复查验收（重大隐患）' : '验收整改',
        okText: '验收通过并销号',
        note: {
          label: '验收意见',
          required: false,
          placeholder: major ? '如：复查验收合格，同意销号' : '如：验收合格',
          schema: acceptHazardBody.shape.note,
        },
        photos: {
          mode: photosRequired ? 'required' : 'optional',
          label: major ? '复查照片' : '验收照片',
          missing: '重大隐患复查验收须上传现场照片',
          extra: photosRequired ? '重大隐患须上传复查现场照片' : '可不上传',
        },
        confirm: {
          title: '确认验收销号？',
          content: '销号后该隐患闭环结束，不能撤销。请确认整改已全部完成。',
          okText: '确认销号',
        },
        success: '已验收通过，隐患已销号',
      };
    case 'reject':
      return {
        title: '验收退回',
        okText: '退回整改',
        okDanger: true,
        intro: '退回后隐患回到「整改中」，责任人将收到通知。',
        note: { label: '退回原因', required: true, placeholder: '说明哪些整改未达到要求', schema: rejectHazardBody.shape.note },
        photos: { mode: 'optional', label: '现场照片', missing: '', extra: '可上传说明问题的照片' },
        success: '已退回整改',
      };
    case 'dismiss':
      return {
        title: '判定不构成隐患',
        okText: '确认不构成隐患',
        okDanger: true,
        note: { label: '理由', required: true, placeholder: '说明经核实不构成隐患的理由', schema: dismissHazardBody.shape.note },
        photos: NO_PHOTOS,
        confirm: {
          title: '确认不构成隐患？',
          content: '确认后该记录以「不构成隐患」销号，不计入隐患统计，不能撤销。',
          okText: '确认',
        },
        success: '已判定为不构成隐患',
      };
    case 'publish':
      return {
        title: '向社会公布（挂牌）',
        okText: '公布',
        intro: '公布后，企业名称、所属乡镇、判定依据、督办单位和期限将显示在公开页面上（不含人员信息和照片）。',
        note: { label: '说明', required: false, placeholder: '可不填', schema: publishHazardBody.shape.note },
        photos: NO_PHOTOS,
        confirm: { title: '确认向社会公布该重大隐患？', content: '公布后任何人都能在公开页面看到。', okText: '确认公布' },
        success: '已向社会公布',
      };
    case 'unpublish':
      return {
        title: '公布销号（摘牌）',
        okText: '摘牌',
        intro: '该隐患已验收销号。摘牌后，公开页面显示其已整改销号。',
        note: { label: '说明', required: false, placeholder: '可不填', schema: publishHazardBody.shape.note },
        photos: NO_PHOTOS,
        success: '已摘牌',
      };
  }
}
