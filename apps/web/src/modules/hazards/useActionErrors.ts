import { useQueryClient } from '@tanstack/react-query';
import { HAZARD_STATUS_LABELS, type HazardDto } from '@zhiben/contracts';
import { App, type FormInstance } from 'antd';
import { errorMessage, isApiError } from '../../api/errors';
import { applyFieldErrors } from '../../api/formErrors';
import { testId } from '../../lib/testId';
import { hazardKeys } from './hazards.api';

const isStatus = (value: unknown): value is HazardDto['status'] => typeof value === 'string' && Object.hasOwn(HAZARD_STATUS_LABELS, value);

/** 「当前状态」 in Chinese, unless the server's message already names it. */
function stateNote(message: string, current: unknown): string {
  if (!isStatus(current)) return '';
  const label = `「${HAZARD_STATUS_LABELS[current]}」`;
  return message.includes(label) ? '' : `（该隐患当前为${label}）`;
}

/**
 * What a failed hazard action shows. 409: someone else moved the hazard on meanwhile — the dialog closes, the
 * current state is named in Chinese and the page reloads the hazard; 400 field problems go under their fields;
 * the rest (403, network) is a message. Returns whether the dialog should close.
 */
export function useActionErrors() {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  return (error: unknown, form?: FormInstance): boolean => {
    if (isApiError(error) && error.status === 409) {
      const current = (error.details as { currentStatus?: unknown } | undefined)?.currentStatus;
      void queryClient.invalidateQueries({ queryKey: hazardKeys.all });
      modal.warning({
        title: '隐患状态已变化，操作未完成',
        content: `${error.message}${stateNote(error.message, current)}。页面已刷新，请按最新状态办理。`,
        okText: '知道了',
        okButtonProps: testId('hazard-conflict-ok'),
      });
      return true;
    }
    if (isApiError(error) && error.status === 404) {
      void queryClient.invalidateQueries({ queryKey: hazardKeys.all });
      message.error('该隐患不存在或已不在您的数据范围内');
      return true;
    }
    if (!form || !applyFieldErrors(form, error)) message.error(errorMessage(error));
    return false;
  };
}
