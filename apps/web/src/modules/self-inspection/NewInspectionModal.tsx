import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { createInspectionBody, INSPECTION_FREQUENCIES, INSPECTION_FREQUENCY_LABELS, type InspectionDetailDto } from '@zhiben/contracts';
import { App, Button, ConfigProvider, DatePicker, Flex, Form, Grid, Input, Modal, Select, Switch, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { applyFieldErrors } from '../../api/formErrors';
import { useSession } from '../../app/session';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { QueryError } from '../../components/QueryError';
import { useFormLayout } from '../../components/useFormLayout';
import { requiredSelect, zodRule } from '../../lib/formRules';
import { testId } from '../../lib/testId';
import { APP_TZ, dayjs } from '../../lib/time';
import { type ChecklistItem, useChecklist, useCreateInspection } from './selfInspection.api';

interface Values {
  enterpriseId?: string | null;
  title: string;
  frequency: (typeof INSPECTION_FREQUENCIES)[number];
  area?: string;
  plannedDate?: Dayjs | null;
  ledByPrincipal: boolean;
  leaderName?: string;
  ownItems: string[];
}

const shape = createInspectionBody.shape;
const FREQUENCY_OPTIONS = INSPECTION_FREQUENCIES.map((f) => ({ value: f, label: INSPECTION_FREQUENCY_LABELS[f] }));

/** 新建检查: plan a self-inspection from the enterprise's checklist (all items by default) plus its own items. */
export function NewInspectionModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (inspection: InspectionDetailDto) => void;
}) {
  const me = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const layout = useFormLayout(120);
  const phone = Grid.useBreakpoint().sm === false;
  const create = useCreateInspection();
  const ownEnterprise = me.scope.kind === 'enterprise' ? me.scope.enterpriseId : null;
  const pickedEnterprise = Form.useWatch('enterpriseId', form);
  const enterpriseId = ownEnterprise ?? pickedEnterprise ?? null;
  const ledByPrincipal = Form.useWatch('ledByPrincipal', form);
  const checklist = useChecklist(open ? enterpriseId : null);
  const items = checklist.data?.items ?? [];
  // null = the whole checklist (the default, also when the checklist changes).
  const [chosen, setChosen] = useState<string[] | null>(null);
  const selectedKeys = useMemo(() => chosen ?? items.map((i) => i.id), [chosen, items]);
  const [itemsError, setItemsError] = useState<string | null>(null);

  const now = dayjs().tz(APP_TZ);
  const initialValues: Partial<Values> = {
    title: `${now.format('YYYY年M月')}安全自查`,
    frequency: 'monthly',
    plannedDate: now,
    ledByPrincipal: false,
    ownItems: [],
  };

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const ownItems = (values.ownItems ?? []).map((t) => t?.trim() ?? '').filter(Boolean);
    if (selectedKeys.length + ownItems.length === 0) {
      setItemsError('至少选择一项检查内容');
      return;
    }
    const all = chosen === null || selectedKeys.length === items.length;
    try {
      const created = await create.mutateAsync({
        ...(ownEnterprise ? {} : { enterpriseId: values.enterpriseId ?? undefined }),
        title: values.title.trim(),
        frequency: values.frequency,
        area: values.area?.trim() || null,
        plannedDate: values.plannedDate ? values.plannedDate.format('YYYY-MM-DD') : null,
        ledByPrincipal: values.ledByPrincipal,
        leaderName: values.ledByPrincipal ? values.leaderName?.trim() || null : null,
        ...(all ? {} : { standardItemIds: selectedKeys }),
        ownItems,
      });
      message.success(`已创建检查「${created.title}」，共 ${created.counts.total} 项`);
      onCreated(created);
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      open={open}
      title="新建检查"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="创建并开始"
      confirmLoading={create.isPending}
      okButtonProps={testId('inspection-form-submit')}
      cancelButtonProps={testId('inspection-form-cancel')}
      afterClose={() => {
        setChosen(null);
        setItemsError(null);
      }}
      destroyOnHidden
      width={820}
    >
      {/* Phones: 40px controls, easier to hit with a thumb. */}
      <ConfigProvider componentSize={phone ? 'large' : undefined}>
        <Form<Values>
          form={form}
          {...layout}
          preserve={false}
          initialValues={initialValues}
          style={{ marginTop: 16 }}
          data-testid="inspection-form"
          onValuesChange={(changed: Partial<Values>) => {
            if ('enterpriseId' in changed) setChosen(null);
          }}
        >
          {!ownEnterprise && (
            <Form.Item label="企业" name="enterpriseId" rules={[requiredSelect('请选择企业')]} required>
              <EnterpriseSelect data-testid="inspection-form-enterprise" />
            </Form.Item>
          )}
          <Form.Item label="检查名称" name="title" rules={[zodRule(shape.title)]} required>
            <Input maxLength={100} placeholder="如：11月份粉尘防爆专项检查" data-testid="inspection-form-title" />
          </Form.Item>
          <Form.Item label="检查类型" name="frequency" rules={[requiredSelect('请选择检查类型')]} required>
            <Select options={FREQUENCY_OPTIONS} data-testid="inspection-form-frequency" />
          </Form.Item>
          <Form.Item label="部门/区域" name="area" rules={[{ max: 100, message: '不超过 100 字' }]}>
            <Input placeholder="如：砂光车间、除尘系统（可不填）" data-testid="inspection-form-area" />
          </Form.Item>
          <Form.Item label="计划日期" name="plannedDate">
            <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="inspection-form-date" />
          </Form.Item>
          <Form.Item
            label="主要负责人带队"
            name="ledByPrincipal"
            valuePropName="checked"
            extra="主要负责人每季度至少带队检查 1 次，带队检查计入季度落实情况"
          >
            <Switch checkedChildren="是" unCheckedChildren="否" data-testid="inspection-form-led" />
          </Form.Item>
          {ledByPrincipal && (
            <Form.Item label="带队人" name="leaderName" rules={[{ max: 50, message: '不超过 50 字' }]}>
              <Input placeholder="不填默认为企业登记的主要负责人" data-testid="inspection-form-leader" />
            </Form.Item>
          )}
          <Form.Item
            label="清单条款"
            required
            validateStatus={itemsError ? 'error' : undefined}
            help={itemsError ?? undefined}
            extra={
              enterpriseId && checklist.data
                ? `已选 ${selectedKeys.length} / ${items.length} 项（第 ${checklist.data.version} 版清单）`
                : undefined
            }
          >
            {!enterpriseId ? (
              <Typography.Text type="secondary">请先选择企业</Typography.Text>
            ) : checklist.isError ? (
              <QueryError error={checklist.error} onRetry={() => void checklist.refetch()} />
            ) : (
              <Table<ChecklistItem>
                size="small"
                rowKey="id"
                loading={checklist.isLoading}
                dataSource={items}
                pagination={false}
                scroll={{ y: 260 }}
                rowSelection={{
                  selectedRowKeys: selectedKeys,
                  onChange: (keys) => {
                    setChosen(keys.map(String));
                    setItemsError(null);
                  },
                }}
                columns={[
                  { title: '条款', key: 'ref', width: 110, render: (_, i) => `${i.articleLabel}${i.itemLabel}` },
                  {
                    title: '内容',
                    dataIndex: 'text',
                    key: 'text',
                    render: (text: string) => (
                      <Typography.Paragraph style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 2, tooltip: text }}>
                        {text}
                      </Typography.Paragraph>
                    ),
                  },
                ]}
                locale={{ emptyText: '本企业清单暂无条款，可添加自定检查项' }}
                data-testid="inspection-form-items"
              />
            )}
          </Form.Item>
          <Form.Item label="自定检查项" extra="企业自行增加的检查内容；不符合时生成一般隐患">
            <Form.List name="ownItems">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((field, index) => (
                    <Flex key={field.key} gap={8} align="flex-start">
                      <Form.Item
                        name={field.name}
                        noStyle
                        rules={[
                          { required: true, whitespace: true, message: '请填写检查内容，或删除此行' },
                          zodRule(shape.ownItems.unwrap().element),
                        ]}
                      >
                        <Input placeholder={`自定检查项 ${index + 1}，如：消防通道畅通`} data-testid={`inspection-form-own-${index}`} />
                      </Form.Item>
                      <Button type="text" aria-label="删除此检查项" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />
                    </Flex>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => {
                      add('');
                      setItemsError(null);
                    }}
                    data-testid="inspection-form-add-own"
                  >
                    添加自定检查项
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
        </Form>
      </ConfigProvider>
    </Modal>
  );
}
