import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentSettingsDto, SaveDocumentSettingsBody } from '@zhiben/contracts';
import { api } from '../../api/client';

export const documentSettingsKey = ['enforcement', 'document-settings'] as const;

/** `GET /enforcement/document-settings`: the documents' wording in force (defaults while the bureau saved none). */
export function useDocumentSettings() {
  return useQuery({
    queryKey: documentSettingsKey,
    queryFn: ({ signal }) => api.get<DocumentSettingsDto>('/enforcement/document-settings', undefined, signal),
    staleTime: 0,
  });
}

/** A new revision (`rev` = current + 1; 409 DOCUMENT_SETTINGS_CONFLICT when someone saved first). */
export function useSaveDocumentSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveDocumentSettingsBody) => api.put<DocumentSettingsDto>('/enforcement/document-settings', body),
    onSuccess: (dto) => client.setQueryData(documentSettingsKey, dto),
  });
}
