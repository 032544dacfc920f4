import { CHANNEL_KIND_LABELS, CHANNEL_KINDS, type ChannelDto, type ChannelKind, channelTargetProblem } from '@zhiben/contracts';
import { App, Form, Input, Modal, Radio, Select, Switch, Typography } from 'antd';
import { errorMessage } from '../../api/errors';
import { applyFieldErrors } from '../../api/formErrors';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { useFormLayout } from '../../components/useFormLayout';
import { requiredSelect } from '../../lib/formRules';
import { testId } from '../../lib/testId';
import { useRegions } from '../regions/regions.api';
import { useCreateChannel, useUpdateChannel } from './channels.api';

type OwnerType = 'bureau' | 'region' | 'enterprise';

interface Values {
  ownerType: OwnerType;
  regionId?: string | null;
  enterpriseId?: string | null;
  kind?: ChannelKind;
  target?: string;
  active: boolean;
}

export const TARGET_PLACEHOLDERS: Record<ChannelKind, string> = {
  wecom: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
  dingtalk: 'https://oapi.dingtalk.com/robot/send?access_token=…',
  email: 'anquan@example.gov.cn',
};

const TARGET_HELP: Record<ChannelKind, string> = {
  wecom: '在企业微信群中添加「群机器人」后复制其 Webhook 地址',
  dingtalk:
    '在钉钉群设置中添加「自定义机器人」后复制其 Webhook 地址；安全设置请选择“自定义关键词”并填写“治本平台”（每条消息末尾都带有这几个字）',
  email: '通过系统配置的 SMTP 服务器发送；未配置 SMTP 时邮件渠道不会发送',
};

/** 新增 (no `channel`) or 修改 a channel: the receiver and the type are fixed once created, the address and state are not. */
export function ChannelFormModal({ open, channel, onClose }: { open: boolean; channel?: ChannelDto | undefined; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const layout = useFormLayout(112);
  const { message } = App.useApp();
  const regions = useRegions(open);
  const create = useCreateChannel();
  const update = useUpdateChannel();
  const ownerType = Form.useWatch('ownerType', form);
  const watchedKind = Form.useWatch('kind', form);
  const kind = channel?.kind ?? watchedKind;

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const target = values.target?.trim() ?? '';
    try {
      if (channel) {
        await update.mutateAsync({ id: channel.id, body: { active: values.active, ...(target ? { target } : {}) } });
        message.success('已保存推送渠道');
      } else {
        let owner = 'bureau';
        if (values.ownerType === 'region') {
          const path = regions.data?.items.find((r) => r.id === values.regionId)?.path;
          if (!path) {
            form.setFields([{ name: 'regionId', errors: ['请选择乡镇（街道）或园区'] }]);
            return;
          }
          owner = path;
        } else if (values.ownerType === 'enterprise') {
          owner = values.enterpriseId ?? '';
        }
        if (!values.kind) return;
        await create.mutateAsync({ owner, kind: values.kind, target, active: values.active });
        message.success('已新增推送渠道');
      }
      onClose();
    } catch (error) {
      // The server names `owner` for a receiver that does not exist: show it under the picker in use.
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      title={channel ? `修改推送渠道：${channel.ownerName} · ${CHANNEL_KIND_LABELS[channel.kind]}` : '新增推送渠道'}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={channel ? '保存' : '新增'}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={testId('channel-form-submit')}
      destroyOnHidden
      width={620}
    >
      <Form<Values>
        form={form}
        {...layout}
        preserve={false}
        autoComplete="off"
        initialValues={{ ownerType: 'bureau', active: channel?.active ?? true }}
        style={{ marginTop: 16 }}
        data-testid="channel-form"
        onFinish={() => void submit()}
      >
        {channel ? (
          <>
            <Form.Item label="接收方">
              <Typography.Text>{channel.ownerName}</Typography.Text>
            </Form.Item>
            <Form.Item label="类型">
              <Typography.Text>{CHANNEL_KIND_LABELS[channel.kind]}</Typography.Text>
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item label="接收方" name="ownerType" required>
              <Radio.Group
                options={[
                  { value: 'bureau', label: '区应急管理局' },
                  { value: 'region', label: '乡镇（街道）' },
                  { value: 'enterprise', label: '企业' },
                ]}
                data-testid="channel-form-owner-type"
              />
            </Form.Item>
            {ownerType === 'region' && (
              <Form.Item label="乡镇" name="regionId" rules={[requiredSelect('请选择乡镇（街道）或园区')]} required>
                <RegionTreeSelect data-testid="channel-form-region" />
              </Form.Item>
            )}
            {ownerType === 'enterprise' && (
              <Form.Item label="企业" name="enterpriseId" rules={[requiredSelect('请选择企业')]} required>
                <EnterpriseSelect data-testid="channel-form-enterprise" />
              </Form.Item>
            )}
            <Form.Item label="类型" name="kind" rules={[requiredSelect('请选择渠道类型')]} required>
              <Select
                placeholder="选择渠道类型"
                options={CHANNEL_KINDS.map((k) => ({ value: k, label: CHANNEL_KIND_LABELS[k], ...testId(`channel-kind-${k}`) }))}
                data-testid="channel-form-kind"
              />
            </Form.Item>
          </>
        )}
        <Form.Item
          label={kind === 'email' ? '邮箱地址' : kind ? 'Webhook 地址' : '地址'}
          name="target"
          required={!channel}
          dependencies={['kind']}
          extra={channel ? <span>当前：{channel.target}（密钥已隐藏）。留空则不修改。</span> : kind ? TARGET_HELP[kind] : undefined}
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                const v = value?.trim() ?? '';
                if (!v) {
                  if (channel) return;
                  throw new Error('请填写地址');
                }
                if (kind) {
                  const problem = channelTargetProblem(kind, v);
                  if (problem) throw new Error(problem);
                }
              },
            },
          ]}
        >
          <Input placeholder={kind ? TARGET_PLACEHOLDERS[kind] : '先选择类型'} maxLength={500} data-testid="channel-form-target" />
        </Form.Item>
        <Form.Item label="启用" name="active" valuePropName="checked">
          <Switch checkedChildren="启用" unCheckedChildren="停用" data-testid="channel-form-active" />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
