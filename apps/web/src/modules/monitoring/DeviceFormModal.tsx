import {
  COLLECTOR_TYPE_LABELS,
  COLLECTOR_TYPES,
  type CollectorType,
  type CreateDeviceBody,
  createDeviceBody,
  DEVICE_PROFILES,
  DEVICE_STATUS_LABELS,
  DEVICE_STATUSES,
  type DeviceDto,
  type DeviceStatus,
  type DeviceWithSecret,
  PROFILE_OF_COLLECTOR,
  SIGNALS,
  type SignalCode,
  type UpdateDeviceBody,
  updateDeviceBody,
} from '@zhiben/contracts';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { errorMessage, isApiError } from '../../api/errors';
import { applyFieldErrors } from '../../api/formErrors';
import { useSession } from '../../app/session';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { useFormLayout } from '../../components/useFormLayout';
import { requiredSelect, zodRule } from '../../lib/formRules';
import { testId } from '../../lib/testId';
import { useCreateDevice, useUpdateDevice } from './devices.api';

interface Values {
  enterpriseId?: string | null;
  code: string;
  name: string;
  collectorType: CollectorType | undefined;
  systemName?: string;
  location?: string;
  reportingIntervalS?: number | null;
  optionalSignals: SignalCode[];
  status?: DeviceStatus;
}

const shape = createDeviceBody.shape;
const updateShape = updateDeviceBody.shape;

function optionalOf(type: CollectorType | undefined): readonly SignalCode[] {
  return type ? DEVICE_PROFILES[PROFILE_OF_COLLECTOR[type]].optionalSignals : [];
}

function signalOption(code: SignalCode) {
  const s = SIGNALS[code];
  return { value: code, label: s.unit ? `${s.label}（${s.unit}）` : s.label };
}

/**
 * 新建设备 (no `device`; answers the secret once, through `onCreated`) or 编辑 an existing one. The mandatory signals
 * come with the collector type; the optional ones are picked from the profile's list.
 */
