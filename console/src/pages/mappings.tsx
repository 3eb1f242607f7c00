import { apiFor } from '../api.js';
import { useApi, useSession } from '../context.js';
import { navigate, type Route, tenantHref } from '../router.js';
import { tenantName } from '../session.js';
import { useLoad } from '../ui/load.js';
import { type Mapping, pageOfType } from '../mapping-links.js';
import { PagedTable } from '../ui/paged.js';
import { Section, When } from '../ui/widgets.js';

const TYPES = ['PERSON', 'BUSINESS', 'ACCOUNT'];

interface StatusCounts {
  ACTIVE: number;
  DELETED: number;
}

interface MigrationPair {
  old_tenant: string;
  old_tenant_name: string;
  tenant: string;
  tenant_name: string;
  by_resource_type: Record<string, StatusCounts>;
  total: StatusCounts;
}

const counts = (c: StatusCounts | undefined) => (c ? `${c.ACTIVE} live${c.DELETED ? `, ${c.DELETED} deleted` : ''}` : '0');

/** The operator's migration progress (GET /v0/operator/migration_summary): per old → new tenant pair, mappings by type and status. */
function Summary() {
  const session = useSession();
  const summary = useLoad(
    async () => (session.operator ? apiFor(session).get<{ pairs: MigrationPair[] }>('/v0/operator/migration_summary') : null),
    [session.key],
  );
  if (!summary.data) return null;
  return (
    <Section title="Migration progress">
      {/* A table wider than a phone scrolls inside this region, which keyboard users must be able to focus to scroll. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region is focusable (WCAG 2.1.1) */}
      <section class="table-wrap" aria-label="Migration progress per tenant pair" tabIndex={0}>
        <table>
          <caption>Mappings per tenant pair, whole organization</caption>
          <thead>
            <tr>
              <th scope="col">From (old)</th>
              <th scope="col">To (new)</th>
              {TYPES.map((t) => (
                <th scope="col" key={t}>
                  {t}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {summary.data.pairs.length === 0 ? (
              <tr>
                <td colSpan={TYPES.length + 3} class="muted">
                  No migration yet.
                </td>
              </tr>
            ) : (
              summary.data.pairs.map((p) => (
                <tr key={`${p.old_tenant}>${p.tenant}`}>
                  <td>{p.old_tenant_name}</td>
                  <td>{p.tenant_name}</td>
                  {TYPES.map((t) => (
                    <td key={t}>{counts(p.by_resource_type[t])}</td>
                  ))}
                  <td>{counts(p.total)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>
    </Section>
  );
}

export function MappingsPage({ tenant, route }: { tenant: string; route: Route }) {
  const session = useSession();
  const api = useApi(tenant);
  const type = route.query.get('resource_type') ?? '';
  const deleted = route.query.get('include_deleted') === 'true';
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    navigate(
      tenantHref(tenant, ['mappings'], {
        resource_type: String(form.get('resource_type') ?? ''),
        include_deleted: form.get('include_deleted') ? 'true' : undefined,
      }),
    );
  };
  return (
    <>
      <Summary />
      <form class="filters" onSubmit={onSubmit} key={`${type}${deleted}`} aria-label="Mapping filters">
        <label>
          Resource type
          <select name="resource_type" defaultValue={type}>
            <option value="">Any</option>
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input type="checkbox" name="include_deleted" defaultChecked={deleted} /> Include deleted
        </label>
        <button type="submit">Filter</button>
      </form>
      <PagedTable<Mapping>
        caption={`Mappings seen from ${tenantName(session, tenant)}`}
        resetKey={`${tenant}|${type}|${deleted}`}
        rowKey={(m) => m.id}
        empty="No migration mappings."
        fetchPage={(token) =>
          api.page(
            '/v0/migration_mappings',
            'migration_mappings',
            { resource_type: type || undefined, include_deleted: deleted ? 'true' : undefined, sort_by: 'creation_time:desc' },
            token,
          )
        }
        columns={[
          { label: 'Type', cell: (m) => m.resource_type },
          {
            label: 'Old',
            cell: (m) => (
              <a href={tenantHref(m.old_tenant, [pageOfType(m.resource_type), m.old_resource_id])}>
                {tenantName(session, m.old_tenant)} · {m.old_resource_id.slice(0, 8)}
              </a>
            ),
          },
          {
            label: 'New',
            cell: (m) => (
              <a href={tenantHref(m.tenant, [pageOfType(m.resource_type), m.resource_id])}>
                {tenantName(session, m.tenant)} · {m.resource_id.slice(0, 8)}
              </a>
            ),
          },
          { label: 'State', cell: (m) => (m.deletion_time ? 'deleted' : 'live') },
          { label: 'Created', cell: (m) => <When iso={m.creation_time} /> },
        ]}
      />
    </>
  );
}
