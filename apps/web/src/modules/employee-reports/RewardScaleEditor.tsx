import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { RewardScaleEntry } from '@zhiben/contracts';
import { App, Button, Flex, Form, Input, InputNumber, Space } from 'antd';
import { errorMessage } from '../../api/errors';
import { useUpdateRewardScale } from './employeeReports.api';
import { yuanToFen } from './reportLabels';

interface Row {
  grade: string;
  yuan: number | null;
}

const MAX_GRADES = 10;

/** 奖励标准 editor: grade names with amounts in 元 (stored as integer fen); at least one grade, names unique. */
export function RewardScaleEditor({
  enterpriseId,
  scale,
  onDone,
}: {
  enterpriseId: string;
  scale: readonly RewardScaleEntry[];
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ rows: Row[] }>();
  const save = useUpdateRewardScale();

  const onFinish = async ({ rows }: { rows: Row[] }) => {
    try {
      await save.mutateAsync({
        enterpriseId,
        value: rows.map((r) => ({ grade: r.grade.trim(), amountFen: yuanToFen(r.yuan ?? 0) })),
      });
      message.success('奖励标准已保存；已记录的奖励金额不变');
      onDone();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Form
      form={form}
      onFinish={onFinish}
      initialValues={{ rows: scale.map((e) => ({ grade: e.grade, yuan: e.amountFen / 100 })) }}
      data-testid="report-scale-form"
    >
      <Form.List
        name="rows"
        rules={[
          {
            validator: async (_, rows: Row[] | undefined) => {
              if (!rows || rows.length === 0) throw new Error('至少设置一个奖励等级');
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={0}>
            {fields.map((field, i) => (
              <Space key={field.key} align="start" style={{ display: 'flex' }}>
                <Form.Item
                  name={[field.name, 'grade']}
                  rules={[
                    { required: true, whitespace: true, message: '请填写等级名称' },
                    { max: 20, message: '不超过 20 个字' },
                    ({ getFieldValue }) => ({
                      validator: async (_, value: string | undefined) => {
                        const names = (getFieldValue('rows') as Row[]).map((r) => r?.grade?.trim());
                        if (value && names.filter((n) => n === value.trim()).length > 1) throw new Error('等级名称不能重复');
                      },
                    }),
                  ]}
                  style={{ width: 150, marginBottom: 12 }}
                >
                  <Input placeholder="等级，如 一般" data-testid={`report-scale-grade-${i}`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'yuan']}
                  rules={[{ required: true, message: '请填写金额' }]}
                  style={{ width: 170, marginBottom: 12 }}
                >
                  <InputNumber
                    min={0}
                    max={1_000_000}
                    precision={2}
                    step={50}
                    suffix="元"
                    style={{ width: '100%' }}
                    data-testid={`report-scale-amount-${i}`}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label="删除此等级"
                  disabled={fields.length <= 1}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Flex gap={8} wrap style={{ marginTop: 4 }}>
              <Button
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_GRADES}
                onClick={() => add({ grade: '', yuan: null })}
                data-testid="report-scale-add"
              >
                添加等级
              </Button>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="report-scale-save">
                保存
              </Button>
              <Button onClick={onDone}>取消</Button>
            </Flex>
          </Flex>
        )}
      </Form.List>
    </Form>
  );
}
