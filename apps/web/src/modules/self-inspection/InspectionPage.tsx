import { ArrowLeftOutlined, CheckCircleOutlined, CloudSyncOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { INSPECTION_FREQUENCY_LABELS, INSPECTION_STATUS_LABELS, type InspectionDetailDto, type ItemResult } from '@zhiben/contracts';
import { Alert, App, Button, Card, Flex, Progress, Result, Segmented, Skeleton, Tag, Typography } from 'antd';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/errors';
import { useSession } from '../../app/session';
import { QueryError } from '../../components/QueryError';
import { formatDate, formatDateTime } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { InspectionItemCard } from './InspectionItemCard';
import { INSPECTION_STATUS_COLORS } from './inspectionLabels';
import { type InspectionItem, useCompleteInspection, useInspection } from './selfInspection.api';
import { useInspectionRecorder } from './useInspectionRecorder';
import { usePhotoUploads } from './usePhotoUploads';

type View = 'all' | 'pending' | 'non_compliant';

/** Standard items by key (`inspection-item-11-8`), own items by position (`inspection-item-own-1`). */
function testIdsOf(items: readonly InspectionItem[]): Map<string, string> {
  let own = 0;
  return new Map(
    items.map((item) => {
      if (item.key) return [item.id, `inspection-item-${item.key}`];
      own += 1;
      return [item.id, `inspection-item-own-${own}`];
    }),
  );
}

/**
 * 开展检查 (mobile first): walk the site with a phone, answer each item 符合 / 不符合 / 不适用 with a note and photos.
 * Every answer is saved on the phone at once and sent to the server; nothing is lost by a reload or a dead zone.
 */
export function InspectionPage() {
  const { id = '' } = useParams();
  const query = useInspection(id);
  if (query.isError) {
    return (
      <PageFrame>
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </PageFrame>
    );
  }
  if (!query.data) {
    return (
      <PageFrame>
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </PageFrame>
    );
  }
  return <InspectionRecorder inspection={query.data} />;
}

function PageFrame({ children }: { children: ReactNode }) {
  return <div style={{ maxWidth: 760, margin: '0 auto', width: '100%' }}>{children}</div>;
}

function InspectionRecorder({ inspection }: { inspection: InspectionDetailDto }) {
  const me = useSession();
  const { modal, message } = App.useApp();
  usePageTitle(inspection.title);
  const recorder = useInspectionRecorder(inspection.id, me.user.id);
  const complete = useCompleteInspection(inspection.id);
  const [view, setView] = useState<View>('all');
  const editable = inspection.abilities.record;

  // The items as shown: the server's answers with the unsynced local entries on top.
  const items = useMemo(
    () =>
      inspection.items.map((item) => {
        const entry = recorder.entries[item.id];
        return entry ? { ...item, result: entry.result, note: entry.note, photos: entry.photos } : item;
      }),
    [inspection.items, recorder.entries],
  );
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const testIds = useMemo(() => testIdsOf(inspection.items), [inspection.items]);

  const uploads = usePhotoUploads((itemId, hash) => {
    const item = itemsRef.current.find((i) => i.id === itemId);
    if (item) recorder.change(item, (current) => ({ photos: current.photos.includes(hash) ? current.photos : [...current.photos, hash] }));
  });

  const total = items.length;
  const pending = items.filter((i) => i.result === 'pending').length;
  const nonCompliant = items.filter((i) => i.result === 'non_compliant').length;
  const done = total - pending;
  const uploading = uploads.uploads.length > 0;
  const canComplete = editable && pending === 0 && recorder.unsynced === 0 && !recorder.syncing && !uploading;
  const shown = items.filter((i) => view === 'all' || i.result === view);

  const finish = () => {
    modal.confirm({
      title: '完成本次检查？',
      icon: <ExclamationCircleOutlined />,
      content:
        nonCompliant > 0
          ? `共 ${total} 项，不符合 ${nonCompliant} 项（已生成隐患，请按要求整改）。完成后检查结果不能再修改。`
          : `共 ${total} 项，全部检查完毕。完成后检查结果不能再修改。`,
      okText: '完成检查',
      cancelText: '再看看',
      okButtonProps: { 'data-testid': 'inspection-complete-confirm' },
      onOk: async () => {
        try {
          await complete.mutateAsync();
          message.success('检查已完成');
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });
  };

  const completeHint = !editable
    ? null
    : pending > 0
      ? `还有 ${pending} 项未检查`
      : uploading
        ? '照片上传中…'
        : recorder.unsynced > 0
          ? '有检查结果未同步'
          : '全部检查完毕';

  return (
    <PageFrame>
      <Flex vertical gap={12} data-testid="inspection-page" style={{ paddingBottom: 8 }}>
        <Link to="/self-inspection" style={{ fontSize: 14 }}>
          <ArrowLeftOutlined /> 返回检查列表
        </Link>
        <Card size="small" styles={{ body: { padding: 14 } }}>
          <Flex vertical gap={8}>
            <Flex justify="space-between" align="flex-start" gap={8}>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="inspection-title">
                {inspection.title}
              </Typography.Title>
              <Tag
                color={INSPECTION_STATUS_COLORS[inspection.status]}
                style={{ marginInlineEnd: 0, flex: 'none' }}
                data-testid="inspection-status"
              >
                {INSPECTION_STATUS_LABELS[inspection.status]}
              </Tag>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {inspection.enterpriseName} · {INSPECTION_FREQUENCY_LABELS[inspection.frequency]}
              {inspection.area ? ` · ${inspection.area}` : ''} · 计划 {formatDate(inspection.plannedDate)} · 判定标准第{' '}
              {inspection.standardVersion} 版
            </Typography.Text>
            {inspection.ledByPrincipal && (
              <span>
                <Tag color="geekblue">主要负责人带队{inspection.leaderName ? `：${inspection.leaderName}` : ''}</Tag>
              </span>
            )}
            <div data-testid="inspection-progress">
              <Flex justify="space-between">
                <Typography.Text>
                  已查 <Typography.Text strong>{done}</Typography.Text> / 共 {total} 项
                </Typography.Text>
                {nonCompliant > 0 && <Typography.Text type="danger">不符合 {nonCompliant} 项</Typography.Text>}
              </Flex>
              <Progress
                percent={total ? Math.round((done / total) * 100) : 0}
                showInfo={false}
                status={pending === 0 && nonCompliant === 0 ? 'success' : 'normal'}
              />
            </div>
            {inspection.status === 'completed' && (
              <Typography.Text type="success">
                <CheckCircleOutlined /> 已于 {formatDateTime(inspection.completedAt)} 完成
              </Typography.Text>
            )}
          </Flex>
        </Card>

        <SyncBanner recorder={recorder} editable={editable} />

        <Segmented<View>
          block
          size="large"
          value={view}
          onChange={setView}
          options={[
            { value: 'all', label: `全部 ${total}` },
            { value: 'pending', label: `未检查 ${pending}` },
            { value: 'non_compliant', label: `不符合 ${nonCompliant}` },
          ]}
          data-testid="inspection-view"
        />

        {shown.length === 0 && (
          <Card size="small">
            <Typography.Text type="secondary">{view === 'pending' ? '所有项目都已检查。' : '没有不符合项。'}</Typography.Text>
          </Card>
        )}
        {shown.map((item) => (
          <InspectionItemCard
            key={item.id}
            item={item}
            testIdPrefix={testIds.get(item.id) ?? `inspection-item-${item.id}`}
            editable={editable}
            unsynced={!!recorder.entries[item.id]}
            uploads={uploads.uploads.filter((u) => u.itemId === item.id)}
            onResult={(result: ItemResult) => recorder.change(item, { result })}
            onNote={(note) => recorder.change(item, { note }, { debounce: true })}
            onNoteDone={() => recorder.flush()}
            onPhotos={(files) => {
              for (const file of files) {
                const problem = uploads.add(item.id, file);
                if (problem) message.error(problem);
              }
            }}
            onRemovePhoto={(hash) => recorder.change(item, (current) => ({ photos: current.photos.filter((p) => p !== hash) }))}
            onRetryUpload={uploads.retry}
            onDiscardUpload={uploads.remove}
          />
        ))}

        {editable && (
          <div
            style={{
              position: 'sticky',
              bottom: 0,
              zIndex: 5,
              margin: '4px -12px -12px',
              padding: '10px 12px calc(10px + env(safe-area-inset-bottom))',
              background: '#fff',
              borderTop: '1px solid #f0f0f0',
              boxShadow: '0 -4px 12px rgba(0,0,0,0.06)',
            }}
            data-testid="inspection-bottom-bar"
          >
            <Flex align="center" gap={12}>
              <Flex vertical style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong>
                  已查 {done} / {total}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                  {completeHint}
                </Typography.Text>
              </Flex>
              <Button
                type="primary"
                size="large"
                style={{ height: 48, minWidth: 132, fontSize: 16 }}
                disabled={!canComplete}
                loading={complete.isPending}
                onClick={finish}
                data-testid="inspection-complete"
              >
                完成检查
              </Button>
            </Flex>
          </div>
        )}
        {!editable && inspection.status !== 'completed' && <Alert type="info" showIcon title="检查结果由企业人员在现场填写，此处只读。" />}
        {inspection.status === 'completed' && (
          <Result
            status="success"
            title="本次检查已完成"
            subTitle={nonCompliant > 0 ? `不符合 ${nonCompliant} 项，已生成隐患，请在「隐患整改」中跟进。` : '全部符合或不适用。'}
            extra={
              <Link to="/self-inspection">
                <Button size="large">返回检查列表</Button>
              </Link>
            }
          />
        )}
      </Flex>
    </PageFrame>
  );
}

/** 「有 N 项未同步」 with 重试; quiet while everything is saved. */
function SyncBanner({ recorder, editable }: { recorder: ReturnType<typeof useInspectionRecorder>; editable: boolean }) {
  const { modal } = App.useApp();
  if (recorder.unsynced === 0) {
    if (!editable) return null;
    return (
      <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="inspection-sync-status" data-state="synced">
        <CloudSyncOutlined /> 每项结果自动保存{recorder.storageBroken ? '（本机存储不可用，请保持网络畅通）' : ''}
      </Typography.Text>
    );
  }
  const discard = () =>
    modal.confirm({
      title: '放弃未同步的检查结果？',
      content: `${recorder.unsynced} 项结果只保存在本机，放弃后不能恢复。`,
      okText: '放弃',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: recorder.discard,
    });
  return (
    <Alert
      type={recorder.error ? 'warning' : 'info'}
      showIcon
      icon={recorder.syncing ? <SyncOutlined spin /> : undefined}
      title={recorder.syncing ? `正在同步 ${recorder.unsynced} 项…` : `有 ${recorder.unsynced} 项未同步`}
      description={
        recorder.error
          ? `${recorder.error}。结果已保存在本机，${recorder.fatal ? '但无法提交到服务器。' : '网络恢复后会自动重试。'}`
          : undefined
      }
      action={
        <Flex vertical gap={6}>
          <Button
            size="small"
            type="primary"
            onClick={recorder.flush}
            loading={recorder.syncing}
            disabled={recorder.fatal}
            data-testid="inspection-sync-retry"
          >
            重试
          </Button>
          {recorder.fatal && (
            <Button size="small" danger onClick={discard}>
              放弃
            </Button>
          )}
        </Flex>
      }
      data-testid="inspection-sync-status"
      data-state={recorder.syncing ? 'syncing' : 'unsynced'}
    />
  );
}
