import { z } from 'zod';

/** Field helpers shared by the enforcement contracts (Chinese messages). */

export const isoDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });
const photoHash = z.string().regex(/^[0-9a-f]{64}$/, { error: '照片编号格式不正确' });
export const photoList = z.array(photoHash).max(9, { error: '最多 9 张照片' });
export const text = (what: string, max: number, min = 2) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(min, { error: `请填写${what}` })
    .max(max, { error: `${what}最多 ${max} 字` });
export const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${what}最多 ${max} 字` })
    .nullish();
/** Money is integer fen (分), as everywhere in Zhiben. */
export const fen = (what: string) =>
  z
    .number({ error: `请填写${what}（分）` })
    .int({ error: `${what}以分为单位，须为整数` })
    .min(0, { error: `${what}不能为负数` })
    .max(100_000_000_000);
