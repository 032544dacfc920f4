import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateFindingBody, OfficerDto, PatrolSummaryDto, TaskDetailDto } from '@zhiben/contracts';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Form, Input, List, Row, Skeleton, Switch, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { isApiError } from '../../api/errors';
import { useSession } from '../../app/session';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { formatDateTime } from '../../lib/time';
import { RiskClassTag } from '../classification/RiskClassTag';
import { StandardItemSelect } from '../hazards/StandardItemSelect';
import { submitErrorText } from './cases.api';
import { OfficerSelect, officersQueryKey, useOfficers } from './OfficerSelect';

/** createPatrolBody allows nine co-officers (ten with the caller). */
const MAX_CO_OFFICERS = 9;

/** A failed save in Chinese; an officer problem also names the officers (and is shown under the picker). */
function patrolError(error: unknown, selfId: string, officers: readonly OfficerDto[]): { text: string; officerField?: string } {
  if (isApiError(error) && error.code === 'OFFICER_NOT_ASSIGNABLE') {
    const bad = (error.details as { officerIds?: unknown } | undefined)?.officerIds;
    const ids = Array.isArray(bad) ? bad.filter((id): id is string => typeof id === 'string') : [];
    if (ids.includes(selfId)) return { text: '您本人未登记有效的行政执法证，不能记录线上巡查，请联系管理员登记或续期执法证' };
    const names = ids.map((id) => officers.find((o) => o.id === id)?.displayName ?? '已停用的账号');
    const officerField = `${names.length ? `${names.join('、')}：` : ''}须为区局在用账号且已登记有效的行政执法证，请移除后重试`;
    return { text: `协同执法人员不能指派。${officerField}`, officerField };
  }
  if (isApiError(error) && error.code === 'NOT_FOUND') return { text: '企业不存在或不在您的管辖范围内，请重新选择企业' };
  return { text: submitErrorText(error) };
}

function Summary({ s }: { s: PatrolSummaryDto }) {
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="patrol-summary">
      <Descriptions.Item label="风险等级">
        <RiskClassTag riskClass={s.riskClass} />
      </Descriptions.Item>
      <Descriptions.Item label="上次检查">{s.lastInspection ? formatDateTime(s.lastInspection.startedAt) : '—'}</Descriptions.Item>
      <Descriptions.Item label="监测接入">
        {s.monitoring.required ? '须接入' : '不强制'} · 设备 {s.monitoring.devices} 台，在线 {s.monitoring.activeDevices} 台 · 最近数据{' '}
        {formatDateTime(s.monitoring.lastReadingAt)}
        {s.monitoring.required && s.monitoring.activeDevices === 0 && <Tag color="red">未接入</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label="报警">
        {s.alarms ? `未处置 ${s.alarms.open} 条 · 近30天红色报警 ${s.alarms.red30Days} 次` : '报警数据不可用'}
      </Descriptions.Item>
      <Descriptions.Item label="隐患">
        未销号 {s.hazards.open}（重大 {s.hazards.openMajor}）· 逾期 {s.hazards.overdue} · 待判定 {s.hazards.pendingJudgement} · 待验收{' '}
        {s.hazards.pendingAcceptance}
      </Descriptions.Item>
      <Descriptions.Item label="自查">
        近30天完成 {s.selfInspection.completedLast30Days} 次 · 最近 {formatDateTime(s.selfInspection.lastCompletedAt)} ·{' '}
        {s.selfInspection.quarter} 主要负责人带队 {s.selfInspection.principalLedThisQuarter} 次
      </Descriptions.Item>
    </Descriptions>
  );
}

