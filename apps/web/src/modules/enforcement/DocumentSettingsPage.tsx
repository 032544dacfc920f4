import {
  DOCUMENT_PREFIX_MAX,
  type DocumentSettingsDto,
  documentIssuerSchema,
  documentNumberPrefixesSchema,
  ENFORCEMENT_DOCUMENT_TYPE_LABELS,
  ENFORCEMENT_DOCUMENT_TYPES,
  type EnforcementDocumentType,
} from '@zhiben/contracts';
import { Alert, App, Button, Card, Descriptions, Flex, Form, type FormRule, Grid, Input, Skeleton, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { errorMessage, isApiError } from '../../api/errors';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useFormLayout } from '../../components/useFormLayout';
import { testId } from '../../lib/testId';
import { formatDateTime } from '../../lib/time';
import { useDocumentSettings, useSaveDocumentSettings } from './document-settings.api';

interface Values {
  issuer: DocumentSettingsDto['issuer'];
  prefixes: DocumentSettingsDto['prefixes'];
  reason: string;
}

const ISSUER_FIELDS = [
  { key: 'name', label: '发文机关', help: '文书抬头和落款（印章）处的机关名称' },
  { key: 'reviewAuthority', label: '行政复议机关', help: '告知当事人申请行政复议的机关' },
  { key: 'court', label: '行政诉讼法院', help: '告知当事人提起行政诉讼的人民法院' },
] as const;

/** The current year in Asia/Shanghai, for the example numbers. */
const thisYear = () => new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());

/** A form rule from the contract's zod schema, so the page says exactly what the server would. */
const zodRule = (schema: { safeParse(value: unknown): { error?: { issues: { message: string }[] } } }): FormRule => ({
  validator: async (_rule, value) => {
    const { error } = schema.safeParse(value ?? '');
    if (error) throw new Error(error.issues[0]?.message ?? '填写不正确');
  },
});

const toValues = (dto: DocumentSettingsDto): Values => ({ issuer: { ...dto.issuer }, prefixes: { ...dto.prefixes }, reason: '' });

/**
 * /enforcement/document-settings — 执法文书设置 (issue #7): the issuing authority, the authorities named for 行政复议 and
 * 行政诉讼, and the number prefix of each document type, as versioned data. Those with `enforcement.documents` (局领导,
 * 系统管理员) save a new revision (rev = current + 1, with a 修改说明); a concurrent save answers 409 and the page
 * reloads. Documents issued before a change keep their wording and number.
 */
