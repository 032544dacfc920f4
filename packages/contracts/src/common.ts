import { z } from 'zod';

export const uuidSchema = z.uuid({ error: '编号格式不正确' });
export const idParams = z.strictObject({ id: uuidSchema });

/** `?page=&pageSize=&sort=&q=`; sort is `field` or `-field` (descending). */
export const listQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z
    .string()
    .regex(/^-?[a-zA-Z]+$/, { error: '排序字段格式不正确' })
    .optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export function listResponse<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export interface ListResult<T> {
  items: T[];
  total: number;
}

export const okResponse = z.object({ ok: z.literal(true) });

/** Chinese mobile number (11 digits starting with 1) or a landline such as 0355-1234567. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, { error: '电话号码格式不正确' });
