import type { FindingDto, TaskDetailDto } from '@zhiben/contracts';
import { App, Checkbox, DatePicker, Form, Input, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { applyFieldErrors } from '../../api/formErrors';
import { testId } from '../../lib/testId';
import { dayjs } from '../../lib/time';
import { ActionDialog } from '../hazards/ActionDialog';
import { PhotoField } from '../hazards/PhotoField';
import { useTaskAction, useTaskChecklist } from './enforcement.api';

interface DialogProps {
  task: TaskDetailDto;
  open: boolean;
  onClose: () => void;
}

/** 记录问题: description, place, photos, major flag (then the standard item is required), legal basis. */
export function FindingDialog({ task, open, onClose }: DialogProps) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const mutation = useTaskAction(task.id, 'findings');
  const checklist = useTaskChecklist(task.id, open);
  const major = Form.useWatch('major', form) === true;
  const standardOptions = useMemo(
    () =>
      (checklist.data?.items ?? []).map((i) => ({
        value: i.id,
        label: `${i.articleLabel}${i.itemLabel} ${i.text}`,
        'data-testid': `finding-standard-item-option-${i.key}`,
      })),
    [checklist.data],
  );
  const generalOptions = useMemo(
    () =>
      (checklist.data?.general ?? []).map((g) => ({
        value: g.key,
        label: `${g.key} ${g.text}`,
        legalBasis: g.legalBasis,
        'data-testid': `finding-general-option-${g.key}`,
      })),
    [checklist.data],
  );

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await mutation.mutateAsync({
        description: values.description,
        location: values.location || null,
        photos: values.photos ?? [],
        major: values.major === true,
        standardItemId: values.major ? values.standardItemId : (values.standardItemId ?? null),
        checklistItemKey: values.checklistItemKey ?? null,
        legalBasis: values.legalBasis,
      });
      message.success('已记录检查发现，并转为隐患');
      form.resetFields();
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    }
  };

  return (
    <ActionDialog
      open={open}
      title="记录检查发现"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存"
      busy={mutation.isPending}
      waiting={uploading ? '照片上传中…' : null}
      testId="finding-form"
    >
      <Form form={form} layout="vertical" initialValues={{ major: false, photos: [] }}>
        <Form.Item name="description" label="问题描述" rules={[{ required: true, whitespace: true, message: '请填写问题描述' }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="finding-description" />
        </Form.Item>
        <Form.Item name="location" label="部位">
          <Input maxLength={200} data-testid="finding-location" />
        </Form.Item>
        <Form.Item name="checklistItemKey" label="通用检查内容">
          <Select
            allowClear
            options={generalOptions}
            placeholder="可选：对应的通用检查项（自动带出违法依据）"
            onChange={(key: string | undefined) => {
              const item = generalOptions.find((o) => o.value === key);
              if (item && !form.getFieldValue('legalBasis')) form.setFieldValue('legalBasis', item.legalBasis);
            }}
            data-testid="finding-general"
          />
        </Form.Item>
        <Form.Item name="major" label="重大事故隐患（当场判定）" valuePropName="checked">
          <Switch data-testid="finding-major" />
        </Form.Item>
        <Form.Item
          name="standardItemId"
          label="对应判定标准条款"
          rules={major ? [{ required: true, message: '重大事故隐患须选择对应的判定标准条款' }] : []}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={checklist.isLoading}
            options={standardOptions}
            placeholder="搜索条款号或内容"
            notFoundContent={checklist.isError ? '清单加载失败' : '该企业清单中没有匹配的条款'}
            data-testid="finding-standard-item"
          />
        </Form.Item>
        <Form.Item name="legalBasis" label="违法依据" rules={[{ required: true, whitespace: true, message: '请填写违法依据' }]}>
          <Input maxLength={500} placeholder="如：《中华人民共和国安全生产法》第四十一条" data-testid="finding-legal-basis" />
        </Form.Item>
        <Form.Item name="photos" label="现场照片">
          <PhotoField testIdPrefix="finding-photos" onBusyChange={setUploading} />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}

/** Findings not yet named in an order. */
export function unorderedFindings(task: TaskDetailDto): FindingDto[] {
  const ordered = new Set(task.orders.flatMap((o) => o.findingIds));
  return task.findings.filter((f) => !ordered.has(f.id));
}

/** 下达责令限期整改指令书: the findings, the deadline (after today), the basis and requirements; confirmed. */
export function OrderDialog({ task, open, onClose }: DialogProps) {
  const [form] = Form.useForm();
  const { message, modal } = App.useApp();
  const mutation = useTaskAction(task.id, 'order');
  const candidates = unorderedFindings(task);

  const submit = async () => {
    const values = await form.validateFields();
    const confirmed = await modal.confirm({
      title: '确认下达责令限期整改指令书？',
      content: '指令书将编号并送达企业，下达后不能撤回。',
      okText: '确认下达',
      cancelText: '取消',
      okButtonProps: testId('order-confirm'),
    });
    if (!confirmed) return;
    try {
      await mutation.mutateAsync({
        findingIds: values.findingIds,
        deadline: (values.deadline as Dayjs).format('YYYY-MM-DD'),
        legalBasis: values.legalBasis,
        requirements: values.requirements || null,
      });
      message.success('已下达责令限期整改指令书');
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    }
  };

  return (
    <ActionDialog
      open={open}
      title="下达责令限期整改指令书"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="下达"
      busy={mutation.isPending}
      testId="order-form"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          findingIds: candidates.map((f) => f.id),
          legalBasis: '《中华人民共和国安全生产法》第六十五条第一款第（三）项',
        }}
      >
        <Form.Item name="findingIds" label="须整改的问题" rules={[{ required: true, message: '请选择须整改的问题' }]}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            {candidates.map((f, i) => (
              <Checkbox key={f.id} value={f.id} data-testid={`order-finding-${i}`}>
                {f.major ? '【重大】' : ''}
                {f.description}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="deadline" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => !d.isAfter(dayjs(), 'day')} data-testid="order-deadline" />
        </Form.Item>
        <Form.Item name="legalBasis" label="责令整改依据" rules={[{ required: true, whitespace: true, message: '请填写责令整改依据' }]}>
          <Input maxLength={500} data-testid="order-legal-basis" />
        </Form.Item>
        <Form.Item name="requirements" label="整改要求">
          <Input.TextArea rows={3} maxLength={2000} data-testid="order-requirements" />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}

/** 复查: per finding of the latest order, rectified or not with a note; the opinion; photos (required with a major finding). */
export function ReinspectDialog({ task, open, onClose }: DialogProps) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const mutation = useTaskAction(task.id, 'reinspect');
  const order = task.orders[task.orders.length - 1];
  const findings = task.findings.filter((f) => order?.findingIds.includes(f.id));
  const needsPhotos = findings.some((f) => f.major);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await mutation.mutateAsync({
        findingResults: findings.map((f) => ({
          findingId: f.id,
          rectified: values.results?.[f.id]?.rectified !== false,
          note: values.results?.[f.id]?.note || null,
        })),
        opinion: values.opinion,
        photos: values.photos ?? [],
      });
      message.success('已出具整改复查意见书');
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    }
  };

  return (
    <ActionDialog
      open={open}
      title="整改复查"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="出具复查意见"
      busy={mutation.isPending}
      waiting={uploading ? '照片上传中…' : null}
      testId="reinspect-form"
      width={720}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          results: Object.fromEntries(findings.map((f) => [f.id, { rectified: true }])),
          opinion: '经复查，所列问题均已整改完毕。',
          photos: [],
        }}
      >
        {findings.map((f, i) => (
          <div key={f.id} style={{ marginBottom: 12 }} data-testid={`reinspect-finding-${i}`}>
            <Typography.Text strong>
              {i + 1}. {f.major ? '【重大】' : ''}
              {f.description}
            </Typography.Text>
            <Form.Item name={['results', f.id, 'rectified']} valuePropName="checked" style={{ margin: '4px 0' }}>
              <Switch checkedChildren="已整改" unCheckedChildren="未整改" data-testid={`reinspect-rectified-${i}`} />
            </Form.Item>
            <Form.Item name={['results', f.id, 'note']} style={{ margin: 0 }}>
              <Input placeholder="复查说明（可选）" maxLength={500} data-testid={`reinspect-note-${i}`} />
            </Form.Item>
          </div>
        ))}
        <Form.Item name="opinion" label="复查意见" rules={[{ required: true, whitespace: true, message: '请填写复查意见' }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="reinspect-opinion" />
        </Form.Item>
        <Form.Item
          name="photos"
          label="复查照片"
          rules={needsPhotos ? [{ required: true, type: 'array', min: 1, message: '含重大事故隐患的复查须上传现场照片' }] : []}
        >
          <PhotoField testIdPrefix="reinspect-photos" onBusyChange={setUploading} />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}
