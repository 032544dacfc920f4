import { useMutation, useQuery } from '@tanstack/react-query';
import type { CreateFindingBody, PatrolSummaryDto, TaskDetailDto } from '@zhiben/contracts';
import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, List, Skeleton, Switch, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { formatDateTime } from '../../lib/time';
import { RiskClassTag } from '../classification/RiskClassTag';
import { StandardItemSelect } from '../hazards/StandardItemSelect';

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
  const [enterpriseId, setEnterpriseId] = useState<string | null>(null);
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
    mutationFn: () =>
      api.post<TaskDetailDto>('/enforcement/patrols', { enterpriseId, coOfficerIds: [], note: note.trim() || null, findings }),
    onSuccess: (task) => {
      message.success('线上巡查已记录');
      navigate(`/enforcement/tasks/${task.id}`);
    },
    onError: (error) => message.error(errorMessage(error)),
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
    const ok = await modal.confirm({
      title: '提交线上巡查记录？',
      content: findings.length ? `发现的 ${findings.length} 个问题将转为隐患，进入整改闭环。` : '本次巡查未发现问题。',
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
        <EnterpriseSelect
          value={enterpriseId}
          onChange={(v) => {
            setEnterpriseId(v);
            setFindings([]);
          }}
          placeholder="选择巡查的企业"
          data-testid="patrol-enterprise"
        />
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
                    {f.major && <Tag color="red">重大</Tag>}
                    {f.description}（{f.legalBasis}）
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
