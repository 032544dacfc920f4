import {
  type AdjustmentRule,
  CLASSIFICATION_COUNT_FACT_LABELS,
  type ClassificationRuleSet,
  type FactWindow,
  RISK_CLASS_LABELS,
  RISK_CLASSES,
  type RiskClass,
  type RuleSetDto,
  STANDARDIZATION_LEVEL_LABELS,
  STANDARDIZATION_LEVELS,
  type StartingClassRule,
} from '@zhiben/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Grid,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, isApiError } from '../../api/errors';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { formatDateTime } from '../../lib/time';
import { useRecompute, useRuleSet, useSaveRuleSet } from './classification.api';
import { RiskClassTag } from './RiskClassTag';

const FLAG_FACT_LABELS: Record<string, string> = { monitoringNotConnected: '应接入监测预警而未接入' };
const WINDOW_LABELS: Record<keyof ClassificationRuleSet['windows'], string> = {
  majorHazardsFound: '查出重大事故隐患',
  redAlarms: '红色报警',
  penalties: '行政处罚',
  accidents: '生产安全事故',
};
const EFFECT_OPTIONS = [3, 2, 1, 0, -1, -2, -3].map((n) => ({
  value: n,
  label: n > 0 ? `上调 ${n} 档` : n < 0 ? `下调 ${-n} 档` : '不调整',
}));
const NONZERO_EFFECT_OPTIONS = EFFECT_OPTIONS.filter((o) => o.value !== 0);
const classOptions = RISK_CLASSES.map((c) => ({ value: c, label: `${c} 类 ${RISK_CLASS_LABELS[c]}` }));

/** A deep copy (the draft is edited immutably, rule by rule). */
const clone = <T,>(value: T): T => structuredClone(value);

