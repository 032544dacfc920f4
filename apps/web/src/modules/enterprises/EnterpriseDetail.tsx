import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { detailQueryState } from '../../components/DetailQueryState';
import { usePageTitle } from '../../lib/usePageTitle';
import { ClassificationCard } from '../classification/ClassificationCard';
import { RiskClassTag } from '../classification/RiskClassTag';
import { ChecklistTab } from './ChecklistTab';
import { SectorTag, StatusTag } from './EnterpriseBadges';
import { EnterpriseBasicTab } from './EnterpriseBasicTab';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer';
import { useEnterprise } from './enterprises.api';
import { HistoryTab } from './HistoryTab';
import { RiskProfileTab } from './RiskProfileTab';
import { useTagCatalog } from './riskTagCatalog';

const TABS = ['basic', 'risk', 'classification', 'checklist', 'history'] as const;
type TabKey = (typeof TABS)[number];

/**
 * One enterprise (一企一档): header with status, sector and the allowed actions, then tabs. Used by the bureau's
 * /enterprises/:id and the enterprise side's 企业信息 (/my/enterprise). The tab is kept in the URL (`?tab=`).
 */
export function EnterpriseDetail({
  id,
  pageTitle,
  back,
}: {
  id: string;
  /** Browser tab title (defaults to the enterprise name). */
  pageTitle?: string;
  /** Link back to the list it was opened from. */
  back?: { to: string; label: string };
}) {
  const me = useSession();
  const query = useEnterprise(id);
  const { catalog } = useTagCatalog();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const phone = Grid.useBreakpoint().sm === false;
  const [editing, setEditing] = useState(false);
  const requested = params.get('tab') as TabKey | null;
  const canChecklist = can(me, 'standard.read');
  const canClassification = can(me, 'classification.read');
  const tab: TabKey =
    requested &&
    TABS.includes(requested) &&
    (requested !== 'checklist' || canChecklist) &&
    (requested !== 'classification' || canClassification)
      ? requested
      : 'basic';
  usePageTitle(pageTitle ?? query.data?.name ?? '企业详情');

  const setTab = (key: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (key === 'basic') next.delete('tab');
        else next.set('tab', key);
        return next;
      },
      // Keep the navigation state: it carries the list filters the back link returns to.
      { replace: true, state: location.state },
    );

  const backLink = back && (
    <Link to={back.to} data-testid="enterprise-back">
      <ArrowLeftOutlined /> {back.label}
    </Link>
  );

  const pending = detailQueryState({ query, noun: '企业', backLink, testId: 'enterprise' });
  if (pending || !query.data) return pending;

  const e = query.data;
  const canEdit = e.abilities.update;

  return (
    <Flex vertical gap={16} data-testid="enterprise-detail">
      <Card styles={{ body: { paddingBottom: 0 } }}>
        {backLink && <div style={{ marginBottom: 8 }}>{backLink}</div>}
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div style={{ minWidth: 0 }}>
            <Flex align="center" wrap gap={8}>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="enterprise-title">
                {e.name}
              </Typography.Title>
              <StatusTag status={e.status} />
              <SectorTag enterprise={e} />
              <RiskClassTag riskClass={e.riskClass} testId="enterprise-risk-class" />
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              统一社会信用代码 {e.creditCode} · {e.regionName}
            </Typography.Text>
          </div>
          {canEdit && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="enterprise-edit">
              编辑
            </Button>
          )}
        </Flex>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          style={{ marginTop: 8 }}
          tabBarStyle={{ marginBottom: 0 }}
          // All four tabs fit a phone's width without the overflow menu.
          tabBarGutter={phone ? 14 : undefined}
          items={[
            { key: 'basic', label: <span data-testid="enterprise-tab-basic">基本信息</span> },
            { key: 'risk', label: <span data-testid="enterprise-tab-risk">风险画像</span> },
            ...(canClassification
              ? [{ key: 'classification', label: <span data-testid="enterprise-tab-classification">分级分类</span> }]
              : []),
            ...(canChecklist ? [{ key: 'checklist', label: <span data-testid="enterprise-tab-checklist">检查清单</span> }] : []),
            { key: 'history', label: <span data-testid="enterprise-tab-history">变更记录</span> },
          ]}
        />
      </Card>
      <Card>
        {tab === 'basic' && <EnterpriseBasicTab enterprise={e} />}
        {tab === 'risk' && (
          <RiskProfileTab enterprise={e} catalog={catalog} canEdit={canEdit} canBrowseList={me.scope.kind !== 'enterprise'} />
        )}
        {tab === 'classification' && <ClassificationCard enterpriseId={e.id} />}
        {tab === 'checklist' && <ChecklistTab enterpriseId={e.id} active />}
        {tab === 'history' && <HistoryTab enterpriseId={e.id} active catalog={catalog} />}
      </Card>
      {editing && <EnterpriseFormDrawer open enterprise={e} onClose={() => setEditing(false)} />}
    </Flex>
  );
}
