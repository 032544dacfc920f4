import {
  BUREAU_RULE_LIMITS,
  type BureauLimitDto,
  PROFILE_CODES,
  PROFILE_LABELS,
  type ProfileCode,
  type PutBureauLimitsBody,
} from '@zhiben/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Grid,
  Input,
  InputNumber,
  Popconfirm,
  Skeleton,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { formatDateTime } from '../../lib/time';
import { useBureauLimits, usePutBureauLimits } from './monitoring.api';

type Key = string;
const keyOf = (l: { profile: string; ruleId: string; param: string }): Key => `${l.profile}|${l.ruleId}|${l.param}`;
type Draft = Record<Key, { min: number | null; max: number | null }>;

function draftOf(items: readonly BureauLimitDto[]): Draft {
  return Object.fromEntries(items.map((l) => [keyOf(l), { min: l.min, max: l.max }]));
}

/** Problems of one row, in Chinese (empty = fine). */
function problemOf(d: Draft[Key] | undefined): string | null {
  if (!d || d.min === null || d.max === null) return '请填写下限和上限';
  if (d.min > d.max) return '下限不能大于上限';
  return null;
}

/**
 * 阈值限值 (bureau): for each tunable parameter of each default rule, the range within which an enterprise's engineer
 * may set it. A value outside is a 第十四条 indication; a parameter without a row cannot be changed by enterprises.
 * Everyone on the bureau side reads it; those allowed (`abilities.edit`) change it, with a note for the audit log.
 */
