import type { EnterpriseDto, RiskClass, Sector } from '@zhiben/contracts';
import { can, type Principal } from '../../platform/principal.js';
import { provisionalRiskClass } from '../classification/provisional.js';
import type { EnterpriseRow } from './enterprises.repository.js';

export function toEnterpriseDto(row: EnterpriseRow, principal: Principal): EnterpriseDto {
  const canUpdate = can(principal, 'enterprises.update');
  return {
    id: row.id,
    name: row.name,
    creditCode: row.creditCode,
    industryCode: row.industryCode,
    sector: (row.sector as Sector | null) ?? null,
    derivedSector: row.derivedSector as Sector | null,
    sectorOverride: row.sectorOverride as Sector | null,
    sectorOverrideReason: row.sectorOverrideReason,
    regionId: row.regionId,
    regionName: row.regionName,
    address: row.address,
    scale: row.scale as EnterpriseDto['scale'],
    employees: row.employees,
    dustWorkers: row.dustWorkers,
    principalName: row.principalName,
    principalPhone: row.principalPhone,
    safetyManagerName: row.safetyManagerName,
    safetyManagerPhone: row.safetyManagerPhone,
    status: row.status as EnterpriseDto['status'],
    standardizationLevel: row.standardizationLevel as EnterpriseDto['standardizationLevel'],
    standardizationExpiry: row.standardizationExpiry,
    stateOwned: row.stateOwned,
    labourIntensive: row.labourIntensive,
    factoryInFactory: row.factoryInFactory,
    longitude: row.longitude,
    latitude: row.latitude,
    riskTags: row.riskTags,
    riskClass: (row.riskClass as RiskClass | null) ?? provisionalRiskClass(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: { update: canUpdate, updateBureauFields: canUpdate && can(principal, 'enterprises.update_bureau_fields') },
  };
}

/** The audit view: the record's own fields, without timestamps (they change on every write). */
export function auditViewOfEnterprise(row: Partial<EnterpriseRow>) {
  const { createdAt: _c, updatedAt: _u, regionName: _r, regionPath: _p, sector: _s, riskClass: _k, ...fields } = row;
  return fields;
}
