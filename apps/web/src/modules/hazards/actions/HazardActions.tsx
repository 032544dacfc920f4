import {
  AuditOutlined,
  CheckCircleOutlined,
  CloseCircleOutlined,
  EditOutlined,
  FlagOutlined,
  GlobalOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { HAZARD_ACTIONS, type HazardAction, type HazardDto } from '@zhiben/contracts';
import { Button, Flex, Grid } from 'antd';
import { type ReactNode, useState } from 'react';
import { LatestEvidence } from '../LatestEvidence';
import { AssignDialog } from './AssignDialog';
import { EvidenceDialog } from './EvidenceDialog';
import { type EvidenceAction, evidenceConfig } from './evidenceConfig';
import { JudgeDialog } from './JudgeDialog';
import { SuperviseDialog } from './SuperviseDialog';

interface ButtonSpec {
  label: (h: HazardDto) => string;
  icon: ReactNode;
  primary?: boolean;
  danger?: boolean;
}

const BUTTONS: Record<HazardAction, ButtonSpec> = {
  judge: { label: () => '判定并指派整改', icon: <AuditOutlined />, primary: true },
  dismiss: { label: () => '不构成隐患', icon: <StopOutlined /> },
  assign: { label: () => '调整五落实', icon: <EditOutlined /> },
  submit: { label: () => '提交整改', icon: <SendOutlined />, primary: true },
  accept: { label: (h) => (h.level === 'major' ? '复查验收' : '验收通过'), icon: <CheckCircleOutlined />, primary: true },
  reject: { label: () => '验收退回', icon: <RollbackOutlined />, danger: true },
  supervise: { label: (h) => (h.supervised ? '调整督办' : '挂牌督办'), icon: <FlagOutlined /> },
  publish: { label: () => '挂牌公示', icon: <GlobalOutlined /> },
  unpublish: { label: () => '摘牌', icon: <CloseCircleOutlined /> },
};

const EVIDENCE: readonly HazardAction[] = ['submit', 'accept', 'reject', 'dismiss', 'publish', 'unpublish'];
const isEvidence = (a: HazardAction): a is EvidenceAction => EVIDENCE.includes(a);

/**
 * The action buttons of the hazard page: exactly those `abilities` (computed on the server from the state machine,
 * the role and its permissions) allow. Each opens its form; none is shown just to answer 403.
 */
export function HazardActions({ hazard }: { hazard: HazardDto }) {
  const phone = Grid.useBreakpoint().sm === false;
  const [open, setOpen] = useState<HazardAction | null>(null);
  const allowed = HAZARD_ACTIONS.filter((a) => hazard.abilities[a]);
  if (allowed.length === 0) return null;
  const close = () => setOpen(null);

  return (
    <>
      <Flex gap={8} wrap justify={phone ? 'stretch' : 'flex-end'} data-testid="hazard-actions">
        {allowed.map((action) => {
          const spec = BUTTONS[action];
          return (
            <Button
              key={action}
              type={spec.primary ? 'primary' : 'default'}
              danger={spec.danger}
              icon={spec.icon}
              onClick={() => setOpen(action)}
              size={phone ? 'large' : undefined}
              style={phone ? { flex: '1 1 40%' } : undefined}
              data-testid={`hazard-action-${action}`}
            >
              {spec.label(hazard)}
            </Button>
          );
        })}
      </Flex>
      {open === 'judge' && <JudgeDialog hazard={hazard} open onClose={close} />}
      {open === 'assign' && <AssignDialog hazard={hazard} open onClose={close} />}
      {open === 'supervise' && <SuperviseDialog hazard={hazard} open onClose={close} />}
      {open && isEvidence(open) && (
        <EvidenceDialog
          key={open}
          hazard={hazard}
          action={open}
          config={evidenceConfig(open, hazard)}
          open
          onClose={close}
          before={open === 'accept' || open === 'reject' ? <LatestEvidence hazardId={hazard.id} action="submit" compact /> : undefined}
        />
      )}
    </>
  );
}