export function DeviceFormModal({
  device,
  onClose,
  onCreated,
}: {
  device?: DeviceDto | undefined;
  onClose: () => void;
  onCreated?: (created: DeviceWithSecret) => void;
}) {
  const me = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const layout = useFormLayout(110);
  const create = useCreateDevice();
  const update = useUpdateDevice();
  const editing = !!device;
  const enterpriseSide = me.scope.kind === 'enterprise';
  const collectorType = Form.useWatch('collectorType', form);
  const optional = optionalOf(collectorType);
  const mandatory = collectorType ? DEVICE_PROFILES[PROFILE_OF_COLLECTOR[collectorType]].mandatorySignals : [];
  const defaultInterval = collectorType ? DEVICE_PROFILES[PROFILE_OF_COLLECTOR[collectorType]].reportingIntervalS : 60;

  // A type change drops the optional signals the new profile does not offer.
  useEffect(() => {
    const picked = form.getFieldValue('optionalSignals') as SignalCode[] | undefined;
    const allowed = new Set(optionalOf(collectorType));
    if (picked?.some((s) => !allowed.has(s)))
      form.setFieldValue(
        'optionalSignals',
        picked.filter((s) => allowed.has(s)),
      );
  }, [collectorType, form]);

  const initialValues: Partial<Values> = device
    ? {
        code: device.code,
        name: device.name,
        collectorType: device.collectorType,
        systemName: device.systemName ?? undefined,
        location: device.location ?? undefined,
        reportingIntervalS: device.reportingIntervalS,
        optionalSignals: device.signals.filter((s) => !device.mandatorySignals.includes(s)) as SignalCode[],
        status: device.status,
      }
    : { collectorType: 'dry', optionalSignals: [] };

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!values.collectorType) return;
    const text = (v: string | undefined) => v?.trim() || null;
    try {
      if (device) {
        const body: UpdateDeviceBody = {
          name: values.name.trim(),
          collectorType: values.collectorType,
          systemName: text(values.systemName),
          location: text(values.location),
          optionalSignals: values.optionalSignals ?? [],
          ...(values.reportingIntervalS ? { reportingIntervalS: values.reportingIntervalS } : {}),
          ...(values.status ? { status: values.status } : {}),
        };
        await update.mutateAsync({ id: device.id, body });
        message.success(`已保存设备「${values.name.trim()}」`);
        onClose();
      } else {
        const body: CreateDeviceBody = {
          code: values.code.trim(),
          name: values.name.trim(),
          collectorType: values.collectorType,
          systemName: text(values.systemName),
          location: text(values.location),
          optionalSignals: values.optionalSignals ?? [],
          ...(values.reportingIntervalS ? { reportingIntervalS: values.reportingIntervalS } : {}),
          ...(!enterpriseSide && values.enterpriseId ? { enterpriseId: values.enterpriseId } : {}),
        };
        const created = await create.mutateAsync(body);
        onCreated?.(created);
      }
    } catch (error) {
      // The code is unique per enterprise: a duplicate shows under it.
      if (!device && isApiError(error) && error.code === 'CONFLICT') {
        form.setFields([{ name: 'code', errors: ['该企业已有相同编号的设备，请换一个编号'] }]);
        return;
      }
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      title={editing ? `编辑设备：${device.name}` : '新建设备'}
      open
      onCancel={onClose}
      onOk={() => void submit()}
      okText={editing ? '保存' : '登记并生成密钥'}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={testId('device-form-submit')}
      cancelButtonProps={testId('device-form-cancel')}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        {...layout}
        initialValues={initialValues}
        preserve={false}
        autoComplete="off"
        style={{ marginTop: 16 }}
        data-testid="device-form"
        onFinish={() => void submit()}
      >
        {editing ? (
          <Form.Item label="所属企业">
            <Typography.Text>{device.enterpriseName}</Typography.Text>
          </Form.Item>
        ) : enterpriseSide ? (
          <Form.Item label="所属企业">
            <Typography.Text>{me.scope.kind === 'enterprise' ? me.scope.enterpriseName : ''}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item label="所属企业" name="enterpriseId" rules={[requiredSelect('请选择设备所属企业')]} required>
            <EnterpriseSelect data-testid="device-form-enterprise" />
          </Form.Item>
        )}
        <Form.Item
          label="设备编号"
          name="code"
          rules={editing ? [] : [zodRule(shape.code)]}
          required={!editing}
          extra={editing ? '编号是设备的登录名，登记后不能修改' : '字母、数字、下划线、点或短横线，如 DC01；同一企业内唯一'}
        >
          <Input disabled={editing} maxLength={32} placeholder="如 DC01" data-testid="device-form-code" />
        </Form.Item>
        <Form.Item label="设备名称" name="name" rules={[zodRule(shape.name)]} required>
          <Input maxLength={60} placeholder="如 1号砂光布袋除尘器" data-testid="device-form-name" />
        </Form.Item>
        <Form.Item label="除尘器类型" name="collectorType" rules={[requiredSelect('请选择除尘器类型（干式、湿式或其他）')]} required>
          <Radio.Group
            optionType="button"
            options={COLLECTOR_TYPES.map((t) => ({ value: t, label: COLLECTOR_TYPE_LABELS[t], ...testId(`device-form-type-${t}`) }))}
          />
        </Form.Item>
        <Form.Item label="必选监测项">
          {mandatory.length ? (
            <Typography.Text data-testid="device-form-mandatory">{mandatory.map((s) => SIGNALS[s].label).join('、')}</Typography.Text>
          ) : (
            <Typography.Text type="secondary">此类设备无国家规定的必选监测项</Typography.Text>
          )}
        </Form.Item>
        <Form.Item label="可选监测项" name="optionalSignals" rules={[zodRule(shape.optionalSignals)]}>
          <Select
            mode="multiple"
            allowClear
            placeholder="如风机运行、火花探测"
            options={optional.map(signalOption)}
            data-testid="device-form-optional"
          />
        </Form.Item>
        <Form.Item label="所属除尘系统" name="systemName" rules={[zodRule(shape.systemName)]} extra="同名系统自动归为一个">
          <Input maxLength={60} placeholder="如 1号除尘系统（砂光）" data-testid="device-form-system" />
        </Form.Item>
        <Form.Item label="安装位置" name="location" rules={[zodRule(shape.location)]}>
          <Input maxLength={100} placeholder="如 砂光车间" data-testid="device-form-location" />
        </Form.Item>
        <Form.Item
          label="上报间隔"
          name="reportingIntervalS"
          rules={[zodRule(updateShape.reportingIntervalS)]}
          extra="离线判定按上报间隔的倍数计算"
        >
          <InputNumber
            min={1}
            max={86_400}
            precision={0}
            placeholder={`默认 ${defaultInterval}`}
            suffix="秒"
            style={{ width: 180 }}
            data-testid="device-form-interval"
          />
        </Form.Item>
        {editing && (
          <Form.Item label="状态" name="status">
            <Radio.Group
              optionType="button"
              options={DEVICE_STATUSES.map((s) => ({ value: s, label: DEVICE_STATUS_LABELS[s], ...testId(`device-form-status-${s}`) }))}
            />
          </Form.Item>
        )}
        {editing && device.status === 'active' && (
          <Form.Item noStyle shouldUpdate={(a, b) => a.status !== b.status}>
            {({ getFieldValue }) =>
              getFieldValue('status') === 'disabled' && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title="停用后设备上报的数据将被拒收，且不再产生报警；在用除尘器停用监测属于监测报警设施失效（第十四条）。"
                />
              )
            }
          </Form.Item>
        )}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
