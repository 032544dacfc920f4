import { addLocalItemBody, type Sector, type StandardItemDto } from '@zhiben/contracts';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { errorMessage } from '../../api/errors';
import { applyFieldErrors } from '../../api/formErrors';
import { useFormLayout } from '../../components/useFormLayout';
import { zodRule } from '../../lib/formRules';
import { testId } from '../../lib/testId';
import { useAddLocalItem } from './standard.api';
import { SECTOR_OPTIONS } from './standardLabels';

interface Values {
  text: string;
  sector: Sector | undefined;
  tagsAny: string[];
  source: string;
  penaltyBasis: string | undefined;
  note: string;
}

const shape = addLocalItemBody.shape;

/** 新增地方补充条款: a district item added to the checklists of the enterprises it applies to (publishes a version). */
export function LocalItemModal({
  open,
  tagOptions,
  onClose,
  onPublished,
}: {
  open: boolean;
  tagOptions: { value: string; label: string }[];
  onClose: () => void;
  onPublished: (item: StandardItemDto) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const layout = useFormLayout(96);
  const add = useAddLocalItem();

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      const item = await add.mutateAsync({
        text: values.text.trim(),
        sector: values.sector ?? null,
        tagsAny: values.tagsAny ?? [],
        source: values.source.trim(),
        penaltyBasis: values.penaltyBasis?.trim() || null,
        note: values.note.trim(),
      });
      message.success(`已发布第 ${item.version} 版（新增${item.articleLabel}${item.itemLabel}）`);
      onPublished(item);
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      open={open}
      title="新增地方补充条款"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="发布新版本"
      confirmLoading={add.isPending}
      okButtonProps={testId('standard-local-submit')}
      destroyOnHidden
      width={720}
    >
      <Alert
        type="info"
        showIcon
        style={{ margin: '12px 0 16px' }}
        title="地方补充条款列入符合适用条件企业的检查清单；不选行业和标签即适用于全部工贸企业。"
      />
      <Form<Values> form={form} {...layout} preserve={false} initialValues={{ tagsAny: [] }} data-testid="standard-local-form">
        <Form.Item label="条款内容" name="text" rules={[zodRule(shape.text)]} required>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="standard-local-text" />
        </Form.Item>
        <Form.Item label="适用行业" name="sector" extra="不选 = 不限行业">
          <Select allowClear placeholder="不限行业" options={SECTOR_OPTIONS} />
        </Form.Item>
        <Form.Item label="适用标签" name="tagsAny" extra="企业标注任一所选标签即适用；不选 = 不限标签">
          <Select mode="multiple" allowClear placeholder="不限标签" options={tagOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item label="依据" name="source" rules={[zodRule(shape.source)]} required>
          <Input placeholder="文件名称及条款，如：长治市工贸行业粉尘防爆专项整治方案 第三条" data-testid="standard-local-source" />
        </Form.Item>
        <Form.Item label="处罚依据" name="penaltyBasis">
          <Input allowClear placeholder="可不填" />
        </Form.Item>
        <Form.Item label="修订说明" name="note" rules={[zodRule(shape.note)]} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} data-testid="standard-local-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
