import type { QueryClient } from '@tanstack/react-query';
import type { MeResponse } from '@zhiben/contracts';
import { configureSessionHandlers } from '../api/client';
import { ME_QUERY_KEY } from '../api/session';

/**
 * Wires the API client's session events to the session query. The route guard reacts to the change:
 * a null session shows the login page (keeping the intended URL), `mustChangePassword` the forced
 * change-password page.
 */
export function installSessionHandlers(queryClient: QueryClient): void {
  configureSessionHandlers({
    onUnauthenticated() {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, null);
    },
    onPasswordChangeRequired() {
      queryClient.setQueryData<MeResponse | null>(ME_QUERY_KEY, (me) =>
        me ? { ...me, user: { ...me.user, mustChangePassword: true } } : me,
      );
    },
    onCsrfInvalid() {
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}
