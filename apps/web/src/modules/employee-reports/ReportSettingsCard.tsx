import { DownloadOutlined, EditOutlined, QrcodeOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Popconfirm, QRCode, Row, Skeleton, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { errorMessage } from '../../api/errors';
import { QueryError } from '../../components/QueryError';
import { testId } from '../../lib/testId';
import { formatDateTime } from '../../lib/time';
import { saveBlob } from '../enterprises/ledger.api';
import { useReportSettings, useRotateReportToken } from './employeeReports.api';
import { qrPoster } from './qrPoster';
import { RewardScaleEditor } from './RewardScaleEditor';
import { formatYuan } from './reportLabels';

/** The QR code for the poster is drawn large off screen, so the PNG prints sharply at A4. */
const POSTER_QR_SIZE = 640;

/**
 * 二维码与奖励标准: the enterprise's report QR code (shown, downloadable as a poster PNG, 重置 behind a confirmation)
 * and its reward scale (奖励标准) with an editor for those who may configure it (the principal).
 */
export function ReportSettingsCard({ enterpriseId, embedded = false }: { enterpriseId: string; embedded?: boolean }) {
  const { message } = App.useApp();
  const query = useReportSettings(enterpriseId);
  const rotate = useRotateReportToken();
  const [editing, setEditing] = useState(false);
  const posterQr = useRef<HTMLDivElement>(null);
  const settings = query.data;

  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!settings) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  const url = `${window.location.origin}${settings.reportPath}`;

  const download = async () => {
    const canvas = posterQr.current?.querySelector('canvas');
    if (!canvas) return;
    try {
      saveBlob(await qrPoster(canvas, settings.enterpriseName, url), `${settings.enterpriseName}-隐患随手拍二维码.png`);
    } catch (err) {
      message.error(err instanceof Error ? err.message : '二维码图片生成失败');
    }
  };

  const onRotate = async () => {
    try {
      await rotate.mutateAsync({ enterpriseId, value: undefined });
      message.success('二维码已重置，旧二维码已失效，请下载新二维码重新张贴');
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Card
      title={
        embedded ? undefined : (
          <span>
            <QrcodeOutlined /> 二维码与奖励标准
          </span>
        )
      }
      size="small"
      variant={embedded ? 'borderless' : 'outlined'}
      styles={embedded ? { body: { padding: 0 } } : undefined}
      data-testid="report-settings"
    >
      <Row gutter={[32, 16]}>
        <Col xs={24} lg={12}>
          <Flex gap={16} align="flex-start" wrap>
            <QRCode value={url} size={148} type="canvas" bordered data-testid="report-qr" />
            <Flex vertical gap={8} style={{ flex: 1, minWidth: 220 }}>
              <Typography.Text>员工扫码即可报告隐患，无需登录，可匿名。将二维码打印张贴在车间、班组等显眼位置。</Typography.Text>
              <Typography.Text type="secondary" copyable={{ text: url, tooltips: ['复制报告页地址', '已复制'] }} style={{ fontSize: 12 }}>
                <span data-testid="report-url" style={{ wordBreak: 'break-all' }}>
                  {url}
                </span>
              </Typography.Text>
              <Flex gap={8} wrap>
                <Button icon={<DownloadOutlined />} onClick={() => void download()} data-testid="report-qr-download">
                  下载二维码
                </Button>
                {settings.abilities.rotate && (
                  <Popconfirm
                    title="重置二维码"
                    description={<div style={{ maxWidth: 280 }}>重置后已张贴的旧二维码立即失效，需要下载新二维码重新张贴。确定重置？</div>}
                    okText="重置"
                    okButtonProps={{ danger: true, loading: rotate.isPending, ...testId('report-rotate-confirm') }}
                    cancelText="取消"
                    onConfirm={onRotate}
                  >
                    <Button danger icon={<ReloadOutlined />} data-testid="report-rotate-token">
                      重置二维码
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
            </Flex>
          </Flex>
          {/* The poster's QR code: same value, drawn large, never shown. */}
          <div ref={posterQr} style={{ position: 'absolute', left: -10_000, top: 0 }} aria-hidden>
            <QRCode value={url} size={POSTER_QR_SIZE} type="canvas" bordered={false} />
          </div>
        </Col>
        <Col xs={24} lg={12}>
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
            <Typography.Text strong>奖励标准</Typography.Text>
            {settings.abilities.edit && !editing && (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="report-scale-edit">
                修改
              </Button>
            )}
          </Flex>
          {editing ? (
            <RewardScaleEditor enterpriseId={enterpriseId} scale={settings.rewardScale} onDone={() => setEditing(false)} />
          ) : (
            <>
              <Table
                size="small"
                rowKey="grade"
                pagination={false}
                dataSource={settings.rewardScale}
                columns={[
                  { title: '等级', dataIndex: 'grade' },
                  { title: '奖励金额', key: 'amount', align: 'right', render: (_, e) => formatYuan(e.amountFen) },
                ]}
                data-testid="report-scale"
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                核实属实的报告按等级奖励；修改标准不影响已记录的奖励。更新于 {formatDateTime(settings.updatedAt)}
              </Typography.Text>
            </>
          )}
        </Col>
      </Row>
    </Card>
  );
}