/** /enforcement/patrol — 线上巡查: review an enterprise remotely and record findings, which enter the hazard loop. */
export function PatrolPage() {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const me = useSession().user;
  const [enterpriseId, setEnterpriseId] = useState<string | null>(null);
  const [coOfficerIds, setCoOfficerIds] = useState<string[]>([]);
  const [officerError, setOfficerError] = useState<string | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const officers = useOfficers();
  const self = officers.data?.items.find((o) => o.id === me.id);
  const selfExcluded = useMemo(() => [me.id], [me.id]);
  const officerNames = [me.displayName, ...coOfficerIds.map((id) => officers.data?.items.find((o) => o.id === id)?.displayName ?? id)];
  const [findings, setFindings] = useState<CreateFindingBody[]>([]);
  const [note, setNote] = useState('');
  const [form] = Form.useForm();
  const major = Form.useWatch('major', form) === true;
  const summary = useQuery({
    queryKey: ['enforcement', 'patrol-summary', enterpriseId],
    queryFn: ({ signal }) =>
      api.get<PatrolSummaryDto>(`/enforcement/enterprises/${encodeURIComponent(enterpriseId ?? '')}/patrol-summary`, undefined, signal),
    enabled: !!enterpriseId,
    staleTime: 0,
  });
  const create = useMutation({
    mutationFn: () => api.post<TaskDetailDto>('/enforcement/patrols', { enterpriseId, coOfficerIds, note: note.trim() || null, findings }),
    onSuccess: (task) => {
      message.success('线上巡查已记录');
      navigate(`/enforcement/tasks/${task.id}`);
    },
    onError: (error) => {
      const e = patrolError(error, me.id, officers.data?.items ?? []);
      setSubmitError(e.text);
      setOfficerError(e.officerField ?? null);
      if (e.officerField) void client.invalidateQueries({ queryKey: officersQueryKey });
      message.error(e.text);
    },
  });

  const addFinding = async () => {
    const v = await form.validateFields();
    setFindings((prev) => [
      ...prev,
      {
        description: v.description,
        location: null,
        photos: [],
        major: v.major === true,
        standardItemId: v.standardItemId ?? null,
        legalBasis: v.legalBasis,
      },
    ]);
    form.resetFields();
  };
  const submit = async () => {
    setSubmitError(null);
    if (self && !self.assignable) {
      setSubmitError('您本人未登记有效的行政执法证，不能记录线上巡查，请联系管理员登记或续期执法证');
      return;
    }
    if (coOfficerIds.length > MAX_CO_OFFICERS) {
      setOfficerError(`协同执法人员最多 ${MAX_CO_OFFICERS} 名`);
      return;
    }
    const pending = ((form.getFieldValue('description') as string | undefined) ?? '').trim();
    const ok = await modal.confirm({
      title: '提交线上巡查记录？',
      content: (
        <Flex vertical gap={4} data-testid="patrol-submit-summary">
          <span>执法人员：{officerNames.join('、')}</span>
          <span>
            {findings.length ? `发现的 ${findings.length} 个问题将转为隐患，进入整改闭环。` : '本次巡查未发现问题，记录后即办结。'}
          </span>
          {findings.length > 0 && coOfficerIds.length === 0 && (
            <span style={{ color: 'var(--ant-color-warning-text, #d46b08)' }}>仅一名执法人员，提交后不能下达责令限期整改指令书。</span>
          )}
          {pending && (
            <span style={{ color: 'var(--ant-color-warning-text, #d46b08)' }}>表单中填写的问题尚未点击“添加问题”，不会提交。</span>
          )}
        </Flex>
      ),
      okText: '提交',
      cancelText: '取消',
      okButtonProps: testId('patrol-submit-confirm'),
    });
    if (ok) create.mutate();
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader title="线上巡查" description="远程查看企业监测接入、报警、隐患台账和自查情况，发现的问题转为隐患进入同一闭环" />
      <Card>
        <Form layout="vertical" component="div">
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Form.Item label="巡查企业" required style={{ marginBottom: 0 }}>
                <EnterpriseSelect
                  value={enterpriseId}
                  onChange={(v) => {
                    setEnterpriseId(v);
                    setFindings([]);
                    setSubmitError(null);
                  }}
                  placeholder="选择巡查的企业"
                  data-testid="patrol-enterprise"
                />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item
                label="协同执法人员"
                style={{ marginBottom: 0 }}
                validateStatus={officerError ? 'error' : undefined}
                help={officerError ?? undefined}
                extra={
                  <span data-testid="patrol-officers-hint">
                    本人（{me.displayName}
                    ）自动作为执法人员。巡查发现问题需下达责令限期整改指令书的，执法人员不得少于两人，请添加至少一名持有效执法证的协同执法人员。
                  </span>
                }
              >
                <OfficerSelect
                  value={coOfficerIds}
                  onChange={(v) => {
                    setCoOfficerIds(v);
                    setOfficerError(null);
                    setSubmitError(null);
                  }}
                  exclude={selfExcluded}
                  maxCount={MAX_CO_OFFICERS}
                  placeholder="选择一同巡查的执法人员（可多选）"
                  data-testid="patrol-co-officers"
                />
              </Form.Item>
            </Col>
          </Row>
          {self && !self.assignable && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 16 }}
              title="您本人未登记有效的行政执法证，不能记录线上巡查，请联系管理员登记或续期执法证"
              data-testid="patrol-self-not-assignable"
            />
          )}
        </Form>
      </Card>
      {enterpriseId && (
        <>
          <Card title="企业概况">
            {summary.isPending ? (
              <Skeleton active />
            ) : summary.isError ? (
              <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
            ) : (
              <Summary s={summary.data} />
            )}
          </Card>
          <Card title="巡查发现">
            {findings.length > 0 && coOfficerIds.length === 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title="当前仅您一名执法人员：提交后不能下达责令限期整改指令书。如需责令整改，请在上方添加协同执法人员。"
                data-testid="patrol-single-officer-warning"
              />
            )}
            {findings.length === 0 ? (
              <Empty description="尚未记录问题" />
            ) : (
              <List
                size="small"
                dataSource={findings}
                data-testid="patrol-findings"
                renderItem={(f, i) => (
                  <List.Item
                    actions={[
                      <Button key="rm" type="link" size="small" onClick={() => setFindings((prev) => prev.filter((_, j) => j !== i))}>
                        删除
                      </Button>,
                    ]}
                  >
                    <span style={{ flex: 1, minWidth: 0 }}>
                      {f.major && <Tag color="red">重大</Tag>}
                      {f.description}（{f.legalBasis}）
                    </span>
                  </List.Item>
                )}
              />
            )}
            <Form form={form} layout="vertical" style={{ marginTop: 16 }} initialValues={{ major: false }}>
              <Form.Item name="description" label="问题描述" rules={[{ required: true, whitespace: true, message: '请填写问题描述' }]}>
                <Input.TextArea rows={2} maxLength={2000} data-testid="patrol-finding-description" />
              </Form.Item>
              <Form.Item name="major" label="重大事故隐患" valuePropName="checked">
                <Switch data-testid="patrol-finding-major" />
              </Form.Item>
              <Form.Item
                name="standardItemId"
                label="对应判定标准条款"
                rules={major ? [{ required: true, message: '重大事故隐患须选择对应的判定标准条款' }] : []}
              >
                <StandardItemSelect enterpriseId={enterpriseId} testId="patrol-finding-standard-item" />
              </Form.Item>
              <Form.Item name="legalBasis" label="违法依据" rules={[{ required: true, whitespace: true, message: '请填写违法依据' }]}>
                <Input maxLength={500} data-testid="patrol-finding-legal-basis" />
              </Form.Item>
              <Button onClick={() => void addFinding()} data-testid="patrol-finding-add">
                添加问题
              </Button>
            </Form>
          </Card>
          <Card title="巡查情况">
            <Input.TextArea rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="patrol-note" />
            {submitError && <Alert type="error" showIcon style={{ marginTop: 12 }} title={submitError} data-testid="patrol-submit-error" />}
            <Flex justify="flex-end" style={{ marginTop: 12 }}>
              <Button type="primary" loading={create.isPending} onClick={() => void submit()} data-testid="patrol-submit">
                提交巡查记录
              </Button>
            </Flex>
          </Card>
        </>
      )}
    </Flex>
  );
}
