// Where a migration mapping leads from the record on screen: mappings are readable from both
// tenants, so the page may be the old side or the new side.

export interface Mapping {
  id: string;
  tenant: string;
  resource_id: string;
  old_tenant: string;
  old_resource_id: string;
  resource_type: 'PERSON' | 'BUSINESS' | 'ACCOUNT';
  creation_time: string;
  last_updated_time: string;
  deletion_time?: string;
}

export const pageOfType = (type: Mapping['resource_type']): string =>
  type === 'PERSON' ? 'persons' : type === 'BUSINESS' ? 'businesses' : 'accounts';

/** The other side of a mapping, seen from `tenant`'s record `id`. */
export const otherSide = (m: Mapping, tenant: string, id: string): { tenant: string; id: string; direction: 'new' | 'old' } =>
  m.old_tenant === tenant && m.old_resource_id === id
    ? { tenant: m.tenant, id: m.resource_id, direction: 'new' }
    : { tenant: m.old_tenant, id: m.old_resource_id, direction: 'old' };