function SourceCell({
  source,
  verified,
  onVerified,
  editable,
  id,
}: {
  source: string;
  verified: boolean;
  onVerified: (v: boolean) => void;
  editable: boolean;
  id: string;
}) {
  return (
    <Flex vertical gap={4}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} ellipsis={{ rows: 2, tooltip: source }}>
        {source}
      </Typography.Paragraph>
      {editable ? (
        <Checkbox checked={verified} onChange={(e) => onVerified(e.target.checked)} data-testid={`rule-verified-${id}`}>
          已核实
        </Checkbox>
      ) : verified ? (
        <Tag color="green" style={{ width: 'fit-content' }}>
          已核实
        </Tag>
      ) : (
        <Tooltip title="未在官方原文中核实，或为平台初设值，待区应急管理局确认">
          <Tag color="orange" style={{ width: 'fit-content' }}>
            待确认
          </Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

function matchText(rule: StartingClassRule): string {
  return 'riskTag' in rule.match ? `风险标签 ${rule.match.riskTag}` : '构成重大危险源';
}

function conditionText(rule: AdjustmentRule): string {
  switch (rule.kind) {
    case 'count':
      return CLASSIFICATION_COUNT_FACT_LABELS[rule.fact];
    case 'flag':
      return FLAG_FACT_LABELS[rule.fact] ?? rule.fact;
    case 'level':
      return '安全生产标准化等级';
  }
}

function windowText(w: FactWindow): string {
  return 'days' in w ? `近 ${w.days} 日` : `近 ${w.months} 个月`;
}

/**
 * /classification/rules — 分级规则: the rule set in force (起评 by profile, adjustments with their weights and thresholds,
 * look-back windows), each rule with its source and whether it is verified. Those with `classification.rules` edit the
 * values and save them as the next version (version = current + 1; a concurrent save answers 409 and the page reloads).
 */
export function ClassificationRulesPage() {
  const me = useSession();
  const { message, modal } = App.useApp();
  const phone = Grid.useBreakpoint().md === false;
  const query = useRuleSet();
  const save = useSaveRuleSet();
  const recompute = useRecompute();
  const editable = can(me, 'classification.rules');
  const [draft, setDraft] = useState<ClassificationRuleSet | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const data = query.data;

  useEffect(() => {
    if (data) setDraft(clone(data.rules));
  }, [data]);

  const dirty = useMemo(() => !!data && !!draft && JSON.stringify(data.rules) !== JSON.stringify(draft), [data, draft]);

  const update = (change: (d: ClassificationRuleSet) => void) =>
    setDraft((d) => {
      if (!d) return d;
      const next = clone(d);
      change(next);
      return next;
    });

  const onSave = async (current: RuleSetDto, rules: ClassificationRuleSet) => {
    const trimmed = note.trim();
    if (trimmed.length < 2) {
      setNoteError('请填写修订说明（至少 2 个字）');
      return;
    }
    setNoteError(null);
    const ok = await modal.confirm({
      title: `保存为第 ${current.version + 1} 版分级规则？`,
      content: '新版本在当晚自动计算或手动重新计算后生效，修订内容记入审计日志。',
      okText: '保存新版本',
      cancelText: '取消',
      okButtonProps: testId('rules-save-confirm'),
    });
    if (!ok) return;
    try {
      const result = await save.mutateAsync({ rules: { ...rules, version: current.version + 1 }, note: trimmed });
      setNote('');
      setSaved(result.version);
      message.success(`已保存为第 ${result.version} 版分级规则`);
    } catch (error) {
      if (isApiError(error) && error.code === 'RULE_SET_VERSION_CONFLICT') {
        modal.warning({
          title: '分级规则已被他人修改',
          content: (
            <span data-testid="rules-conflict">其他人员已保存了新版本，页面已重新加载最新规则。您的修改未保存，请核对后重新填写。</span>
          ),
          okText: '知道了',
          okButtonProps: testId('rules-conflict-ok'),
        });
        setSaved(null);
        await query.refetch();
      } else {
        message.error(errorMessage(error));
      }
    }
  };

  const onRecompute = async () => {
    try {
      const r = await recompute.mutateAsync();
      message.success(`已按第 ${r.ruleSetVersion} 版规则重新计算 ${r.enterprises} 家企业，等级变化 ${r.changed} 家`);
      setSaved(null);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Flex vertical gap={phone ? 12 : 16}>
      <Link to="/classification" data-testid="rules-back">
        ← 分级分类
      </Link>
      <PageHeader
        title="分级规则"
        description="起评等级（按风险标签、重大危险源）、动态调整的权重和阈值、统计期间；规则为版本化数据，修订后保存为新版本"
        extra={data && <Tag color="blue" data-testid="rules-version" data-version={data.version}>{`现行第 ${data.version} 版`}</Tag>}
      />
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !data || !draft ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label="版本">第 {data.version} 版</Descriptions.Item>
              <Descriptions.Item label="修订人">{data.createdByName ?? '平台初设'}</Descriptions.Item>
              <Descriptions.Item label="修订时间">{formatDateTime(data.createdAt)}</Descriptions.Item>
              <Descriptions.Item label="修订说明" span={3}>
                {data.note ?? '平台初设规则（未修订）'}
              </Descriptions.Item>
            </Descriptions>
            {data.unknownTags.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 8 }}
                title={`以下起评规则引用的风险标签在标签库中不存在，暂不会生效：${data.unknownTags.join('、')}`}
              />
            )}
            {!editable && (
              <Alert type="info" showIcon style={{ marginTop: 8 }} title="您可以查看分级规则；修订规则由局领导（或系统管理员）办理。" />
            )}
          </Card>
          {saved !== null && (
            <Alert
              type="success"
              showIcon
              closable
              onClose={() => setSaved(null)}
              data-testid="rules-saved"
              title={`已保存为第 ${saved} 版。新规则在当晚自动计算时生效${can(me, 'classification.manage') ? '，也可以立即重新计算' : ''}。`}
              action={
                can(me, 'classification.manage') && (
                  <Button size="small" loading={recompute.isPending} onClick={() => void onRecompute()} data-testid="rules-recompute">
                    立即重新计算
                  </Button>
                )
              }
            />
          )}

          <Card size="small" title="起评等级">
            <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
              <span>未命中任何起评规则的企业起评为</span>
              {editable ? (
                <Select<RiskClass>
                  value={draft.defaultClass}
                  onChange={(v) =>
                    update((d) => {
                      d.defaultClass = v;
                    })
                  }
                  options={classOptions}
                  style={{ width: 150 }}
                  data-testid="rule-default-class"
                />
              ) : (
                <RiskClassTag riskClass={draft.defaultClass} />
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {draft.defaultSource}
              </Typography.Text>
            </Flex>
            <Table<StartingClassRule>
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={draft.startingRules}
              scroll={{ x: phone ? 560 : 760 }}
              data-testid="rules-starting"
              columns={[
                {
                  title: '规则',
                  key: 'label',
                  width: 200,
                  render: (_, r) => (
                    <Flex vertical>
                      <span>{r.label}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.code}
                      </Typography.Text>
                      {phone && <Typography.Text style={{ fontSize: 12 }}>{matchText(r)}</Typography.Text>}
                    </Flex>
                  ),
                },
                ...(phone ? [] : [{ title: '条件', key: 'match', width: 200, render: (_: unknown, r: StartingClassRule) => matchText(r) }]),
                {
                  title: '起评等级',
                  key: 'class',
                  width: 160,
                  render: (_, r, i) =>
                    editable ? (
                      <Select<RiskClass>
                        value={r.riskClass}
                        onChange={(v) =>
                          update((d) => {
                            const rule = d.startingRules[i];
                            if (rule) rule.riskClass = v;
                          })
                        }
                        options={classOptions}
                        style={{ width: 140 }}
                        data-testid={`rule-class-${r.code}`}
                      />
                    ) : (
                      <RiskClassTag riskClass={r.riskClass} />
                    ),
                },
                {
                  title: '依据',
                  key: 'source',
                  render: (_, r, i) => (
                    <SourceCell
                      id={r.code}
                      source={r.source}
                      verified={r.verified}
                      editable={editable}
                      onVerified={(v) =>
                        update((d) => {
                          const rule = d.startingRules[i];
                          if (rule) rule.verified = v;
                        })
                      }
                    />
                  ),
                },
              ]}
            />
          </Card>

          <Card size="small" title="动态调整（正数上调、负数下调；结果限定在 A–D 之间）">
            <Table<AdjustmentRule>
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={draft.adjustments}
              scroll={{ x: phone ? 640 : 900 }}
              data-testid="rules-adjustments"
              columns={[
                {
                  title: '规则',
                  key: 'label',
                  width: 200,
                  render: (_, r) => (
                    <Flex vertical>
                      <span>{r.label}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.code}
                      </Typography.Text>
                      {phone && <Typography.Text style={{ fontSize: 12 }}>{conditionText(r)}</Typography.Text>}
                    </Flex>
                  ),
                },
                ...(phone
                  ? []
                  : [{ title: '依据事实', key: 'fact', width: 170, render: (_: unknown, r: AdjustmentRule) => conditionText(r) }]),
                {
                  title: '触发条件与调整',
                  key: 'value',
                  width: 330,
                  render: (_, r, i) => {
                    const set = (change: (rule: AdjustmentRule) => void) =>
                      update((d) => {
                        const rule = d.adjustments[i];
                        if (rule) change(rule);
                      });
                    if (r.kind === 'level') {
                      return (
                        <Flex vertical gap={4}>
                          {STANDARDIZATION_LEVELS.map((level) => (
                            <Flex key={level} gap={8} align="center" justify="space-between">
                              <span>{STANDARDIZATION_LEVEL_LABELS[level]}</span>
                              {editable ? (
                                <Select<number>
                                  size="small"
                                  value={r.effects[level] ?? 0}
                                  onChange={(v) =>
                                    set((rule) => {
                                      if (rule.kind === 'level') rule.effects[level] = v;
                                    })
                                  }
                                  options={EFFECT_OPTIONS}
                                  style={{ width: 120 }}
                                  data-testid={`rule-effect-${r.code}-${level}`}
                                />
                              ) : (
                                <span>{EFFECT_OPTIONS.find((o) => o.value === (r.effects[level] ?? 0))?.label}</span>
                              )}
                            </Flex>
                          ))}
                        </Flex>
                      );
                    }
                    const effect = editable ? (
                      <Select<number>
                        size="small"
                        value={r.effect}
                        onChange={(v) =>
                          set((rule) => {
                            if (rule.kind !== 'level') rule.effect = v;
                          })
                        }
                        options={NONZERO_EFFECT_OPTIONS}
                        style={{ width: 120 }}
                        data-testid={`rule-effect-${r.code}`}
                      />
                    ) : (
                      <span>{EFFECT_OPTIONS.find((o) => o.value === r.effect)?.label}</span>
                    );
                    if (r.kind === 'flag') {
                      return (
                        <Flex gap={8} align="center" wrap>
                          <span>满足时</span>
                          {effect}
                        </Flex>
                      );
                    }
                    return (
                      <Flex gap={8} align="center" wrap>
                        <span>达到</span>
                        {editable ? (
                          <InputNumber
                            size="small"
                            min={1}
                            max={1000}
                            precision={0}
                            value={r.atLeast}
                            onChange={(v) =>
                              set((rule) => {
                                if (rule.kind === 'count' && typeof v === 'number') rule.atLeast = v;
                              })
                            }
                            style={{ width: 72 }}
                            data-testid={`rule-at-least-${r.code}`}
                          />
                        ) : (
                          <span>{r.atLeast}</span>
                        )}
                        <span>次及以上</span>
                        {effect}
                      </Flex>
                    );
                  },
                },
                {
                  title: '依据',
                  key: 'source',
                  render: (_, r, i) => (
                    <SourceCell
                      id={r.code}
                      source={r.source}
                      verified={r.verified}
                      editable={editable}
                      onVerified={(v) =>
                        update((d) => {
                          const rule = d.adjustments[i];
                          if (rule) rule.verified = v;
                        })
                      }
                    />
                  ),
                },
              ]}
            />
          </Card>

          <Card size="small" title="统计期间（截至计算时）">
            <Flex wrap gap={16} data-testid="rules-windows">
              {(Object.keys(WINDOW_LABELS) as (keyof ClassificationRuleSet['windows'])[]).map((key) => {
                const w = draft.windows[key];
                const unit = 'days' in w ? 'days' : 'months';
                const amount = 'days' in w ? w.days : w.months;
                return (
                  <Flex key={key} gap={8} align="center">
                    <span style={{ minWidth: 110 }}>{WINDOW_LABELS[key]}</span>
                    {editable ? (
                      <>
                        <span>近</span>
                        <InputNumber
                          min={1}
                          max={unit === 'days' ? 3660 : 120}
                          precision={0}
                          value={amount}
                          onChange={(v) =>
                            update((d) => {
                              if (typeof v === 'number') d.windows[key] = unit === 'days' ? { days: v } : { months: v };
                            })
                          }
                          style={{ width: 80 }}
                          data-testid={`rule-window-${key}`}
                        />
                        <Select<'days' | 'months'>
                          value={unit}
                          onChange={(u) =>
                            update((d) => {
                              d.windows[key] = u === 'days' ? { days: Math.min(amount, 3660) } : { months: Math.min(amount, 120) };
                            })
                          }
                          options={[
                            { value: 'days', label: '日' },
                            { value: 'months', label: '个月' },
                          ]}
                          style={{ width: 80 }}
                        />
                      </>
                    ) : (
                      <span>{windowText(w)}</span>
                    )}
                  </Flex>
                );
              })}
            </Flex>
          </Card>

          {editable && (
            <Card size="small" title="保存为新版本">
              <Flex vertical gap={8}>
                <Input.TextArea
                  rows={2}
                  maxLength={500}
                  showCount
                  value={note}
                  status={noteError ? 'error' : undefined}
                  onChange={(e) => {
                    setNote(e.target.value);
                    if (noteError) setNoteError(null);
                  }}
                  placeholder="修订说明（必填），如：依据区局会议纪要调整逾期隐患权重"
                  data-testid="rules-note"
                />
                {noteError && (
                  <Typography.Text type="danger" data-testid="rules-note-error">
                    {noteError}
                  </Typography.Text>
                )}
                <Flex gap={8} wrap align="center">
                  <Button type="primary" loading={save.isPending} onClick={() => void onSave(data, draft)} data-testid="rules-save">
                    保存为第 {data.version + 1} 版
                  </Button>
                  <Button disabled={!dirty} onClick={() => setDraft(clone(data.rules))} data-testid="rules-reset">
                    撤销修改
                  </Button>
                  <Typography.Text type="secondary">{dirty ? '有未保存的修改' : '未修改（也可按现值另存为新版本）'}</Typography.Text>
                </Flex>
              </Flex>
            </Card>
          )}
        </>
      )}
    </Flex>
  );
}
