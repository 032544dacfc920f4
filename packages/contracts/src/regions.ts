import { z } from 'zod';

export const REGION_KINDS = ['district', 'subdistrict', 'town', 'township', 'zone'] as const;
export const REGION_KIND_LABELS: Record<(typeof REGION_KINDS)[number], string> = {
  district: '区',
  subdistrict: '街道',
  town: '镇',
  township: '乡',
  zone: '园区',
};

export const regionDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(REGION_KINDS),
  parentId: z.string().nullable(),
  path: z.string(),
  sort: z.number().int(),
});
export type RegionDto = z.infer<typeof regionDto>;
