import { describe, expect, it } from 'vitest';
import { type Mapping, otherSide, pageOfType } from '../../../console/src/mapping-links.js';
import { href, parseHash, tenantHref } from '../../../console/src/router.js';

// The console's pure navigation rules: hash routes, and where "View Migrated Resource" leads.

const OLD = '11111111-1111-4111-8111-111111111111';
const NEW = '22222222-2222-4222-8222-222222222222';
const mapping: Mapping = {
  id: 'm1',
  tenant: NEW,
  resource_id: 'new-account',
  old_tenant: OLD,
  old_resource_id: 'old-account',
  resource_type: 'ACCOUNT',
  creation_time: '2026-11-30T07:00:00Z',
  last_updated_time: '2026-11-30T07:00:00Z',
};

describe('otherSide', () => {
  it('leads from the old record to the new one and back', () => {
    expect(otherSide(mapping, OLD, 'old-account')).toEqual({ tenant: NEW, id: 'new-account', direction: 'new' });
    expect(otherSide(mapping, NEW, 'new-account')).toEqual({ tenant: OLD, id: 'old-account', direction: 'old' });
  });

  it('opens the page of the mapped type', () => {
    expect(['PERSON', 'BUSINESS', 'ACCOUNT'].map((t) => pageOfType(t as Mapping['resource_type']))).toEqual([
      'persons',
      'businesses',
      'accounts',
    ]);
  });
});

describe('hash routes', () => {
  it('round-trips path parts and query, encoding what needs it', () => {
    const target = tenantHref(OLD, ['persons', 'a/b'], { from: NEW, empty: '' });
    expect(target).toBe(`#/t/${OLD}/persons/a%2Fb?from=${NEW}`);
    const route = parseHash(target);
    expect(route.parts).toEqual(['t', OLD, 'persons', 'a/b']);
    expect(route.query.get('from')).toBe(NEW);
    expect(route.query.has('empty')).toBe(false);
  });

  it('reads an empty hash as the overview', () => {
    expect(parseHash('').parts).toEqual([]);
    expect(href([])).toBe('#/');
  });
});
