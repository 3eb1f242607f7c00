import { apiFor } from '../api.js';
import { useApi, useSession } from '../context.js';
import { navigate, type Route, tenantHref } from '../router.js';
import { tenantName } from '../session.js';
import { useLoad } from '../ui/load.js';
import { type Mapping, pageOfType } from '../ui/migrated.js';
import { PagedTable } from '../ui/paged.js';
import { Section, When } from '../ui/widgets.js';

const TYPES = ['PERSON', 'BUSINESS', 'ACCOUNT'];

/** The operator's migration progress: per old/new tenant pair, mappings by resource type and status. */
function Summary() {
  const session = useSession();
  const summary = useLoad(async () => (session.operator ? apiFor(session).get('/v0/operator/migration_summary') : null), [session.key]);
  if (!session.operator || !summary.data) return null;
  const pairs: any[] = summary.data.pairs ?? summary.data.migration_summary ?? summary.data.tenant_pairs ?? [];
  return (
    <Section title="Migration progress">
      <div class="table-wrap">
        <table>
          <caption>Mappings per tenant pair</caption>
          <thead>
            <tr>
              <th scope="col">Old tenant</th>
              <th scope="col">New tenant</th>
              <th scope="col">Counts</th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((p, i) => (
              <tr key={i}>
                <td>{tenantName(session, p.old_tenant)}</td>
                <td>{tenantName(session, p.tenant ?? p.new_tenant)}</td>
                <td>
                  <Counts value={p.counts ?? p.by_resource_type ?? p} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

/** Counts nested by type and status (`{PERSON: {live: 3, deleted: 1}}` or flat), shown as text. */
const Counts = ({ value }: { value: any }) => (
  <ul class="counts">
    {Object.entries(value ?? {})
      .filter(([name, n]) => !['old_tenant', 'tenant', 'new_tenant'].includes(name) && n !== null)
      .map(([name, n]) => (
        <li key={name}>
          {name}:{' '}
          {typeof n === 'object'
            ? Object.entries(n as object)
                .map(([status, count]) => `${count} ${status.toLowerCase()}`)
                .join(', ')
            : String(n)}
        </li>
      ))}
  </ul>
);

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
