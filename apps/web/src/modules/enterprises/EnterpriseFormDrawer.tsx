import {
  BUREAU_ONLY_ENTERPRISE_FIELDS,
  type CreateEnterpriseBody,
  createEnterpriseBody,
  type EnterpriseDto,
  type Sector,
  type UpdateEnterpriseBody,
} from '@zhiben/contracts';
import {
  App,
  Button,
  DatePicker,
  Drawer,
  Flex,
  Form,
  type FormRule,
  Grid,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { errorMessage } from '../../api/errors';
import { applyFieldErrors } from '../../api/formErrors';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useFormLayout } from '../../components/useFormLayout';
import { requiredSelect, zodRule } from '../../lib/formRules';
import { dayjs } from '../../lib/time';
import { SCALE_OPTIONS, SECTOR_OPTIONS, STANDARDIZATION_OPTIONS, STATUS_OPTIONS, sectorLabel } from './enterpriseLabels';
import { useCreateEnterprise, useUpdateEnterprise } from './enterprises.api';
import { RiskTagPicker } from './RiskTagPicker';
import { tagSelectionProblems, useTagCatalog } from './riskTagCatalog';

interface Values {
  name: string;
  creditCode: string;
  industryCode: string;
  sectorOverride: Sector | null | undefined;
  sectorOverrideReason: string | undefined;
  regionId: string | null | undefined;
  address: string | undefined;
  status: EnterpriseDto['status'] | undefined;
  scale: EnterpriseDto['scale'] | undefined;
  employees: number | null | undefined;
  dustWorkers: number | null | undefined;
  stateOwned: boolean;
  labourIntensive: boolean;
  factoryInFactory: boolean;
  principalName: string | undefined;
  principalPhone: string | undefined;
  safetyManagerName: string | undefined;
  safetyManagerPhone: string | undefined;
  standardizationLevel: EnterpriseDto['standardizationLevel'] | undefined;
  standardizationExpiry: Dayjs | null | undefined;
  riskTags: string[];
  longitude: number | null | undefined;
  latitude: number | null | undefined;
}

const shape = createEnterpriseBody.shape;

function initialValuesOf(e: EnterpriseDto | undefined): Partial<Values> {
  if (!e) {
    return {
      status: 'operating',
      scale: 'below',
      standardizationLevel: 'none',
      dustWorkers: 0,
      stateOwned: false,
      labourIntensive: false,
      factoryInFactory: false,
      riskTags: [],
      sectorOverride: null,
    };
  }
  return {
    name: e.name,
    creditCode: e.creditCode,
    industryCode: e.industryCode,
    sectorOverride: e.sectorOverride,
    sectorOverrideReason: e.sectorOverrideReason ?? undefined,
    regionId: e.regionId,
    address: e.address ?? undefined,
    status: e.status,
    scale: e.scale,
    employees: e.employees,
    dustWorkers: e.dustWorkers,
    stateOwned: e.stateOwned,
    labourIntensive: e.labourIntensive,
    factoryInFactory: e.factoryInFactory,
    principalName: e.principalName ?? undefined,
    principalPhone: e.principalPhone ?? undefined,
    safetyManagerName: e.safetyManagerName ?? undefined,
    safetyManagerPhone: e.safetyManagerPhone ?? undefined,
    standardizationLevel: e.standardizationLevel,
    standardizationExpiry: e.standardizationExpiry ? dayjs(e.standardizationExpiry) : null,
    riskTags: e.riskTags,
    longitude: e.longitude,
    latitude: e.latitude,
  };
}

const blank = (s: string | undefined) => s?.trim() || null;