export function BureauLimitsPage() {
  const { message } = App.useApp();
  const phone = Grid.useBreakpoint().md === false;
  const query = useBureauLimits();
  const put = usePutBureauLimits();
  const [draft, setDraft] = useState<Draft>({});
  const [note, setNote] = useState('');
  const [profile, setProfile] = useState<ProfileCode>('dry_collector');
  const data = query.data;

  useEffect(() => {
    if (data) setDraft(draftOf(data.items));
  }, [data]);

  const editable = !!data?.abilities.edit;
  const dirty = useMemo(
    () => !!data && data.items.some((l) => draft[keyOf(l)]?.min !== l.min || draft[keyOf(l)]?.max !== l.max),
    [data, draft],
  );
  const problems = useMemo(() => (data ? data.items.filter((l) => problemOf(draft[keyOf(l)])) : []), [data, draft]);

  const set = (l: BureauLimitDto, field: 'min' | 'max', value: number | null) =>
    setDraft((d) => ({ ...d, [keyOf(l)]: { min: d[keyOf(l)]?.min ?? null, max: d[keyOf(l)]?.max ?? null, [field]: value } }));

  const save = async () => {
    if (!data) return;
    if (problems.length) {
      message.error(`有 ${problems.length} 项限值填写不正确，请按提示修改`);
      return;
    }
    const body: PutBureauLimitsBody = {
      items: data.items.map((l) => ({
        profile: l.profile,
        ruleId: l.ruleId,
        param: l.param,
        min: draft[keyOf(l)]?.min ?? l.min,
        max: draft[keyOf(l)]?.max ?? l.max,
      })),
      note: note.trim() || null,
    };
    try {
      await put.mutateAsync(body);
      setNote('');
      message.success('区局限值已保存；超出新限值的企业设定将按第十四条提示');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  /** The built-in table (contracts' BUREAU_RULE_LIMITS), for the rows this table has. */
  const restoreBuiltIn = () => {
    if (!data) return;
    const builtIn = new Map(BUREAU_RULE_LIMITS.map((l) => [keyOf(l), l]));
    setDraft(
      Object.fromEntries(
        data.items.map((l) => {
          const b = builtIn.get(keyOf(l));
          return [keyOf(l), { min: b?.min ?? l.min, max: b?.max ?? l.max }];
        }),
      ),
    );
  };

  const shown = useMemo(() => (data?.items ?? []).filter((l) => l.profile === profile), [data, profile]);
  /** The rule cell spans the rows of its parameters (rows of one rule are adjacent). */
  const spans = useMemo(() => {
    const out = new Map<Key, number>();
    shown.forEach((l, i) => {
      if (i > 0 && shown[i - 1]?.ruleId === l.ruleId) {
        out.set(keyOf(l), 0);
        return;
      }
      let n = 1;
      while (shown[i + n]?.ruleId === l.ruleId) n++;
      out.set(keyOf(l), n);
    });
    return out;
  }, [shown]);

  const columns: TableColumnsType<BureauLimitDto> = [
    {
      title: '报警规则',
      key: 'rule',
      width: 220,
      onCell: (l) => ({ rowSpan: spans.get(keyOf(l)) ?? 1 }),
      render: (_, l) => (
        <Flex vertical>
          <span>{l.ruleName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.ruleId}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '参数', key: 'param', width: 150, render: (_, l) => l.paramLabel },
    { title: '默认值', key: 'default', width: 90, align: 'right', render: (_, l) => l.default },
    ...(['min', 'max'] as const).map((field) => ({
      title: field === 'min' ? '下限' : '上限',
      key: field,
      width: 130,
      render: (_: unknown, l: BureauLimitDto) => {
        const d = draft[keyOf(l)];
        const value = d?.[field] ?? null;
        const changed = value !== l[field];
        return editable ? (
          <InputNumber
            value={value}
            onChange={(v) => set(l, field, typeof v === 'number' ? v : null)}
            status={problemOf(d) ? 'error' : undefined}
            style={{ width: '100%', ...(changed ? { background: '#e6f4ff' } : {}) }}
            data-testid={`limit-${field}-${l.profile}-${l.ruleId}-${l.param}`}
          />
        ) : (
          value
        );
      },
    })),
    {
      title: '说明',
      key: 'note',
      render: (_, l) => {
        const problem = problemOf(draft[keyOf(l)]);
        const d = draft[keyOf(l)];
        const defaultOutside = d && d.min !== null && d.max !== null && (l.default < d.min || l.default > d.max);
        return (
          <Flex vertical gap={2}>
            {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
            {!problem && defaultOutside && <Typography.Text type="warning">默认值不在此范围内：未调整的设备将被提示为超限</Typography.Text>}
            {!l.verified && (
              <Tooltip title={l.source}>
                <Tag color="default" style={{ width: 'fit-content' }}>
                  本地自定
                </Tag>
              </Tooltip>
            )}
          </Flex>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={phone ? 12 : 16}>
      <PageHeader
        title="阈值限值"
        description="企业按设备设计值调整报警阈值时不得超出的范围；超出范围或停用必选报警，按第十四条记为重大事故隐患"
        extra={
          data && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {data.customized ? `最近修改：${data.updatedByName ?? '—'} · ${formatDateTime(data.updatedAt)}` : '当前为平台内置限值'}
            </Typography.Text>
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
        <Card>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="国家和省市未规定除尘系统报警数值（粉尘涉爆数据接入规范只规定监测项）：标“本地自定”的限值为区局自定（本地政策），可按实际调整。表中没有的参数，企业不能调整。"
          />
          <Tabs
            activeKey={profile}
            onChange={(k) => setProfile(k as ProfileCode)}
            items={PROFILE_CODES.map((p) => ({
              key: p,
              label: (
                <span data-testid={`limits-tab-${p}`}>
                  {PROFILE_LABELS[p]}（{data.items.filter((l) => l.profile === p).length}）
                </span>
              ),
            }))}
          />
          <Table<BureauLimitDto>
            rowKey={keyOf}
            size="small"
            columns={columns}
            dataSource={shown}
            pagination={false}
            scroll={{ x: 960 }}
            locale={{ emptyText: '此类设备没有可由企业调整的参数' }}
            data-testid="limits-table"
          />
          {editable && (
            <Flex gap={8} wrap align="center" style={{ marginTop: 16 }}>
              <Input
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={500}
                placeholder="修改说明（选填，记入审计日志），如：按 2025 年专家论证意见调整"
                style={{ flex: '1 1 280px' }}
                data-testid="limits-note"
              />
              <Popconfirm
                title="恢复平台内置限值？"
                description="只修改表格，保存后才生效。"
                okText="恢复"
                onConfirm={restoreBuiltIn}
                okButtonProps={testId('limits-restore-confirm')}
              >
                <Button>恢复内置限值</Button>
              </Popconfirm>
              <Button disabled={!dirty || put.isPending} onClick={() => setDraft(draftOf(data.items))}>
                撤销修改
              </Button>
              <Popconfirm
                title="保存区局限值？"
                description="保存后立即适用于全区企业的阈值设定。"
                okText="保存"
                onConfirm={save}
                disabled={!dirty}
                okButtonProps={testId('limits-save-confirm')}
              >
                <Button type="primary" disabled={!dirty} loading={put.isPending} data-testid="limits-save">
                  保存限值
                </Button>
              </Popconfirm>
            </Flex>
          )}
        </Card>
      )}
    </Flex>
  );
}
