import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody, ListResult, UpdateUserBody, UserDto } from '@zhiben/contracts';
import { api, type Query } from '../../api/client';

export const userKeys = {
  all: ['users'] as const,
  list: (query: Query) => ['users', 'list', query] as const,
};

export function useUserList(query: Query) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => api.get<ListResult<UserDto>>('/users', query, signal),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.post<UserDto>('/users', body),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => api.patch<UserDto>(`/users/${encodeURIComponent(id)}`, body),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) =>
      api.post<UserDto>(`/users/${encodeURIComponent(id)}/reset-password`, { newPassword }),
    onSuccess: invalidate,
  });
}
