import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { passwordProblems } from '@zhiben/contracts';
import { Flex, Progress, Typography } from 'antd';

const RULE_HINT = '至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类，且不能包含用户名';

/** 0–4: character classes used, minus one when too short. */
function scoreOf(password: string): number {
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return Math.max(0, Math.min(4, classes - (password.length < 8 ? 1 : 0)));
}

const LEVELS = [
  { label: '很弱', color: '#ff4d4f' },
  { label: '弱', color: '#ff4d4f' },
  { label: '一般', color: '#faad14' },
  { label: '较强', color: '#52c41a' },
  { label: '强', color: '#389e0d' },
];

/**
 * Live feedback while typing a new password, from the same rule the server applies (contracts'
 * passwordProblems), so what passes here passes there.
 */
export function PasswordStrength({ password, username }: { password: string | undefined; username?: string | undefined }) {
  if (!password) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {RULE_HINT}
      </Typography.Text>
    );
  }
  const problems = passwordProblems(password, username);
  const score = problems.length ? Math.min(scoreOf(password), 2) : scoreOf(password);
  const level = LEVELS[score] ?? LEVELS[0];
  return (
    <Flex vertical gap={2} data-testid="password-strength" style={{ fontSize: 12, marginTop: 4 }}>
      <Flex align="center" gap={8}>
        <Progress percent={(score / 4) * 100} steps={4} size={[28, 6]} showInfo={false} strokeColor={level?.color} />
        <span style={{ color: level?.color }}>强度：{level?.label}</span>
      </Flex>
      {problems.length === 0 ? (
        <Typography.Text type="success" style={{ fontSize: 12 }}>
          <CheckCircleFilled /> 密码符合要求
        </Typography.Text>
      ) : (
        problems.map((p) => (
          <Typography.Text key={p} type="danger" style={{ fontSize: 12 }}>
            <CloseCircleFilled /> {p}
          </Typography.Text>
        ))
      )}
    </Flex>
  );
}
