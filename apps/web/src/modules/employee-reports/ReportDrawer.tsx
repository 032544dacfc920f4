import type { EmployeeReportDto } from '@zhiben/contracts';
import { Card, Descriptions, Drawer, Flex, Grid, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { formatDate, formatDateTime } from '../../lib/time';
import { PhotoGallery } from '../self-inspection/PhotoThumbs';
import { useEmployeeReport } from './employeeReports.api';
import { ReportActions } from './ReportActions';
import { formatYuan, ReportStatusTag } from './reportLabels';

function rewardText(r: EmployeeReportDto): string {
  if (r.rewardFen === null) return r.status === 'confirmed' ? '待评定' : '—';
  return r.rewardPaidAt ? `${formatYuan(r.rewardFen)}（${formatDate(r.rewardPaidAt)} 已发放）` : `${formatYuan(r.rewardFen)}（待发放）`;
}

/** Who reported: only in DTOs for the principal and the bureau; everyone else is told that it is hidden. */
function Reporter({ report }: { report: EmployeeReportDto }) {
  if (report.identityHidden) {
    return <Typography.Text type="secondary">报告人身份仅企业主要负责人和区应急管理局可见</Typography.Text>;
  }
  return (
    <Descriptions
      column={1}
      size="small"
      styles={{ label: { width: 90 } }}
      items={[
        { key: 'name', label: '报告人', children: report.reporterName ?? '匿名' },
        { key: 'phone', label: '联系电话', children: report.reporterPhone ?? '未留' },
      ]}
      data-testid="report-reporter"
    />
  );
}

/** 报告详情: description, photos, verification and reward, the hazard it became, and the allowed actions. */
export function ReportDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  const query = useEmployeeReport(id);
  const report = query.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={screens.md ? 640 : '100%'}
      title="员工报告详情"
      extra={report && <ReportActions report={report} />}
      destroyOnHidden
      data-testid="report-drawer"
    >
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !report ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center">
            <ReportStatusTag status={report.status} />
            {report.grade && <Typography.Text>等级：{report.grade}</Typography.Text>}
          </Flex>
          <Typography.Paragraph style={{ fontSize: 15, margin: 0, lineHeight: 1.8 }} data-testid="report-drawer-description">
            {report.description}
          </Typography.Paragraph>
          <Descriptions
            column={1}
            bordered
            size="small"
            styles={{ label: { width: 100 } }}
            items={[
              { key: 'enterprise', label: '企业', children: `${report.enterpriseName}（${report.regionName}）` },
              { key: 'location', label: '位置', children: report.location ?? '—' },
              { key: 'createdAt', label: '提交时间', children: formatDateTime(report.createdAt) },
              { key: 'receipt', label: '回执码', children: <Typography.Text code>{report.receiptCode}</Typography.Text> },
              {
                key: 'verified',
                label: '核实',
                children: report.verifiedAt ? `${report.verifiedByName ?? '—'} · ${formatDateTime(report.verifiedAt)}` : '待核实',
              },
              ...(report.verificationNote ? [{ key: 'note', label: '核实说明', children: report.verificationNote }] : []),
              { key: 'reward', label: '奖励', children: <span data-testid="report-drawer-reward">{rewardText(report)}</span> },
              ...(report.hazardId
                ? [
                    {
                      key: 'hazard',
                      label: '生成隐患',
                      children: (
                        <Link to={`/hazards/${encodeURIComponent(report.hazardId)}`} data-testid="report-drawer-hazard">
                          查看隐患并落实整改 →
                        </Link>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Card size="small" title={`现场照片（${report.photos.length}）`}>
            {report.photos.length === 0 ? (
              <Typography.Text type="secondary">未上传照片</Typography.Text>
            ) : (
              <PhotoGallery hashes={report.photos} size={96} testIdPrefix="report-drawer-photo" />
            )}
          </Card>
          <Card size="small" title="报告人">
            <Reporter report={report} />
          </Card>
        </Flex>
      )}
    </Drawer>
  );
}
