import { Card, Result } from 'antd';
import { useSession } from '../../app/session';
import { EnterpriseDetail } from './EnterpriseDetail';

/** 企业信息 (enterprise side): the user's own enterprise record; bureau-only fields stay read-only when editing. */
export function MyEnterprisePage() {
  const me = useSession();
  if (me.scope.kind !== 'enterprise') {
    return (
      <Card>
        <Result status="info" title="您的账号未关联企业" subTitle="企业信息页面供企业用户查看本企业档案。" />
      </Card>
    );
  }
  return <EnterpriseDetail id={me.scope.enterpriseId} pageTitle="企业信息" />;
}
