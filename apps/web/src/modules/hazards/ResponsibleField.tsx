import { useQuery } from '@tanstack/react-query';
import { type HazardAssigneesDto, judgeHazardBody, ROLE_LABELS } from '@zhiben/contracts';
import { AutoComplete, Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { requiredSelect, zodRule } from '../../lib/formRules';
import { useEnterprise } from '../enterprises/enterprises.api';

/** The Select value meaning "someone without an account": his name is typed into `responsibleName`. */
export const NAME_ONLY = '__name__';

interface Current {
  /** The hazard's id: its assignees come from /hazards/:id/assignees. */
  id: string;
  enterpriseId: string;
  responsibleUserId: string | null;
  responsibleName: string | null;
}

/**
 * Who may be named as 整改责任人: an active account of the hazard's enterprise (the server lists them to whoever may
 * manage the hazard), the current one, or, for anybody else, a typed name.
 */
function useResponsibleOptions(current: Current) {
  const me = useSession();
  const users = useQuery({
    queryKey: ['hazards', 'assignees', current.id],
    queryFn: ({ signal }) => api.get<HazardAssigneesDto>(`/hazards/${encodeURIComponent(current.id)}/assignees`, undefined, signal),
    staleTime: 60_000,
  });
  return useMemo(() => {
    const options: { value: string; label: string }[] = [];
    const add = (value: string, label: string) => {
      if (!options.some((o) => o.value === value)) options.push({ value, label });
    };
    if (current.responsibleUserId) add(current.responsibleUserId, `${current.responsibleName ?? '当前责任人'}（当前）`);
    if (me.scope.kind === 'enterprise' && me.scope.enterpriseId === current.enterpriseId) {
      add(me.user.id, `${me.user.displayName}（本人）`);
    }
    for (const u of users.data?.items ?? []) add(u.id, `${u.displayName}（${ROLE_LABELS[u.role]}）`);
    options.push({ value: NAME_ONLY, label: '其他人员（无平台账号，填写姓名）' });
    return { options, loading: users.isFetching };
  }, [current, me, users.data, users.isFetching]);
}

/** Test-id suffix of an option: `me`, `other` (someone without an account) or the user id. */
function optionKey(value: string, meId?: string): string {
  return value === NAME_ONLY ? 'other' : value === meId ? 'me' : value;
}

/** The initial form values of the 责任人 fields for a hazard's current 五落实. */
export function responsibleInitial(current: Current): { responsible?: string; responsibleName?: string } {
  if (current.responsibleUserId) return { responsible: current.responsibleUserId };
  if (current.responsibleName) return { responsible: NAME_ONLY, responsibleName: current.responsibleName };
  return {};
}

/** The body fields for the chosen 责任人. */
export function responsibleBody(values: { responsible?: string; responsibleName?: string }) {
  return values.responsible === NAME_ONLY
    ? { responsibleUserId: null, responsibleName: values.responsibleName?.trim() ?? null }
    : { responsibleUserId: values.responsible ?? null, responsibleName: null };
}

/** 整改责任人: an account, or a name (with the enterprise's registered principal and safety manager suggested). */
export function ResponsibleField({ current, testIdPrefix }: { current: Current; testIdPrefix: string }) {
  const { options, loading } = useResponsibleOptions(current);
  const meId = useSession().user.id;
  const enterprise = useEnterprise(current.enterpriseId);
  const form = Form.useFormInstance();
  const chosen = Form.useWatch('responsible', form) as string | undefined;
  const suggestions = [
    ...new Set([enterprise.data?.principalName, enterprise.data?.safetyManagerName].filter((n): n is string => !!n)),
  ].map((n) => ({ value: n }));
  return (
    <>
      <Form.Item
        label="整改责任人"
        name="responsible"
        required
        rules={[requiredSelect('请指定整改责任人（选择本企业用户或填写姓名）')]}
        extra={chosen === NAME_ONLY ? undefined : '责任人会收到整改提醒和逾期催办'}
      >
        <Select
          options={options.map((o) => ({ ...o, 'data-testid': `${testIdPrefix}-responsible-${optionKey(o.value, meId)}` }))}
          loading={loading}
          placeholder="选择责任人"
          showSearch={{ optionFilterProp: 'label' }}
          data-testid={`${testIdPrefix}-responsible`}
        />
      </Form.Item>
      {chosen === NAME_ONLY && (
        <Form.Item
          label="责任人姓名"
          name="responsibleName"
          required
          rules={[zodRule(judgeHazardBody.shape.responsibleName.unwrap().unwrap())]}
          extra="无平台账号的责任人不会收到系统提醒，请线下通知"
        >
          <AutoComplete options={suggestions}>
            <Input maxLength={50} placeholder="如：车间主任 张三" data-testid={`${testIdPrefix}-responsible-name`} />
          </AutoComplete>
        </Form.Item>
      )}
    </>
  );
}
