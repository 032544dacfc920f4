import {
  BUREAU_REPORT_SOURCES,
  createHazardBody,
  ENTERPRISE_REPORT_SOURCES,
  HAZARD_LEVEL_LABELS,
  HAZARD_SOURCE_LABELS,
  type HazardDto,
} from '@zhiben/contracts';
import { App, DatePicker, Form, Grid, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { useFormLayout } from '../../components/useFormLayout';
import { requiredSelect, zodRule } from '../../lib/formRules';
import { dayjs } from '../../lib/time';
import { ActionDialog } from './ActionDialog';
import { useCreateHazard } from './hazards.api';
import { PhotoField } from './PhotoField';
import { StandardItemSelect } from './StandardItemSelect';
import { useActionErrors } from './useActionErrors';

type Source = HazardDto['source'];

interface Values {
  enterpriseId?: string | null;
  source: Source;
  description: string;
  location?: string;
  photos?: string[];
  level: HazardDto['level'];
  standardItemId?: string | null;
  foundAt?: Dayjs | null;
}

const shape = createHazardBody.shape;

/**
 * 新建隐患: enterprise users report on their own enterprise (企业自查 / 其他); the bureau and township officers
 * record what an inspection or online patrol found at an enterprise in their scope. The level is a suggestion
 * (the judgement decides); a suggested 重大 names the standard item. The hazard starts 待判定.
 */
export function CreateHazardDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (h: HazardDto) => void;
}) {
  const me = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const layout = useFormLayout(110);
  const phone = Grid.useBreakpoint().md === false;
  const create = useCreateHazard();
  const onError = useActionErrors();
  const [uploading, setUploading] = useState(false);
  const ownEnterprise = me.scope.kind === 'enterprise' ? me.scope.enterpriseId : null;
  const sources: readonly Source[] = ownEnterprise ? ENTERPRISE_REPORT_SOURCES : BUREAU_REPORT_SOURCES;
  const picked = Form.useWatch('enterpriseId', form);
  const enterpriseId = ownEnterprise ?? picked ?? null;
  const level = Form.useWatch('level', form);
  const canUpload = can(me, 'files.upload');

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      const created = await create.mutateAsync({
        ...(ownEnterprise ? {} : { enterpriseId: v.enterpriseId ?? undefined }),
        source: v.source,
        description: v.description.trim(),
        location: v.location?.trim() || null,
        photos: v.photos ?? [],
        level: v.level,
        standardItemId: v.standardItemId ?? null,
        ...(v.foundAt ? { foundAt: v.foundAt.format() } : {}),
      });
      message.success('已登记隐患，等待判定');
      onCreated(created);
    } catch (error) {
      onError(error, form);
    }
  };

  return (
    <ActionDialog
      open={open}
      title={ownEnterprise ? '上报隐患' : '登记隐患'}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="提交"
      busy={create.isPending}
      waiting={uploading ? '照片上传中…' : null}
      width={720}
      testId="hazard-create-form"
    >
      <Form<Values>
        form={form}
        {...layout}
        preserve={false}
        initialValues={{ source: sources[0], level: 'general', photos: [], foundAt: dayjs() }}
        autoComplete="off"
        scrollToFirstError
        onValuesChange={(changed: Partial<Values>) => {
          // The standard item belongs to the chosen enterprise's checklist.
          if ('enterpriseId' in changed) form.setFieldValue('standardItemId', null);
        }}
      >
        {!ownEnterprise && (
          <Form.Item label="企业" name="enterpriseId" required rules={[requiredSelect('请选择企业')]}>
            <EnterpriseSelect data-testid="hazard-create-enterprise" />
          </Form.Item>
        )}
        <Form.Item label="来源" name="source" required rules={[requiredSelect('请选择隐患来源')]}>
          <Radio.Group options={sources.map((s) => ({ value: s, label: HAZARD_SOURCE_LABELS[s] }))} data-testid="hazard-create-source" />
        </Form.Item>
        <Form.Item label="隐患描述" name="description" required rules={[zodRule(shape.description)]}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            showCount
            placeholder="如：二车间东侧配电箱门未关闭，箱内有裸露线头"
            data-testid="hazard-create-description"
          />
        </Form.Item>
        <Form.Item label="部位/区域" name="location" rules={[{ max: 200, message: '最多 200 字' }]}>
          <Input maxLength={200} placeholder="如：砂光车间、除尘系统（可不填）" data-testid="hazard-create-location" />
        </Form.Item>
        {canUpload && (
          <Form.Item label="现场照片" name="photos" extra="可拍照或选择照片，最多 9 张">
            <PhotoField testIdPrefix="hazard-create-photos" onBusyChange={setUploading} />
          </Form.Item>
        )}
        <Form.Item label="建议等级" name="level" required extra="以判定结果为准；建议为重大隐患的须选择对应的判定标准条款">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'general', label: HAZARD_LEVEL_LABELS.general },
              { value: 'major', label: HAZARD_LEVEL_LABELS.major },
            ]}
            data-testid="hazard-create-level"
          />
        </Form.Item>
        <Form.Item
          label="判定依据"
          name="standardItemId"
          required={level === 'major'}
          rules={[{ required: level === 'major', message: '重大隐患须选择对应的判定标准条款' }]}
        >
          <StandardItemSelect enterpriseId={enterpriseId} testId="hazard-create-standard" />
        </Form.Item>
        <Form.Item
          label="发现时间"
          name="foundAt"
          rules={[
            {
              validator: async (_r, v: Dayjs | null | undefined) => {
                if (v?.isAfter(dayjs().add(1, 'minute'))) throw new Error('发现时间不能晚于当前时间');
              },
            },
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            inputReadOnly={phone}
            style={{ width: 220 }}
            data-testid="hazard-create-found-at"
          />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}