export function DocumentSettingsPage() {
  const me = useSession();
  const { message, modal } = App.useApp();
  const phone = Grid.useBreakpoint().md === false;
  const layout = useFormLayout(172);
  const query = useDocumentSettings();
  const save = useSaveDocumentSettings();
  const editable = can(me, 'enforcement.documents');
  const [form] = Form.useForm<Values>();
  const prefixes = Form.useWatch('prefixes', form);
  const data = query.data;
  const year = thisYear();

  useEffect(() => {
    if (data) form.setFieldsValue(toValues(data));
  }, [data, form]);

  const distinctRule = (type: EnforcementDocumentType): FormRule => ({
    validator: async (_rule, value) => {
      const mine = String(value ?? '').trim();
      const other = ENFORCEMENT_DOCUMENT_TYPES.find(
        (t) => t !== type && String(form.getFieldValue(['prefixes', t]) ?? '').trim() === mine && mine !== '',
      );
      if (other && ENFORCEMENT_DOCUMENT_TYPES.indexOf(other) < ENFORCEMENT_DOCUMENT_TYPES.indexOf(type))
        throw new Error(`文号前缀与“${ENFORCEMENT_DOCUMENT_TYPE_LABELS[other]}”相同，各类文书的前缀须不同`);
    },
  });

  const onSave = async (current: DocumentSettingsDto) => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const ok = await modal.confirm({
      title: `保存为第 ${current.rev + 1} 版执法文书设置？`,
      content: '只影响保存后出具的文书；已出具的文书保持原有的发文机关和文号。修改内容记入审计日志。',
      okText: '保存',
      cancelText: '取消',
      okButtonProps: testId('document-settings-confirm'),
    });
    if (!ok) return;
    try {
      const result = await save.mutateAsync({
        rev: current.rev + 1,
        issuer: {
          name: values.issuer.name.trim(),
          reviewAuthority: values.issuer.reviewAuthority.trim(),
          court: values.issuer.court.trim(),
        },
        prefixes: Object.fromEntries(
          ENFORCEMENT_DOCUMENT_TYPES.map((t) => [t, values.prefixes[t].trim()]),
        ) as DocumentSettingsDto['prefixes'],
        reason: values.reason.trim(),
      });
      form.setFieldsValue(toValues(result));
      message.success(`已保存为第 ${result.rev} 版执法文书设置，此后出具的文书按新设置生成`);
    } catch (error) {
      if (isApiError(error) && error.code === 'DOCUMENT_SETTINGS_CONFLICT') {
        modal.warning({
          title: '执法文书设置已被他人修改',
          content: (
            <span data-testid="document-settings-conflict">
              其他人员已保存了新版本，页面已重新加载最新设置。您的修改未保存，请核对后重新填写。
            </span>
          ),
          okText: '知道了',
        });
        const fresh = await query.refetch();
        if (fresh.data) form.setFieldsValue(toValues(fresh.data));
      } else if (isApiError(error) && error.fieldIssues.length > 0) {
        // Server field problems under their fields: ['body', 'prefixes', 'penalty_decision'] → ['prefixes', 'penalty_decision'].
        form.setFields(
          error.fieldIssues
            .filter((i) => i.path[0] === 'body')
            .map((i) => ({ name: i.path.slice(1) as Parameters<typeof form.getFieldValue>[0], errors: [i.message] })),
        );
      } else {
        message.error(errorMessage(error));
      }
    }
  };

  return (
    <Flex vertical gap={phone ? 12 : 16}>
      <PageHeader
        title="执法文书设置"
        description="执法文书上的发文机关、行政复议机关、行政诉讼法院和各类文书的文号前缀；修改只影响此后出具的文书"
        extra={
          data && (
            <Tag color={data.isDefault ? 'orange' : 'blue'} data-testid="document-settings-rev">
              {data.isDefault ? '平台默认（未修改）' : `现行第 ${data.rev} 版`}
            </Tag>
          )
        }
      />
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label="版本">{data.isDefault ? '平台默认' : `第 ${data.rev} 版`}</Descriptions.Item>
              <Descriptions.Item label="修改人">{data.updatedByName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="修改时间">{data.updatedAt ? formatDateTime(data.updatedAt) : '—'}</Descriptions.Item>
            </Descriptions>
            {data.isDefault && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 8 }}
                title={`当前为平台预设的措辞，尚未经区局确认。${editable ? '请核对发文机关名称和文号前缀后保存。' : ''}`}
              />
            )}
            {!editable && (
              <Alert
                type="info"
                showIcon
                style={{ marginTop: 8 }}
                title="您可以查看执法文书设置；修改由局领导（或系统管理员）办理。"
                data-testid="document-settings-readonly"
              />
            )}
          </Card>
          <Form<Values> form={form} {...layout} requiredMark={editable} initialValues={toValues(data)} data-testid="document-settings-form">
            <Flex vertical gap={phone ? 12 : 16}>
              <Card size="small" title="发文机关">
                {ISSUER_FIELDS.map((f) => (
                  <Form.Item
                    key={f.key}
                    name={['issuer', f.key]}
                    label={f.label}
                    extra={editable && f.help}
                    required
                    rules={[zodRule(documentIssuerSchema.shape[f.key])]}
                  >
                    <Input
                      maxLength={60}
                      showCount={editable}
                      readOnly={!editable}
                      variant={editable ? 'outlined' : 'borderless'}
                      style={editable ? undefined : { paddingInline: 0 }}
                      {...testId(`document-settings-${f.key}`)}
                    />
                  </Form.Item>
                ))}
              </Card>
              <Card size="small" title="文号前缀（发文机关代字）">
                <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                  文号格式为“前缀〔年份〕序号号”。{editable && '前缀不能包含〔〕、方括号、数字或空格，各类文书的前缀须不同；'}
                  修改前缀不会重新起号，当年序号继续累计。
                </Typography.Paragraph>
                {ENFORCEMENT_DOCUMENT_TYPES.map((type) => {
                  const prefix = String(prefixes?.[type] ?? '').trim();
                  const valid = documentNumberPrefixesSchema.shape[type].safeParse(prefix).success;
                  return (
                    <Form.Item
                      key={type}
                      name={['prefixes', type]}
                      label={ENFORCEMENT_DOCUMENT_TYPE_LABELS[type]}
                      required
                      dependencies={ENFORCEMENT_DOCUMENT_TYPES.filter((t) => t !== type).map((t) => ['prefixes', t])}
                      rules={[zodRule(documentNumberPrefixesSchema.shape[type]), distinctRule(type)]}
                      extra={
                        <span {...testId(`document-settings-example-${type}`)}>{valid ? `示例：${prefix}〔${year}〕1号` : '示例：—'}</span>
                      }
                    >
                      <Input
                        maxLength={DOCUMENT_PREFIX_MAX}
                        readOnly={!editable}
                        variant={editable ? 'outlined' : 'borderless'}
                        style={editable ? { maxWidth: 240 } : { maxWidth: 240, paddingInline: 0 }}
                        {...testId(`document-settings-prefix-${type}`)}
                      />
                    </Form.Item>
                  );
                })}
              </Card>
              {editable && (
                <Card size="small">
                  <Form.Item
                    name="reason"
                    label="修改说明"
                    required
                    rules={[
                      {
                        validator: async (_rule, value) => {
                          const text = String(value ?? '').trim();
                          if (text.length < 2) throw new Error('请填写修改说明（至少 2 个字）');
                          if (text.length > 500) throw new Error('修改说明最多 500 个字');
                        },
                      },
                    ]}
                  >
                    <Input.TextArea
                      rows={2}
                      maxLength={500}
                      placeholder="例如：按局务会意见更正发文机关名称"
                      {...testId('document-settings-reason')}
                    />
                  </Form.Item>
                  <Flex justify="flex-end" gap={8}>
                    <Button onClick={() => form.setFieldsValue(toValues(data))} {...testId('document-settings-reset')}>
                      还原
                    </Button>
                    <Button type="primary" loading={save.isPending} onClick={() => void onSave(data)} {...testId('document-settings-save')}>
                      保存为第 {data.rev + 1} 版
                    </Button>
                  </Flex>
                </Card>
              )}
            </Flex>
          </Form>
        </>
      )}
    </Flex>
  );
}
