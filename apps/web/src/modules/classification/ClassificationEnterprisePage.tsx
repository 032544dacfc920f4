import { ArrowLeftOutlined } from '@ant-design/icons';
import { Flex } from 'antd';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ClassificationPanel } from './ClassificationCard';

/** /classification/enterprises/:id — one enterprise's class, why, and how it changed. */
export function ClassificationEnterprisePage() {
  const { id = '' } = useParams();
  return (
    <Flex vertical gap={16}>
      <Link to={`/enterprises/${id}`} data-testid="classification-enterprise-link">
        <ArrowLeftOutlined /> 企业详情
      </Link>
      <PageHeader
        title="企业风险等级"
        description="按现行分级规则计算：起评等级 + 动态调整（隐患、报警、监测接入、处罚、事故、标准化等级）"
      />
      <ClassificationPanel enterpriseId={id} />
    </Flex>
  );
}
