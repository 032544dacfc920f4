import { PlayCircleOutlined } from '@ant-design/icons';
import { Button, Flex, Result } from 'antd';
import { Link } from 'react-router';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { ChecklistView } from './ChecklistView';

/** 本企业清单 (enterprise side): the checklist of the user's own enterprise. */
export function ChecklistPage() {
  const me = useSession();
  const enterpriseId = me.scope.kind === 'enterprise' ? me.scope.enterpriseId : null;
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="本企业清单"
        description="本企业适用的重大事故隐患判定条款（一行业一清单）"
        extra={
          enterpriseId &&
          can(me, 'inspections.create') && (
            <Link to="/self-inspection?create=1">
              <Button type="primary" icon={<PlayCircleOutlined />} data-testid="checklist-start-inspection">
                按清单开展检查
              </Button>
            </Link>
          )
        }
      />
      {enterpriseId ? (
        <ChecklistView enterpriseId={enterpriseId} />
      ) : (
        <Result status="info" title="本页面供企业用户使用" subTitle="监管人员请在企业详情中查看各企业的检查清单。" />
      )}
    </Flex>
  );
}
