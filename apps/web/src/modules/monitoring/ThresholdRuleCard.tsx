import { ALARM_KIND_LABELS, type AlarmLevel, type RuleParam, type ThresholdRuleDto } from '@zhiben/contracts';
import { Button, Card, Col, Flex, InputNumber, Row, Switch, Tag, Tooltip, Typography } from 'antd';
import { testId } from '../../lib/testId';
import { ALARM_LEVEL_HEX, AlarmLevelTag } from './monitoringLabels';
import type { RuleCheck, RuleDraft } from './thresholdDraft';

/** The level a parameter belongs to (`bound.red` → red), for the colour dot beside its label. */
function levelOf(param: RuleParam): AlarmLevel | null {
  return param.startsWith('bound.') ? (param.slice('bound.'.length) as AlarmLevel) : null;
}

/** The single level of a rule that has one (all but thresholds), for the header tag. */
function ruleLevel(rule: ThresholdRuleDto): AlarmLevel | null {
  const e = rule.effective;
  return 'level' in e ? e.level : null;
}

/**
 * One rule in the threshold editor: enabled switch, each tunable parameter with its default and the bureau's
 * limit; problems under it (red: cannot save; orange: a 第十四条 indication).
 */
export function ThresholdRuleCard({
  rule,
  draft,
  check,
  editable,
  changed,
  onChange,
  onReset,
}: {
  rule: ThresholdRuleDto;
  draft: RuleDraft;
  check: RuleCheck;
  editable: boolean;
  changed: boolean;
  onChange: (next: RuleDraft) => void;
  onReset: () => void;
}) {
  const level = ruleLevel(rule);
  const atDefault = draft.enabled === rule.default.enabled && rule.params.every((p) => (draft.params[p.param] ?? null) === p.default);
  const warn = check.mandatoryDisabled || check.outOfLimit.length > 0;
  return (
    <Card
      size="small"
      data-testid={`threshold-rule-${rule.ruleId}`}
      style={warn ? { borderColor: '#ffa39e' } : check.errors.length ? { borderColor: '#ff4d4f' } : undefined}
      title={
        <Flex gap={6} align="center" wrap>
          <span style={{ opacity: draft.enabled ? 1 : 0.5 }}>{rule.name}</span>
          {level && <AlarmLevelTag level={level} />}
          <Tag>{ALARM_KIND_LABELS[rule.kind]}</Tag>
          {rule.mandatory && (
            <Tooltip title="必选报警：停用属于监测报警设施失效（第十四条）">
              <Tag color="red">必选</Tag>
            </Tooltip>
          )}
          {rule.override && <Tag color="blue">已调整</Tag>}
          {changed && <Tag color="processing">未保存</Tag>}
        </Flex>
      }
      extra={
        <Flex gap={8} align="center">
          {editable && !atDefault && (
            <Button size="small" type="link" onClick={onReset} data-testid={`threshold-reset-${rule.ruleId}`}>
              恢复默认
            </Button>
          )}
          <Switch
            checked={draft.enabled}
            disabled={!editable}
            checkedChildren="启用"
            unCheckedChildren="停用"
            onChange={(enabled) => onChange({ ...draft, enabled })}
            {...testId(`threshold-enabled-${rule.ruleId}`)}
          />
        </Flex>
      }
    >
      {rule.params.length === 0 ? (
        <Typography.Text type="secondary">此规则没有可调整的参数</Typography.Text>
      ) : (
        <Row gutter={[16, 8]}>
          {rule.params.map((p) => {
            const value = draft.params[p.param] ?? null;
            const lvl = levelOf(p.param);
            const out = value !== null && value !== p.default && p.limit && (value < p.limit.min || value > p.limit.max);
            return (
              <Col key={p.param} xs={24} sm={12} lg={8}>
                <Flex vertical gap={2}>
                  <Flex gap={6} align="center">
                    {lvl && (
                      <span style={{ width: 8, height: 8, borderRadius: 4, background: ALARM_LEVEL_HEX[lvl], display: 'inline-block' }} />
                    )}
                    <Typography.Text>{p.label}</Typography.Text>
                  </Flex>
                  <InputNumber
                    value={value}
                    disabled={!editable || !p.limit || !draft.enabled}
                    status={out ? 'warning' : value === null ? 'error' : undefined}
                    suffix={p.unit || undefined}
                    style={{ width: '100%' }}
                    onChange={(v) => onChange({ ...draft, params: { ...draft.params, [p.param]: typeof v === 'number' ? v : null } })}
                    data-testid={`threshold-param-${rule.ruleId}-${p.param}`}
                  />
                  <Typography.Text type={out ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
                    默认 {p.default}
                    {p.limit ? ` · 区局限值 ${p.limit.min}–${p.limit.max}` : ' · 区局未开放调整'}
                  </Typography.Text>
                </Flex>
              </Col>
            );
          })}
        </Row>
      )}
      {(check.errors.length > 0 || warn) && (
        <Flex vertical gap={2} style={{ marginTop: 8 }} data-testid={`threshold-problems-${rule.ruleId}`}>
          {check.errors.map((e) => (
            <Typography.Text key={e} type="danger" style={{ fontSize: 13 }}>
              {e}
            </Typography.Text>
          ))}
          {check.mandatoryDisabled && (
            <Typography.Text type="warning" style={{ fontSize: 13 }}>
              停用必选报警属于第十四条所指“监测报警设施失效”，保存后将记为重大事故隐患
            </Typography.Text>
          )}
          {check.outOfLimit.map((e) => (
            <Typography.Text key={e} type="warning" style={{ fontSize: 13 }}>
              {e}，保存后将记为重大事故隐患（第十四条）
            </Typography.Text>
          ))}
        </Flex>
      )}
    </Card>
  );
}
