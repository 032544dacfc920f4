import type { ZeroingDto } from '@zhiben/contracts';
import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { EChart, type EChartClick } from '../../components/EChart';
import { hazardListLink } from './zeroing.api';
import { zeroingBarOption } from './zeroingChartOption';

type Breakdown = ZeroingDto['bySector'];

interface ChartSpec {
  key: 'sector' | 'region' | 'article';
  title: string;
  rows: Breakdown;
  /** The list filter a row stands for; undefined for 未分类 / 未关联条款 (no filter can select those). */
  filter: (key: string) => Record<string, string> | undefined;
}

const isNone = (key: string) => key === 'none';

/**
 * Open major hazards by sector, region and standard article; a bar (or the card's link) opens the major hazards of
 * that category. An enterprise's own board shows only the article breakdown (one sector, one region).
 */
export function ZeroingCharts({ data, enterpriseScope, compact }: { data: ZeroingDto; enterpriseScope: boolean; compact: boolean }) {
  const navigate = useNavigate();
  const specs = useMemo<ChartSpec[]>(() => {
    const all: ChartSpec[] = [
      { key: 'sector', title: '按监管行业', rows: data.bySector, filter: (k) => (isNone(k) ? undefined : { sector: k }) },
      { key: 'region', title: '按乡镇（街道、园区）', rows: data.byRegion, filter: (k) => ({ regionId: k }) },
      { key: 'article', title: '按判定标准条款', rows: data.byArticle, filter: (k) => (isNone(k) ? undefined : { article: k }) },
    ];
    return enterpriseScope ? all.filter((s) => s.key === 'article') : all;
  }, [data, enterpriseScope]);
  const options = useMemo(() => specs.map((s) => zeroingBarOption(s.rows)), [specs]);

  return (
    <Row gutter={[16, 16]}>
      {specs.map((spec, i) => {
        const option = options[i];
        const onClick = (e: EChartClick) => {
          const row = spec.rows[e.dataIndex];
          const filter = row && spec.filter(row.key);
          if (filter) navigate(hazardListLink({ level: 'major', open: 'true', ...filter }));
        };
        return (
          <Col key={spec.key} xs={24} xl={enterpriseScope ? 24 : 8}>
            <Card
              size="small"
              title={spec.title}
              extra={<Link to={hazardListLink({ level: 'major' })}>查看清单</Link>}
              style={{ height: '100%' }}
              data-testid={`zeroing-chart-${spec.key}`}
            >
              {spec.rows.length === 0 || !option ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本年暂无重大隐患" />
              ) : (
                <EChart
                  option={option}
                  onClick={onClick}
                  height={Math.max(enterpriseScope ? 140 : compact ? 200 : 240, spec.rows.length * 30 + 56)}
                  ariaLabel={`${spec.title}：${spec.rows.map((r) => `${r.label} 未销号 ${r.open} 项，逾期 ${r.overdue} 项`).join('，')}`}
                />
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
