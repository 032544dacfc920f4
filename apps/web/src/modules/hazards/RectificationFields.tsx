import { judgeHazardBody, MAJOR_PLAN_LABELS, type MajorPlan, majorPlanSchema } from '@zhiben/contracts';
import { DatePicker, Form, type FormRule, Grid, Input, InputNumber, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { zodRule } from '../../lib/formRules';
import { beforeToday, dayOf, deadlineDay, fenOf, yuanOf } from './hazardFormat';
import { NAME_ONLY, ResponsibleField, responsibleBody, responsibleInitial } from './ResponsibleField';

const shape = judgeHazardBody.shape;
const PLAN_KEYS = Object.keys(MAJOR_PLAN_LABELS) as (keyof MajorPlan)[];

const PLAN_HINTS: Record<keyof MajorPlan, string> = {
  goals: '要消除的隐患和达到的标准',
  methods: '技术和管理措施、整改步骤',
  fundsMaterials: '资金来源和数额、所需设备材料',
  organization: '牵头负责人、参与部门和人员',
  timeline: '各阶段完成时间和要求',
  safetyMeasures: '整改期间的防范措施、应急处置安排',
};

/** The 五落实 form values (and, for major hazards, the six-part plan and 停产 flag). */
export interface RectificationValues {
  responsible?: string;
  responsibleName?: string;
  measures?: string;
  fundsYuan?: number | null;
  deadline?: Dayjs | null;
  contingencyPlan?: string;
  majorPlan?: Partial<MajorPlan>;
  productionStopped?: boolean;
}

interface Source {
  id: string;
  enterpriseId: string;
  responsibleUserId: string | null;
  responsibleName: string | null;
  measures: string | null;
  fundsFen: number | null;
  deadline: string | null;
  contingencyPlan: string | null;
  majorPlan: MajorPlan | null;
  productionStopped: boolean;
}

/** The form's initial values from the hazard's current 五落实 (empty ones stay empty). */
export function rectificationInitial(h: Source, major: boolean): RectificationValues {
  return {
    ...responsibleInitial(h),
    measures: h.measures ?? undefined,
    fundsYuan: yuanOf(h.fundsFen),
    deadline: deadlineDay(h.deadline),
    contingencyPlan: h.contingencyPlan ?? undefined,
    majorPlan: h.majorPlan ?? undefined,
    // A judged major hazard has the flag; a hazard being judged major must answer the question explicitly.
    productionStopped: major && h.majorPlan ? h.productionStopped : undefined,
  };
}

const trimmedPlan = (plan: Partial<MajorPlan> | undefined): MajorPlan =>
  Object.fromEntries(PLAN_KEYS.map((k) => [k, plan?.[k]?.trim() ?? ''])) as MajorPlan;

/** The 五落实 part of a judge body (every field). */
export function rectificationBody(v: RectificationValues, major: boolean) {
  return {
    ...responsibleBody(v),
    measures: v.measures?.trim() ?? '',
    fundsFen: fenOf(v.fundsYuan ?? 0),
    deadline: v.deadline ? dayOf(v.deadline) : '',
    contingencyPlan: v.contingencyPlan?.trim() || null,
    ...(major ? { majorPlan: trimmedPlan(v.majorPlan), productionStopped: !!v.productionStopped } : {}),
  };
}

/**
 * The changed fields only (调整五落实: "only the fields sent change"). An unchanged deadline is never sent: it may
 * lie in the past already (逾期) and the server refuses past deadlines; and a major hazard's deadline is the bureau's.
 */
export function rectificationChanges(v: RectificationValues, before: RectificationValues, major: boolean, deadlineEditable: boolean) {
  const changes: Record<string, unknown> = {};
  const text = (s: string | undefined) => s?.trim() ?? '';
  if (v.responsible !== before.responsible || (v.responsible === NAME_ONLY && text(v.responsibleName) !== text(before.responsibleName))) {
    Object.assign(changes, responsibleBody(v));
  }
  if (text(v.measures) !== text(before.measures)) changes.measures = text(v.measures);
  if (fenOf(v.fundsYuan ?? 0) !== fenOf(before.fundsYuan ?? 0)) changes.fundsFen = fenOf(v.fundsYuan ?? 0);
  if (deadlineEditable && v.deadline && (!before.deadline || dayOf(v.deadline) !== dayOf(before.deadline))) {
    changes.deadline = dayOf(v.deadline);
  }
  if (text(v.contingencyPlan) !== text(before.contingencyPlan)) changes.contingencyPlan = text(v.contingencyPlan) || null;
  if (major) {
    const plan = trimmedPlan(v.majorPlan);
    const old = trimmedPlan(before.majorPlan);
    if (PLAN_KEYS.some((k) => plan[k] !== old[k])) changes.majorPlan = plan;
    if (v.productionStopped !== undefined && v.productionStopped !== before.productionStopped) {
      changes.productionStopped = v.productionStopped;
    }
  }
  return changes;
}

export function FormSection({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section style={{ marginBottom: 4 }}>
      <Typography.Title level={5} style={{ margin: '8px 0 14px', paddingInlineStart: 8, borderInlineStart: '3px solid #1554ad' }}>
        {title}
        {extra && (
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', marginInlineStart: 8 }}>
            {extra}
          </Typography.Text>
        )}
      </Typography.Title>
      {children}
    </section>
  );
}

const { TextArea } = Input;
const requiredText = (message: string): FormRule => ({ required: true, whitespace: true, message });

/**
 * 五落实 (责任、措施、资金、时限、预案); for a major hazard also the six-part 治理方案 (原总局令第16号《安全生产事故隐患
 * 排查治理暂行规定》) and whether production is stopped in the affected area (both: regulations.md §7).
 */
export function RectificationFields({
  current,
  major,
  deadlineLocked,
  testIdPrefix,
}: {
  current: Pick<Source, 'id' | 'enterpriseId' | 'responsibleUserId' | 'responsibleName'>;
  major: boolean;
  /** A major hazard's deadline is set by the bureau (an enterprise cannot move it to escape 逾期). */
  deadlineLocked?: boolean;
  testIdPrefix: string;
}) {
  // Phones: no keyboard over the calendar; desktop: the date may also be typed (YYYY-MM-DD).
  const phone = Grid.useBreakpoint().md === false;
  return (
    <>
      <FormSection title="五落实" extra="责任、措施、资金、时限、预案">
        <ResponsibleField current={current} testIdPrefix={testIdPrefix} />
        <Form.Item label="整改措施" name="measures" required rules={[zodRule(shape.measures)]}>
          <TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            placeholder="具体的整改方法和步骤"
            data-testid={`${testIdPrefix}-measures`}
          />
        </Form.Item>
        <Form.Item
          label="整改资金"
          name="fundsYuan"
          required
          rules={[
            { required: true, message: '请填写整改资金（无需资金填 0）' },
            { type: 'number', min: 0, max: 1_000_000_000, message: '整改资金应在 0 至 10 亿元之间' },
          ]}
        >
          <InputNumber<number>
            min={0}
            max={1_000_000_000}
            precision={2}
            step={100}
            suffix="元"
            style={{ width: 220 }}
            placeholder="0.00"
            data-testid={`${testIdPrefix}-funds`}
          />
        </Form.Item>
        <Form.Item
          label="整改期限"
          name="deadline"
          required={!deadlineLocked}
          rules={deadlineLocked ? [] : [{ required: true, message: '请选择整改期限' }]}
          extra={deadlineLocked ? '重大隐患的整改期限由区应急管理局确定' : '到期当日 24 时前完成；逾期将逐级提醒'}
        >
          <DatePicker
            disabled={deadlineLocked}
            disabledDate={beforeToday}
            inputReadOnly={phone}
            style={{ width: 220 }}
            placeholder="选择日期"
            data-testid={`${testIdPrefix}-deadline`}
          />
        </Form.Item>
        <Form.Item
          label={major ? '应急预案' : '应急措施'}
          name="contingencyPlan"
          required={major}
          rules={[...(major ? [requiredText('重大隐患须填写应急预案')] : []), { max: 2000, message: '最多 2000 字' }]}
          extra={major ? undefined : '整改完成前的临时防范措施（可不填）'}
        >
          <TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            placeholder="整改期间的防范和应急措施"
            data-testid={`${testIdPrefix}-contingency`}
          />
        </Form.Item>
      </FormSection>
      {major && (
        <FormSection title="重大事故隐患治理方案" extra="六项内容均须填写">
          {PLAN_KEYS.map((key) => (
            <Form.Item
              key={key}
              label={MAJOR_PLAN_LABELS[key]}
              name={['majorPlan', key]}
              required
              rules={[zodRule(majorPlanSchema.shape[key])]}
            >
              <TextArea
                autoSize={{ minRows: 1, maxRows: 5 }}
                maxLength={2000}
                placeholder={PLAN_HINTS[key]}
                data-testid={`${testIdPrefix}-plan-${key}`}
              />
            </Form.Item>
          ))}
          <Form.Item
            label="停产停业"
            name="productionStopped"
            required
            rules={[{ required: true, message: '请说明是否停产停业（或停止使用相关设施设备）' }]}
            extra="整改前或整改中无法保证安全的，应停产停业或停止使用相关设施、设备"
          >
            <Radio.Group
              options={[
                { value: true, label: '已停产停业/停止使用' },
                { value: false, label: '未停产' },
              ]}
              data-testid={`${testIdPrefix}-production-stopped`}
            />
          </Form.Item>
        </FormSection>
      )}
    </>
  );
}
