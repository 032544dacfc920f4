import {
  type CaseDto,
  createCaseBody,
  INSPECTION_TASK_STATUS_LABELS,
  PENALTY_TYPE_LABELS,
  PENALTY_TYPES,
  type PenaltyInput,
  type PenaltyType,
  penaltyInput,
  principalPenaltyInput,
} from '@zhiben/contracts';
import { App, Checkbox, Divider, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { applyFieldErrors } from '../../api/formErrors';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { useFormLayout } from '../../components/useFormLayout';
import { requiredSelect, zodRule } from '../../lib/formRules';
import { formatDate } from '../../lib/time';
import { useEnterprise } from '../enterprises/enterprises.api';
import { ActionDialog } from '../hazards/ActionDialog';
import { fenOf, submitErrorText, useCreateCase, useEnterpriseTasks } from './cases.api';

interface PenaltyValues {
  types?: PenaltyType[];
  fineYuan?: number | null;
  penaltyBasis?: string;
  principalName?: string;
}

interface Values {
  enterpriseId?: string | null;
  taskId?: string | null;
  facts: string;
  legalBasis: string;
  enterprise: PenaltyValues;
  dual: boolean;
  principal: PenaltyValues;
}

/** The task a case is filed from (检查任务 → 立案): its enterprise is fixed. */
export interface CaseSourceTask {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
}

const shape = createCaseBody.shape;
const MAX_FINE_YUAN = 1_000_000_000;

function toPenalty(v: PenaltyValues): PenaltyInput {
  const types = v.types ?? [];
  return {
    types,
    fineFen: types.includes('fine') ? fenOf(v.fineYuan) : 0,
    penaltyBasis: (v.penaltyBasis ?? '').trim(),
  };
}

/** One party's penalty: kinds (行政处罚法 第九条), the fine in 元 when 罚款 is chosen, and the provision. */
function PenaltyFields({
  prefix,
  testIdPrefix,
  basisHint,
}: {
  prefix: 'enterprise' | 'principal';
  testIdPrefix: string;
  basisHint: string;
}) {
  const form = Form.useFormInstance<Values>();
  const types = Form.useWatch([prefix, 'types'], form) as PenaltyType[] | undefined;
  const fine = types?.includes('fine') ?? false;
  return (
    <>
      <Form.Item
        label="处罚种类"
        name={[prefix, 'types']}
        required
        rules={[{ required: true, type: 'array', min: 1, message: '请选择处罚种类' }]}
      >
        <Checkbox.Group
          options={PENALTY_TYPES.map((t) => ({ value: t, label: PENALTY_TYPE_LABELS[t] }))}
          data-testid={`${testIdPrefix}-types`}
        />
      </Form.Item>
      {fine && (
        <Form.Item
          label="罚款金额"
          name={[prefix, 'fineYuan']}
          required
          rules={[
            { required: true, message: '选择罚款时须填写罚款金额' },
            { type: 'number', min: 0.01, max: MAX_FINE_YUAN, message: '罚款金额应大于 0 元且不超过 10 亿元' },
          ]}
        >
          <InputNumber<number>
            min={0}
            max={MAX_FINE_YUAN}
            precision={2}
            step={1000}
            suffix="元"
            style={{ width: 220 }}
            placeholder="0.00"
            data-testid={`${testIdPrefix}-fine`}
          />
        </Form.Item>
      )}
      <Form.Item label="处罚依据" name={[prefix, 'penaltyBasis']} required rules={[zodRule(penaltyInput.shape.penaltyBasis)]}>
        <Input maxLength={500} placeholder={basisHint} data-testid={`${testIdPrefix}-basis`} />
      </Form.Item>
    </>
  );
}

/**
 * 新建案件 (立案): the enterprise (fixed when filed from a task), optionally the task it comes from, the facts and the
 * provisions violated, the penalty to the enterprise and — 一案双罚 — to its principal (name taken from the registry).
 */
export function CreateCaseDialog({
  open,
  onClose,
  onCreated,
  task,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (c: CaseDto) => void;
  task?: CaseSourceTask;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const layout = useFormLayout(110);
  const create = useCreateCase();
  const picked = Form.useWatch('enterpriseId', form);
  const enterpriseId = task?.enterpriseId ?? picked ?? undefined;
  const dual = Form.useWatch('dual', form) === true;
  const enterprise = useEnterprise(enterpriseId ?? undefined);
  const tasks = useEnterpriseTasks(task ? undefined : (enterpriseId ?? undefined));
  const taskOptions = enterpriseId
    ? (tasks.data?.items ?? [])
        .filter((t) => t.enterpriseId === enterpriseId && t.status !== 'cancelled')
        .map((t) => ({
          value: t.id,
          label: `${formatDate(t.startedAt ?? t.plannedDate)} · ${INSPECTION_TASK_STATUS_LABELS[t.status]}${t.note ? ` · ${t.note}` : ''}`,
        }))
    : [];

  // 一案双罚: the principal named in the enterprise registry, unless the officer already typed a name.
  const principalName = enterprise.data?.id === enterpriseId ? enterprise.data?.principalName : undefined;
  useEffect(() => {
    if (open && principalName && !form.getFieldValue(['principal', 'principalName'])) {
      form.setFieldValue(['principal', 'principalName'], principalName);
    }
  }, [open, principalName, form]);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      const created = await create.mutateAsync({
        enterpriseId: task?.enterpriseId ?? v.enterpriseId ?? '',
        taskId: task?.id ?? v.taskId ?? null,
        facts: v.facts.trim(),
        legalBasis: v.legalBasis.trim(),
        enterprisePenalty: toPenalty(v.enterprise),
        principalPenalty: v.dual ? { ...toPenalty(v.principal), principalName: (v.principal.principalName ?? '').trim() } : null,
      });
      message.success(v.dual ? '已立案（一案双罚：单位和主要负责人）' : '已立案');
      form.resetFields();
      onCreated(created);
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(submitErrorText(error));
    }
  };

  return (
    <ActionDialog
      open={open}
      title="新建案件（立案）"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="立案"
      busy={create.isPending}
      width={780}
      testId="case-create-form"
    >
      <Form<Values>
        form={form}
        {...layout}
        preserve={false}
        autoComplete="off"
        scrollToFirstError
        initialValues={{ dual: false, enterprise: { types: [] }, principal: { types: [] } }}
        onValuesChange={(changed: Partial<Values>) => {
          // The task and the principal belong to the enterprise chosen.
          if ('enterpriseId' in changed) {
            form.setFieldValue('taskId', null);
            form.setFieldValue(['principal', 'principalName'], undefined);
          }
        }}
      >
        {task ? (
          <Form.Item label="企业">
            <Typography.Text strong data-testid="case-create-enterprise-fixed">
              {task.enterpriseName}
            </Typography.Text>
          </Form.Item>
        ) : (
          <>
            <Form.Item label="企业" name="enterpriseId" required rules={[requiredSelect('请选择被处罚企业')]}>
              <EnterpriseSelect data-testid="case-create-enterprise" />
            </Form.Item>
            <Form.Item label="来源检查任务" name="taskId" extra="可选：由检查任务发现的违法行为立案时选择">
              <Select
                allowClear
                disabled={!enterpriseId}
                loading={tasks.isFetching}
                options={taskOptions}
                placeholder={enterpriseId ? '不关联检查任务' : '请先选择企业'}
                notFoundContent="该企业暂无检查任务"
                data-testid="case-create-task"
              />
            </Form.Item>
          </>
        )}
        <Form.Item label="违法事实" name="facts" required rules={[zodRule(shape.facts)]}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={5000}
            showCount
            placeholder="如：经现场检查，该企业熔炼车间 2# 中频炉冷却水系统未设置断水报警装置，经责令限期整改逾期未改正"
            data-testid="case-create-facts"
          />
        </Form.Item>
        <Form.Item label="违法依据" name="legalBasis" required rules={[zodRule(shape.legalBasis)]}>
          <Input
            maxLength={500}
            placeholder="违反的条款，如：《中华人民共和国安全生产法》第三十六条"
            data-testid="case-create-legal-basis"
          />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          对单位的处罚
        </Divider>
        <PenaltyFields
          prefix="enterprise"
          testIdPrefix="case-create-enterprise-penalty"
          basisHint="如：《中华人民共和国安全生产法》第九十九条"
        />

        <Form.Item label="一案双罚" name="dual" valuePropName="checked" extra="同时对未履行安全生产管理职责的主要负责人给予处罚">
          <Switch checkedChildren="是" unCheckedChildren="否" data-testid="case-create-dual" />
        </Form.Item>
        {dual && (
          <>
            <Divider titlePlacement="start" plain>
              对主要负责人的处罚
            </Divider>
            <Form.Item
              label="主要负责人"
              name={['principal', 'principalName']}
              required
              rules={[zodRule(principalPenaltyInput.shape.principalName)]}
              extra={principalName ? '取自企业台账，可修改' : '企业台账中未登记主要负责人，请填写'}
            >
              <Input maxLength={50} style={{ maxWidth: 240 }} data-testid="case-create-principal-name" />
            </Form.Item>
            <PenaltyFields
              prefix="principal"
              testIdPrefix="case-create-principal-penalty"
              basisHint="如：《中华人民共和国安全生产法》第九十五条"
            />
          </>
        )}
      </Form>
    </ActionDialog>
  );
}
