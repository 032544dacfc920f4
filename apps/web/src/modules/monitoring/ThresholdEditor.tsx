import { ExclamationCircleOutlined } from '@ant-design/icons';
import type { DeviceThresholdsDto, ThresholdRuleDto } from '@zhiben/contracts';
import { Alert, App, Button, Collapse, Empty, Flex, Input, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/errors';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { formatDateTime } from '../../lib/time';
import { usePutThresholds, useThresholds } from './monitoring.api';
import { ThresholdRuleCard } from './ThresholdRuleCard';
import { checkRule, defaultDraftOf, draftOf, overridesOf, type RuleCheck, ruleChanged, type ThresholdDraft } from './thresholdDraft';

const QUALITY_TYPES = new Set(['stuck_value', 'impossible_value']);

function Article14Banner({ data }: { data: DeviceThresholdsDto }) {
  const flag = data.majorHazard;
  if (!flag) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="threshold-major-hazard"
      title="当前阈值设置构成重大事故隐患（第十四条：监测报警设施失效或设定值超出保护范围）"
      description={
        <Flex vertical gap={2}>
          {flag.reasons.map((r) => (
            <span key={r}>· {r}</span>
          ))}
          {flag.hazardId && (
            <Link to={`/hazards/${flag.hazardId}`} data-testid="threshold-hazard-link">
              查看已记录的重大事故隐患
            </Link>
          )}
        </Flex>
      }
    />
  );
}

/**
 * 阈值设置 of one device: every rule of its profile with the effective values (default, the engineer's override,
 * the bureau's limit). The enterprise's engineer edits within the limits; switching off a mandatory alarm or leaving
 * a limit is allowed after a warning, and the server records it as a 第十四条 major hazard. Read-only for others.
 */
export function ThresholdEditor({ deviceId }: { deviceId: string }) {
  const { message, modal } = App.useApp();
  const query = useThresholds(deviceId);
  const put = usePutThresholds(deviceId);
  const [draft, setDraft] = useState<ThresholdDraft | null>(null);
  const [note, setNote] = useState('');
  const data = query.data;

  // A fresh answer (load, save, another user's change) resets the draft.
  useEffect(() => {
    if (data) setDraft(draftOf(data));
  }, [data]);

  const checks = useMemo(() => {
    const out = new Map<string, RuleCheck>();
    if (!data || !draft) return out;
    for (const r of data.rules) {
      const d = draft[r.ruleId];
      if (d) out.set(r.ruleId, checkRule(r, d));
    }
    return out;
  }, [data, draft]);

  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!data || !draft) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (data.rules.length === 0) return <Empty description="该设备类型没有报警规则" />;

  const editable = data.abilities.edit;
  const dirty = data.rules.some((r) => {
    const d = draft[r.ruleId];
    return d ? ruleChanged(r, d) : false;
  });
  const errors = [...checks.values()].some((c) => c.errors.length > 0);
  const warnings = data.rules.flatMap((r) => {
    const c = checks.get(r.ruleId);
    if (!c) return [];
    return [...(c.mandatoryDisabled ? [`停用必选报警「${r.name}」`] : []), ...c.outOfLimit.map((o) => `「${r.name}」${o}`)];
  });

  const save = async () => {
    try {
      const answer = await put.mutateAsync({ overrides: overridesOf(data, draft), note: note.trim() || null });
      setNote('');
      if (answer.majorHazard) message.warning('阈值已保存；该设置已记为第十四条重大事故隐患，请尽快整改');
      else message.success('阈值已保存');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const confirmSave = () => {
    if (errors) {
      message.error('有参数填写不正确，请按提示修改后再保存');
      return;
    }
    if (warnings.length === 0) {
      void save();
      return;
    }
    modal.confirm({
      title: '该设置构成重大事故隐患',
      icon: <ExclamationCircleOutlined style={{ color: '#cf1322' }} />,
      width: 560,
      content: (
        <Flex vertical gap={4}>
          <Typography.Text>
            按第十四条，监测报警设施失效或设定值超出保护范围属于重大事故隐患。保存后平台将记录隐患并通知监管部门：
          </Typography.Text>
          {warnings.map((w) => (
            <Typography.Text key={w} type="danger">
              · {w}
            </Typography.Text>
          ))}
        </Flex>
      ),
      okText: '仍要保存',
      okButtonProps: { danger: true, ...testId('threshold-save-confirm') },
      cancelText: '返回修改',
      onOk: save,
    });
  };

  const setRule = (ruleId: string, next: ThresholdDraft[string]) => setDraft((d) => (d ? { ...d, [ruleId]: next } : d));
  const card = (r: ThresholdRuleDto) => {
    const d = draft[r.ruleId];
    const c = checks.get(r.ruleId);
    if (!d || !c) return null;
    return (
      <ThresholdRuleCard
        key={r.ruleId}
        rule={r}
        draft={d}
        check={c}
        editable={editable}
        changed={ruleChanged(r, d)}
        onChange={(next) => setRule(r.ruleId, next)}
        onReset={() => setRule(r.ruleId, defaultDraftOf(r))}
      />
    );
  };
  const alarmRules = data.rules.filter((r) => !QUALITY_TYPES.has(r.type));
  const qualityRules = data.rules.filter((r) => QUALITY_TYPES.has(r.type));
  const qualityProblem = qualityRules.some((r) => {
    const c = checks.get(r.ruleId);
    return !!c && (c.errors.length > 0 || c.outOfLimit.length > 0);
  });

  return (
    <Flex vertical gap={12} data-testid="threshold-editor">
      <Article14Banner data={data} />
      <Typography.Text type="secondary">
        {editable
          ? '默认值来自设备类型；可按设备设计值在区局限值内调整。每次修改都记入审计日志。'
          : '由企业按设备设计值在区局限值内调整；此处只读。'}
        {data.updatedAt && ` 最近修改：${data.updatedByName ?? '—'} · ${formatDateTime(data.updatedAt)}`}
      </Typography.Text>
      {alarmRules.map(card)}
      {qualityRules.length > 0 && (
        <Collapse
          size="small"
          defaultActiveKey={qualityProblem ? ['quality'] : []}
          items={[
            {
              key: 'quality',
              label: `数据异常规则（${qualityRules.length} 条：读数长时间不变、超出物理范围）`,
              children: (
                <Flex vertical gap={12}>
                  {qualityRules.map(card)}
                </Flex>
              ),
            },
          ]}
        />
      )}
      {editable && (
        <Flex
          vertical
          gap={8}
          style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '12px 0', borderTop: '1px solid #f0f0f0', zIndex: 2 }}
        >
          {warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`有 ${warnings.length} 项设置将构成第十四条重大事故隐患`}
              data-testid="threshold-warning"
            />
          )}
          <Flex gap={8} wrap align="center">
            <Input
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={500}
              placeholder="修改说明（选填，记入审计日志），如：按除尘器厂家设计值调整"
              style={{ flex: '1 1 260px' }}
              data-testid="threshold-note"
            />
            <Button disabled={!dirty || put.isPending} onClick={() => setDraft(draftOf(data))} data-testid="threshold-discard">
              撤销修改
            </Button>
            <Button type="primary" disabled={!dirty} loading={put.isPending} onClick={confirmSave} data-testid="threshold-save">
              保存阈值
            </Button>
          </Flex>
        </Flex>
      )}
    </Flex>
  );
}
