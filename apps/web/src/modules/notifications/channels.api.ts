import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelDto, CreateChannelBody, UpdateChannelBody } from '@zhiben/contracts';
import { api } from '../../api/client';

export const channelKeys = { all: ['notification-channels'] as const };

export function useChannels() {
  return useQuery({
    queryKey: channelKeys.all,
    queryFn: ({ signal }) => api.get<{ items: ChannelDto[]; total: number }>('/notification-channels', undefined, signal),
  });
}

export function useCreateChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateChannelBody) => api.post<ChannelDto>('/notification-channels', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: channelKeys.all }),
  });
}

export function useUpdateChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateChannelBody }) =>
      api.patch<ChannelDto>(`/notification-channels/${encodeURIComponent(id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: channelKeys.all }),
  });
}
