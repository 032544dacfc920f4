/**
 * The jurisdiction this deployment supervises. Another district is a change of this file, not of code.
 * 上党区 = 140404 [C]; its township-level units per 长治市政府 2020-03-10 (晋政函〔2019〕123号: 韩店镇 → 韩店街道,
 * 郝家庄乡 → 郝家庄镇) [C]. Township codes were not found in public sources (regulations.md §10): the codes
 * below are local identifiers in the 9-digit statistical pattern and must be replaced by the official ones.
 */
export interface RegionSeed {
  code: string;
  name: string;
  kind: 'district' | 'subdistrict' | 'town' | 'township' | 'zone';
  children?: RegionSeed[];
}

export const JURISDICTION: RegionSeed = {
  code: '140404',
  name: '长治市上党区',
  kind: 'district',
  children: [
    { code: '140404001', name: '韩店街道', kind: 'subdistrict' },
    { code: '140404101', name: '苏店镇', kind: 'town' },
    { code: '140404102', name: '荫城镇', kind: 'town' },
    { code: '140404103', name: '西火镇', kind: 'town' },
    { code: '140404104', name: '八义镇', kind: 'town' },
    { code: '140404105', name: '郝家庄镇', kind: 'town' },
    { code: '140404106', name: '南宋镇', kind: 'town' },
    { code: '140404201', name: '东和乡', kind: 'township' },
    { code: '140404202', name: '北呈乡', kind: 'township' },
    { code: '140404203', name: '西池乡', kind: 'township' },
    { code: '140404401', name: '振兴新区', kind: 'zone' },
    { code: '140404402', name: '上党经济技术开发区', kind: 'zone' },
  ],
};