function bodyOf(v: Values, bureauFields: boolean): CreateEnterpriseBody {
  const level = v.standardizationLevel ?? 'none';
  return {
    name: v.name.trim(),
    creditCode: v.creditCode.trim(),
    industryCode: v.industryCode.trim(),
    regionId: v.regionId ?? '',
    address: blank(v.address),
    scale: v.scale ?? 'below',
    employees: v.employees ?? 0,
    dustWorkers: v.dustWorkers ?? 0,
    principalName: blank(v.principalName),
    principalPhone: blank(v.principalPhone),
    safetyManagerName: blank(v.safetyManagerName),
    safetyManagerPhone: blank(v.safetyManagerPhone),
    status: v.status ?? 'operating',
    standardizationLevel: level,
    standardizationExpiry: level === 'none' || !v.standardizationExpiry ? null : v.standardizationExpiry.format('YYYY-MM-DD'),
    stateOwned: !!v.stateOwned,
    labourIntensive: !!v.labourIntensive,
    factoryInFactory: !!v.factoryInFactory,
    longitude: v.longitude ?? null,
    latitude: v.latitude ?? null,
    riskTags: v.riskTags ?? [],
    ...(bureauFields
      ? { sectorOverride: v.sectorOverride ?? null, sectorOverrideReason: v.sectorOverride ? blank(v.sectorOverrideReason) : null }
      : {}),
  };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section style={{ marginBottom: 8 }}>
      <Typography.Title level={5} style={{ margin: '8px 0 16px', paddingInlineStart: 8, borderInlineStart: '3px solid #1554ad' }}>
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

const LOCKED_HINT = '由区应急管理局维护';

/** 新建企业 (no `enterprise`) or 编辑企业信息; bureau-only fields are read-only for whoever may not change them. */
export function EnterpriseFormDrawer({
  open,
  enterprise,
  onClose,
  onSaved,
}: {
  open: boolean;
  enterprise?: EnterpriseDto | undefined;
  onClose: () => void;
  onSaved?: (saved: EnterpriseDto, created: boolean) => void;
}) {
  const me = useSession();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const layout = useFormLayout(150);
  const [form] = Form.useForm<Values>();
  const { catalog, query: tagsQuery } = useTagCatalog();
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise();
  const editing = !!enterprise;
  const enterpriseUser = me.scope.kind === 'enterprise';
  const bureauFields = enterprise ? enterprise.abilities.updateBureauFields : can(me, 'enterprises.update_bureau_fields');
  const locked = new Set<string>([
    ...(enterpriseUser ? BUREAU_ONLY_ENTERPRISE_FIELDS : []),
    ...(bureauFields ? [] : ['sectorOverride', 'sectorOverrideReason']),
  ]);
  const isLocked = (field: string) => locked.has(field);
  const lockedExtra = (field: string, extra?: ReactNode) => (isLocked(field) ? LOCKED_HINT : extra);

  const sectorOverride = Form.useWatch('sectorOverride', form);
  const level = Form.useWatch('standardizationLevel', form);

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // messages are under the fields
    }
    const full = bodyOf(values, bureauFields);
    try {
      let saved: EnterpriseDto;
      if (enterprise) {
        const body: UpdateEnterpriseBody = { ...full };
        for (const field of locked) delete body[field as keyof UpdateEnterpriseBody];
        saved = await update.mutateAsync({ id: enterprise.id, body });
        message.success(`已保存「${saved.name}」的企业信息`);
      } else {
        saved = await create.mutateAsync(full);
        message.success(`已新建企业「${saved.name}」`);
      }
      onSaved?.(saved, !enterprise);
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    }
  };

  const dustWorkersRule: FormRule = ({ getFieldValue }) => ({
    validator: async (_rule, value: number | null | undefined) => {
      const employees = getFieldValue('employees') as number | null | undefined;
      if (typeof value === 'number' && typeof employees === 'number' && value > employees) {
        throw new Error('涉粉作业人数不能多于从业人数');
      }
    },
  });
  const coordinatesRule: FormRule = ({ getFieldValue }) => ({
    validator: async () => {
      const lng = getFieldValue('longitude') as number | null | undefined;
      const lat = getFieldValue('latitude') as number | null | undefined;
      if ((lng == null) !== (lat == null)) throw new Error('经度和纬度须同时填写');
    },
  });
  const tagsRule: FormRule = {
    validator: async (_rule, value: string[] | undefined) => {
      const problems = tagSelectionProblems(catalog, value ?? []);
      if (problems.length) throw new Error(problems.join('；'));
    },
  };
  const reasonRule: FormRule = ({ getFieldValue }) => ({
    validator: async (_rule, value: string | undefined) => {
      if (getFieldValue('sectorOverride') && (value?.trim().length ?? 0) < 2) throw new Error('指定监管行业须填写理由（至少 2 个字）');
    },
  });

  const title = editing ? `编辑企业信息：${enterprise.name}` : '新建企业';

  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={screens.md === false ? '100%' : 720}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose} data-testid="enterprise-form-cancel">
            取消
          </Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => void submit()}
            data-testid="enterprise-form-submit"
          >
            {editing ? '保存' : '创建'}
          </Button>
        </Flex>
      }
    >
      {enterpriseUser && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          企业名称、统一社会信用代码、行业代码、所属乡镇和标准化等级由区应急管理局维护；如有变化请联系属地监管部门更正。
        </Typography.Paragraph>
      )}
      <Form<Values>
        form={form}
        {...layout}
        initialValues={initialValuesOf(enterprise)}
        preserve={false}
        autoComplete="off"
        scrollToFirstError
        data-testid="enterprise-form"
        onFinish={() => void submit()}
      >
        <Section title="基本信息">
          <Form.Item label="企业名称" name="name" rules={[zodRule(shape.name)]} required extra={lockedExtra('name')}>
            <Input maxLength={100} disabled={isLocked('name')} placeholder="营业执照上的名称" data-testid="enterprise-form-name" />
          </Form.Item>
          <Form.Item
            label="统一社会信用代码"
            name="creditCode"
            rules={[zodRule(shape.creditCode)]}
            required
            extra={lockedExtra('creditCode', '18 位，按 GB 32100-2015 校验；小写和空格会自动规范')}
          >
            <Input maxLength={40} disabled={isLocked('creditCode')} data-testid="enterprise-form-creditCode" />
          </Form.Item>
          <Form.Item
            label="国民经济行业代码"
            name="industryCode"
            rules={[zodRule(shape.industryCode)]}
            required
            extra={lockedExtra(
              'industryCode',
              enterprise
                ? `GB/T 4754-2017；按行业代码归类为「${sectorLabel(enterprise.derivedSector)}」（应急厅〔2019〕17号）`
                : 'GB/T 4754-2017，如 2110；保存时按应急厅〔2019〕17号自动归入监管行业',
            )}
          >
            <Input
              maxLength={6}
              disabled={isLocked('industryCode')}
              placeholder="如 2110 或 C2110"
              data-testid="enterprise-form-industryCode"
            />
          </Form.Item>
          {isLocked('sectorOverride') ? (
            enterprise?.sectorOverride ? (
              <Form.Item label="指定监管行业" extra={LOCKED_HINT}>
                <Typography.Text>
                  {sectorLabel(enterprise.sectorOverride)}
                  {enterprise.sectorOverrideReason ? `（理由：${enterprise.sectorOverrideReason}）` : ''}
                </Typography.Text>
              </Form.Item>
            ) : null
          ) : (
            <>
              <Form.Item label="指定监管行业" name="sectorOverride" extra="行业代码归类不符合企业实际时由区局指定，须说明理由">
                <Select
                  allowClear
                  placeholder="不指定（按行业代码归类）"
                  options={SECTOR_OPTIONS}
                  onChange={(v: Sector | undefined) => form.setFieldValue('sectorOverride', v ?? null)}
                  data-testid="enterprise-form-sectorOverride"
                />
              </Form.Item>
              {sectorOverride && (
                <Form.Item label="指定理由" name="sectorOverrideReason" rules={[reasonRule]} required dependencies={['sectorOverride']}>
                  <Input.TextArea rows={2} maxLength={200} showCount data-testid="enterprise-form-sectorOverrideReason" />
                </Form.Item>
              )}
            </>
          )}
          {isLocked('regionId') ? (
            <Form.Item label="所属乡镇" extra={LOCKED_HINT}>
              <Input value={enterprise?.regionName} disabled data-testid="enterprise-form-region" />
            </Form.Item>
          ) : (
            <Form.Item label="所属乡镇" name="regionId" rules={[requiredSelect('请选择所属乡镇（街道、园区）')]} required>
              <RegionTreeSelect data-testid="enterprise-form-region" />
            </Form.Item>
          )}
          <Form.Item label="详细地址" name="address" rules={[zodRule(shape.address)]}>
            <Input maxLength={200} data-testid="enterprise-form-address" />
          </Form.Item>
          <Form.Item label="生产状态" name="status" rules={[requiredSelect('请选择生产状态')]} required>
            <Select options={STATUS_OPTIONS} data-testid="enterprise-form-status" />
          </Form.Item>
        </Section>

        <Section title="规模与人员">
          <Form.Item label="企业规模" name="scale" rules={[requiredSelect('请选择企业规模')]} required>
            <Select options={SCALE_OPTIONS} data-testid="enterprise-form-scale" />
          </Form.Item>
          <Form.Item
            label="从业人数"
            name="employees"
            rules={[{ required: true, message: '请输入从业人数' }, zodRule(shape.employees)]}
            required
          >
            <InputNumber min={0} precision={0} style={{ width: 200 }} suffix="人" data-testid="enterprise-form-employees" />
          </Form.Item>
          <Form.Item
            label="涉粉作业人数"
            name="dustWorkers"
            dependencies={['employees']}
            rules={[{ required: true, message: '请输入涉粉作业人数' }, zodRule(shape.dustWorkers), dustWorkersRule]}
            required
            extra="从事可燃性粉尘作业的人数，决定监测预警系统接入批次（30 人以上优先）"
          >
            <InputNumber min={0} precision={0} style={{ width: 200 }} suffix="人" data-testid="enterprise-form-dustWorkers" />
          </Form.Item>
          <Form.Item label="企业属性">
            <Space wrap size={[24, 8]}>
              <Space size={6}>
                <Form.Item name="stateOwned" valuePropName="checked" noStyle>
                  <Switch size="small" data-testid="enterprise-form-stateOwned" />
                </Form.Item>
                国有企业
              </Space>
              <Space size={6}>
                <Form.Item name="labourIntensive" valuePropName="checked" noStyle>
                  <Switch size="small" data-testid="enterprise-form-labourIntensive" />
                </Form.Item>
                劳动密集型
              </Space>
              <Space size={6}>
                <Form.Item name="factoryInFactory" valuePropName="checked" noStyle>
                  <Switch size="small" data-testid="enterprise-form-factoryInFactory" />
                </Form.Item>
                厂中厂
              </Space>
            </Space>
          </Form.Item>
        </Section>

        <Section title="负责人">
          <Form.Item label="主要负责人" name="principalName" rules={[zodRule(shape.principalName)]}>
            <Input maxLength={50} data-testid="enterprise-form-principalName" />
          </Form.Item>
          <Form.Item label="主要负责人电话" name="principalPhone" rules={[zodRule(shape.principalPhone)]}>
            <Input maxLength={20} placeholder="手机号或座机，如 0355-1234567" data-testid="enterprise-form-principalPhone" />
          </Form.Item>
          <Form.Item label="安全管理人员" name="safetyManagerName" rules={[zodRule(shape.safetyManagerName)]}>
            <Input maxLength={50} data-testid="enterprise-form-safetyManagerName" />
          </Form.Item>
          <Form.Item label="安全管理人员电话" name="safetyManagerPhone" rules={[zodRule(shape.safetyManagerPhone)]}>
            <Input maxLength={20} data-testid="enterprise-form-safetyManagerPhone" />
          </Form.Item>
        </Section>

        <Section title="标准化">
          <Form.Item
            label="标准化等级"
            name="standardizationLevel"
            rules={[requiredSelect('请选择标准化等级')]}
            required
            extra={lockedExtra('standardizationLevel')}
          >
            <Select
              options={STANDARDIZATION_OPTIONS}
              disabled={isLocked('standardizationLevel')}
              onChange={(v: string) => v === 'none' && form.setFieldValue('standardizationExpiry', null)}
              data-testid="enterprise-form-standardizationLevel"
            />
          </Form.Item>
          <Form.Item
            label="有效期至"
            name="standardizationExpiry"
            extra={lockedExtra('standardizationExpiry', level === 'none' ? '未定级企业不填写' : undefined)}
          >
            <DatePicker
              disabled={isLocked('standardizationExpiry') || level === 'none'}
              style={{ width: 200 }}
              data-testid="enterprise-form-standardizationExpiry"
            />
          </Form.Item>
        </Section>

        <Section title="风险标签">
          <Form.Item name="riskTags" rules={[tagsRule]}>
            <RiskTagPicker catalog={catalog} loading={tagsQuery.isPending} />
          </Form.Item>
        </Section>

        <Section title="位置">
          <Form.Item label="经度" name="longitude" rules={[zodRule(shape.longitude), coordinatesRule]} dependencies={['latitude']}>
            <InputNumber
              min={73}
              max={136}
              step={0.00001}
              style={{ width: 200 }}
              placeholder="如 113.12345"
              data-testid="enterprise-form-longitude"
            />
          </Form.Item>
          <Form.Item label="纬度" name="latitude" rules={[zodRule(shape.latitude), coordinatesRule]} dependencies={['longitude']}>
            <InputNumber
              min={3}
              max={54}
              step={0.00001}
              style={{ width: 200 }}
              placeholder="如 36.05432"
              data-testid="enterprise-form-latitude"
            />
          </Form.Item>
        </Section>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
