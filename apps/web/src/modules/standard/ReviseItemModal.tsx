import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { editStandardItemBody, type StandardItemDto } from '@zhiben/contracts';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Switch } from 'antd';
import { errorMessage } from '../../api/errors';
import { applyFieldErrors } from '../../api/formErrors';
import { useFormLayout } from '../../components/useFormLayout';
import { zodRule } from '../../lib/formRules';
import { testId } from '../../lib/testId';
import { type EditStandardItemBody, useEditStandardItem } from './standard.api';
import { itemRef } from './standardLabels';

interface Values {
  text: string;
  verified: boolean;
  penaltyBasis: string | undefined;
  exclusions: string[];
  keywords: string[];
  note: string;
}

const shape = editStandardItemBody.shape;
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** 修订: changes one item of the current version; saving publishes version n+1 (older inspections keep their text). */
export function ReviseItemModal({
  item,
  onClose,
  onPublished,
}: {
  item: StandardItemDto | undefined;
  onClose: () => void;
  onPublished: (item: StandardItemDto) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const layout = useFormLayout(96);
  const edit = useEditStandardItem();

  const submit = async () => {
    if (!item) return;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body: EditStandardItemBody = { note: values.note.trim() };
    const text = values.text.trim();
    const penaltyBasis = values.penaltyBasis?.trim() || null;
    const exclusions = (values.exclusions ?? []).map((e) => e?.trim() ?? '').filter(Boolean);
    const keywords = (values.keywords ?? []).map((k) => k.trim()).filter(Boolean);
    if (text !== item.text) body.text = text;
    if (values.verified !== item.verified) body.verified = values.verified;
    if (penaltyBasis !== item.penaltyBasis) body.penaltyBasis = penaltyBasis;
    if (!sameList(exclusions, item.exclusions)) body.exclusions = exclusions;
    if (!sameList(keywords, item.keywords)) body.keywords = keywords;
    if (Object.keys(body).length === 1) {
      form.setFields([{ name: 'text', errors: ['条款未作任何修改，无需发布新版本'] }]);
      return;
    }
    try {
      const published = await edit.mutateAsync({ id: item.id, body });
      message.success(`已发布第 ${published.version} 版`);
      onPublished(published);
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      open={!!item}
      title={item ? `修订条款：${itemRef(item)}` : ''}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="发布新版本"
      confirmLoading={edit.isPending}
      okButtonProps={testId('standard-revise-submit')}
      cancelButtonProps={testId('standard-revise-cancel')}
      destroyOnHidden
      width={720}
    >
      {item && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ margin: '12px 0 16px' }}
            title={`保存后将以第 ${item.version + 1} 版发布；已开展的检查和已生成的隐患仍显示其所用版本的原文。`}
          />
          <Form<Values>
            form={form}
            {...layout}
            preserve={false}
            initialValues={{
              text: item.text,
              verified: item.verified,
              penaltyBasis: item.penaltyBasis ?? undefined,
              exclusions: item.exclusions,
              keywords: item.keywords,
              note: '',
            }}
            data-testid="standard-revise-form"
          >
            <Form.Item
              label="条款内容"
              name="text"
              rules={[{ required: true, whitespace: true, message: '请填写条款内容' }, zodRule(shape.text)]}
              required
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="standard-revise-text" />
            </Form.Item>
            <Form.Item label="核实状态" name="verified" valuePropName="checked" extra="已与官方文本逐字核对的条款标记为已核实">
              <Switch checkedChildren="已核实" unCheckedChildren="待核实" data-testid="standard-revise-verified" />
            </Form.Item>
            <Form.Item label="处罚依据" name="penaltyBasis" rules={[{ max: 500, message: '不超过 500 字' }]}>
              <Input placeholder="如：《中华人民共和国安全生产法》第一百零二条" allowClear data-testid="standard-revise-penalty" />
            </Form.Item>
            <Form.Item label="除外情形">
              <Form.List name="exclusions">
                {(fields, { add, remove }) => (
                  <Flex vertical gap={8}>
                    {fields.map((field, index) => (
                      <Flex key={field.key} gap={8} align="flex-start">
                        <Form.Item
                          name={field.name}
                          noStyle
                          rules={[
                            { required: true, whitespace: true, message: '请填写除外情形，或删除此行' },
                            { max: 500, message: '不超过 500 字' },
                          ]}
                        >
                          <Input.TextArea
                            autoSize={{ minRows: 1, maxRows: 4 }}
                            placeholder={`除外情形 ${index + 1}`}
                            data-testid={`standard-revise-exclusion-${index}`}
                          />
                        </Form.Item>
                        <Button type="text" aria-label="删除此除外情形" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />
                      </Flex>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} disabled={fields.length >= 20}>
                      添加除外情形
                    </Button>
                  </Flex>
                )}
              </Form.List>
            </Form.Item>
            <Form.Item label="关键词" name="keywords" extra="用于检索，输入后回车添加">
              <Select mode="tags" open={false} suffixIcon={null} placeholder="输入关键词后回车" tokenSeparators={[',', '，', ' ']} />
            </Form.Item>
            <Form.Item label="修订说明" name="note" rules={[zodRule(shape.note)]} required extra="写明修订原因和依据，将记入版本记录">
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 4 }}
                maxLength={500}
                placeholder="如：据省厅 2026 年解读口径，补充除外情形"
                data-testid="standard-revise-note"
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
