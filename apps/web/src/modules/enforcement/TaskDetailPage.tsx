import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  ENFORCEMENT_DOCUMENT_TYPE_LABELS,
  type EnforcementDocumentType,
  INSPECTION_TASK_KIND_LABELS,
  INSPECTION_TASK_SOURCE_LABELS,
  REINSPECTION_RESULT_LABELS,
  type TaskDetailDto,
} from '@zhiben/contracts';
import { App, Button, Card, Descriptions, Empty, Flex, Grid, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api/errors';
import { can, sideOf } from '../../app/access';
import { useSession } from '../../app/session';
import { detailQueryState } from '../../components/DetailQueryState';
import { testId } from '../../lib/testId';
import { formatDate, formatDateTime } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { PhotoGallery } from '../self-inspection/PhotoThumbs';
import { CreateCaseDialog } from './CreateCaseDialog';
import { documentHref, useTask, useTaskAction } from './enforcement.api';
import { FindingDialog, OrderDialog, ReinspectDialog, unorderedFindings } from './TaskDialogs';
import { TaskStatusTag } from './taskLabels';

type Dialog = 'finding' | 'order' | 'reinspect' | 'case' | null;

function TaskActions({ task, onOpen }: { task: TaskDetailDto; onOpen: (d: Dialog) => void }) {
  const { message, modal } = App.useApp();
  const start = useTaskAction(task.id, 'start');
  const close = useTaskAction(task.id, 'close');
  const cancel = useTaskAction(task.id, 'cancel');
  const a = task.abilities;
  // 立案 from an inspection (e.g. a missed rectification deadline): once it has started, by whoever may penalise.
  const canFileCase = can(useSession(), 'enforcement.penalize') && task.status !== 'scheduled' && task.status !== 'cancelled';

  const onStart = async () => {
    const ok = await modal.confirm({
      title: '开始检查？',
      content: task.unannounced ? '“四不两直”任务开始后，企业即可看到本次检查。' : '开始后即可记录检查发现。',
      okText: '开始检查',
      cancelText: '取消',
      okButtonProps: testId('task-start-confirm'),
    });
    if (!ok) return;
    try {
      await start.mutateAsync({});
      message.success('检查已开始');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const onClose = async () => {
    let note = '';
    const ok = await modal.confirm({
      title: '确认办结本次检查？',
      content: (
        <Input.TextArea
          rows={3}
          maxLength={1000}
          placeholder="办结说明（可选）"
          onChange={(e) => {
            note = e.target.value;
          }}
          data-testid="task-close-note"
        />
      ),
      okText: '确认办结',
      cancelText: '取消',
      okButtonProps: testId('task-close-confirm'),
    });
    if (!ok) return;
    try {
      await close.mutateAsync({ note: note.trim() || null });
      message.success('检查任务已办结');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const onCancel = async () => {
    let reason = '';
    const ok = await modal.confirm({
      title: '取消检查任务？',
      content: (
        <Input.TextArea
          rows={2}
          maxLength={500}
          placeholder="取消原因（必填）"
          onChange={(e) => {
            reason = e.target.value;
          }}
          data-testid="task-cancel-reason"
        />
      ),
      okText: '取消任务',
      okButtonProps: { danger: true, ...testId('task-cancel-confirm') },
      cancelText: '返回',
    });
    if (!ok) return;
    if (!reason.trim()) {
      message.error('请填写取消原因');
      return;
    }
    try {
      await cancel.mutateAsync({ reason: reason.trim() });
      message.success('任务已取消');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Flex wrap gap={8} data-testid="task-actions">
      {a.start && (
        <Button type="primary" loading={start.isPending} onClick={() => void onStart()} data-testid="task-action-start">
          开始检查
        </Button>
      )}
      {a.findings && (
        <Button type="primary" onClick={() => onOpen('finding')} data-testid="task-action-finding">
          记录问题
        </Button>
      )}
      {a.order && unorderedFindings(task).length > 0 && (
        <Button onClick={() => onOpen('order')} data-testid="task-action-order">
          下达整改指令
        </Button>
      )}
      {a.reinspect && (
        <Button type="primary" onClick={() => onOpen('reinspect')} data-testid="task-action-reinspect">
          复查
        </Button>
      )}
      {a.close && (
        <Button loading={close.isPending} onClick={() => void onClose()} data-testid="task-action-close">
          结案
        </Button>
      )}
      {canFileCase && (
        <Button onClick={() => onOpen('case')} data-testid="task-action-case">
          立案
        </Button>
      )}
      {a.cancel && (
        <Button danger loading={cancel.isPending} onClick={() => void onCancel()} data-testid="task-action-cancel">
          取消任务
        </Button>
      )}
    </Flex>
  );
}

/** The findings as cards on a phone (a table would hide the photos and the hazard link off-screen). */
function FindingCards({ task }: { task: TaskDetailDto }) {
  return (
    <Flex vertical gap={10}>
      {task.findings.map((f, i) => (
        <Card key={f.id} size="small" data-testid={`task-finding-${i}`}>
          <Flex vertical gap={6}>
            <Typography.Text>
              {i + 1}. {f.major && <Tag color="red">重大</Tag>}
              {f.description}
              {f.location ? `（${f.location}）` : ''}
            </Typography.Text>
            {f.standardItem && (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                判定条款：{f.standardItem.articleLabel}
                {f.standardItem.itemLabel}
              </Typography.Text>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              违法依据：{f.legalBasis}
            </Typography.Text>
            <PhotoGallery hashes={f.photos} size={64} testIdPrefix={`task-finding-${i}-photo`} />
            {f.hazardId && (
              <Link to={`/hazards/${f.hazardId}`} data-testid={`task-finding-hazard-${i}`}>
                查看隐患
              </Link>
            )}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

/**
 * /enforcement/tasks/:id — one inspection: status and actions, findings (→ hazards), orders and re-inspection, documents.
 * Enterprise accounts see the same page read-only (no officer actions); they rectify in the hazards the findings became.
 */
export function TaskDetailPage() {
  const { id = '' } = useParams();
  const query = useTask(id);
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const enterprise = sideOf(useSession()) === 'enterprise';
  const phone = Grid.useBreakpoint().md === false;
  usePageTitle(enterprise ? '执法检查' : '检查任务');
  const backLink = (
    <Link to="/enforcement/tasks" data-testid="task-back">
      <ArrowLeftOutlined /> {enterprise ? '执法检查' : '检查任务'}
    </Link>
  );

  const pending = detailQueryState({ query, noun: '检查任务', backLink, testId: 'task' });
  if (pending || !query.data) return pending;
  const t = query.data;

  return (
    <Flex vertical gap={16} data-testid="task-detail" data-status={t.status}>
      <Card>
        <div style={{ marginBottom: 8 }}>{backLink}</div>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div>
            <Flex align="center" gap={6} wrap>
              <span data-testid="task-status">
                <TaskStatusTag status={t.status} />
              </span>
              <Tag>{INSPECTION_TASK_KIND_LABELS[t.kind]}</Tag>
              {t.unannounced && <Tag color="purple">四不两直</Tag>}
            </Flex>
            <Typography.Title level={4} style={{ margin: '8px 0 4px' }} data-testid="task-enterprise">
              {t.enterpriseName}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t.regionName} · {INSPECTION_TASK_SOURCE_LABELS[t.source]} · 执法人员：{t.officers.map((o) => o.name).join('、')}
            </Typography.Text>
          </div>
          {!enterprise && <TaskActions task={t} onOpen={setDialog} />}
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label="计划日期">{formatDate(t.plannedDate)}</Descriptions.Item>
          <Descriptions.Item label="开始时间">{formatDateTime(t.startedAt)}</Descriptions.Item>
          <Descriptions.Item label="办结时间">{formatDateTime(t.closedAt)}</Descriptions.Item>
          <Descriptions.Item label="检查发现">
            {t.findingCount} 项（重大 {t.majorFindingCount} 项）
          </Descriptions.Item>
          <Descriptions.Item label="风险等级">
            <Link to={`/classification/enterprises/${t.enterpriseId}`} data-testid="task-classification-link">
              查看企业分级分类
            </Link>
          </Descriptions.Item>
          {t.note && <Descriptions.Item label="说明">{t.note}</Descriptions.Item>}
        </Descriptions>
      </Card>

      <Card title="检查发现" data-testid="task-findings">
        {t.findings.length === 0 ? (
          <Empty description="尚未记录检查发现" />
        ) : phone ? (
          <FindingCards task={t} />
        ) : (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={t.findings}
            onRow={(_, i) => ({ 'data-testid': `task-finding-${i ?? 0}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: '#', key: 'n', width: 40, render: (_: unknown, __, i) => i + 1 },
              {
                title: '问题',
                dataIndex: 'description',
                render: (d: string, f) => (
                  <span>
                    {f.major && <Tag color="red">重大</Tag>}
                    {d}
                    {f.location ? `（${f.location}）` : ''}
                  </span>
                ),
              },
              {
                title: '判定条款',
                key: 'item',
                render: (_: unknown, f) => (f.standardItem ? `${f.standardItem.articleLabel}${f.standardItem.itemLabel}` : '—'),
              },
              { title: '违法依据', dataIndex: 'legalBasis' },
              {
                title: '照片',
                key: 'photos',
                width: 110,
                render: (_: unknown, f, i) =>
                  f.photos.length === 0 ? '—' : <PhotoGallery hashes={f.photos} size={40} testIdPrefix={`task-finding-${i}-photo`} />,
              },
              {
                title: '隐患',
                key: 'hazard',
                width: 90,
                render: (_: unknown, f, i) =>
                  f.hazardId ? (
                    <Link to={`/hazards/${f.hazardId}`} data-testid={`task-finding-hazard-${i}`}>
                      查看隐患
                    </Link>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
      </Card>

      {t.orders.length > 0 && (
        <Card title="责令限期整改与复查" data-testid="task-orders">
          {enterprise && (
            <Typography.Paragraph type="secondary" data-testid="task-orders-hint">
              请在整改期限内逐项整改：点击「问题 n」进入对应隐患，填写整改情况并上传整改照片，执法人员将据此复查。
            </Typography.Paragraph>
          )}
          {t.orders.map((o, i) => (
            <Descriptions
              key={o.id}
              size="small"
              bordered
              column={{ xs: 1, md: 2 }}
              styles={{ label: { whiteSpace: 'nowrap' } }}
              style={{ marginBottom: 12 }}
              data-testid={`task-order-${i}`}
            >
              <Descriptions.Item label="指令书文号">{o.documentNumber}</Descriptions.Item>
              <Descriptions.Item label="整改期限">
                {formatDate(o.deadline)} {o.overdue && <Tag color="red">已逾期</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label="整改问题">
                <Flex wrap gap={8}>
                  <span>{o.findingIds.length} 项：</span>
                  {o.findingIds.map((fid, j) => {
                    const n = t.findings.findIndex((f) => f.id === fid);
                    const hazardId = t.findings[n]?.hazardId;
                    return hazardId ? (
                      <Link key={fid} to={`/hazards/${hazardId}`} data-testid={`task-order-${i}-hazard-${j}`}>
                        问题 {n + 1}
                      </Link>
                    ) : (
                      <span key={fid}>问题 {n + 1}</span>
                    );
                  })}
                </Flex>
              </Descriptions.Item>
              <Descriptions.Item label="下达时间">{formatDateTime(o.issuedAt)}</Descriptions.Item>
              <Descriptions.Item label="依据" span={2}>
                {o.legalBasis}
              </Descriptions.Item>
              {o.requirements && (
                <Descriptions.Item label="整改要求" span={2}>
                  {o.requirements}
                </Descriptions.Item>
              )}
              <Descriptions.Item label="复查" span={2}>
                {o.reinspection ? (
                  <span data-testid={`task-order-${i}-reinspection`} data-result={o.reinspection.result}>
                    <Tag color={o.reinspection.result === 'passed' ? 'success' : 'error'}>
                      {REINSPECTION_RESULT_LABELS[o.reinspection.result]}
                    </Tag>
                    {o.reinspection.documentNumber} · {formatDateTime(o.reinspection.at)} · {o.reinspection.opinion}
                  </span>
                ) : (
                  '待复查'
                )}
              </Descriptions.Item>
            </Descriptions>
          ))}
        </Card>
      )}

      <Card title="执法文书" data-testid="task-documents">
        {t.documents.length === 0 ? (
          <Empty description="暂无文书（下达指令书或办结时生成）" />
        ) : (
          <Flex vertical gap={6}>
            {t.documents.map((d) => (
              <a key={d.id} href={documentHref(d.id)} download data-testid={`task-document-${d.type}`}>
                {ENFORCEMENT_DOCUMENT_TYPE_LABELS[d.type as EnforcementDocumentType] ?? d.type} {d.number}（.docx）
              </a>
            ))}
          </Flex>
        )}
      </Card>

      {t.caseIds.length > 0 && (
        <Card title="立案">
          {enterprise ? (
            <Link to="/my/enforcement/cases" data-testid="task-cases-link">
              本次检查已立案 {t.caseIds.length} 件，查看我的处罚
            </Link>
          ) : (
            <Link to={`/enforcement/cases?taskId=${encodeURIComponent(t.id)}`} data-testid="task-cases-link">
              本次检查已立案 {t.caseIds.length} 件，查看案件
            </Link>
          )}
        </Card>
      )}

      {!enterprise && <FindingDialog task={t} open={dialog === 'finding'} onClose={() => setDialog(null)} />}
      {dialog === 'order' && <OrderDialog task={t} open onClose={() => setDialog(null)} />}
      {dialog === 'reinspect' && <ReinspectDialog task={t} open onClose={() => setDialog(null)} />}
      {dialog === 'case' && (
        <CreateCaseDialog
          open
          task={{ id: t.id, enterpriseId: t.enterpriseId, enterpriseName: t.enterpriseName }}
          onClose={() => setDialog(null)}
          onCreated={(c) => navigate(`/enforcement/cases/${c.id}`)}
        />
      )}
    </Flex>
  );
}
