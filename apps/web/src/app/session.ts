import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeResponse } from '@zhiben/contracts';
import { createContext, useContext } from 'react';
import { useNavigate } from 'react-router';
import { fetchMe, logout, ME_QUERY_KEY } from '../api/session';

/** The session query: the signed-in user, null when signed out, undefined while loading. */
export function useMeQuery() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY, retry: 1 });
}

/** Provided by RequireAuth: inside the signed-in area the user is always known. */
export const SessionContext = createContext<MeResponse | null>(null);

export function useSession(): MeResponse {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() outside RequireAuth');
  return me;
}

/** Signs out, forgets every cached answer (the next user must not see them) and shows the login page. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(ME_QUERY_KEY, null);
      navigate('/login', { replace: true });
    },
  });
}
