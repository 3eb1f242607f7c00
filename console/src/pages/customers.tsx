import { useApi } from '../context.js';
import { href, navigate, type Route, tenantHref } from '../router.js';
import { PagedTable } from '../ui/paged.js';
import { Status, When } from '../ui/widgets.js';

const PERSON_STATUSES = ['ACTIVE', 'DECEASED', 'DENIED', 'DORMANT', 'ESCHEAT', 'FROZEN', 'INACTIVE', 'PROSPECT', 'SANCTION'];
const BUSINESS_STATUSES = [
  'PROSPECT',
  'ACTIVE',
  'FROZEN',
  'SANCTION',
  'DISSOLVED',
  'CANCELLED',
  'SUSPENDED',
  'MERGED',
  'INACTIVE',
  'CONVERTED',
];

/** A name search: the API's text filters take `*` wildcards, so a prefix becomes `term*`. */
const prefix = (term: string): string | undefined => (term.trim() ? `${term.trim().replace(/\*+$/, '')}*` : undefined);

export function CustomersPage({ tenant, route }: { tenant: string; route: Route }) {
  const api = useApi(tenant);
  const kind = route.query.get('kind') === 'business' ? 'business' : 'person';
  const search = route.query.get('q') ?? '';
  const status = route.query.get('status') ?? '';
  // Page size: the API's default (100) unless the link says otherwise (`&limit=`).
  const limit = route.query.get('limit') ?? undefined;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    navigate(tenantHref(tenant, ['customers'], { kind, q: String(form.get('q') ?? ''), status: String(form.get('status') ?? ''), limit }));
  };
  const statuses = kind === 'person' ? PERSON_STATUSES : BUSINESS_STATUSES;
  return (
    <>
      <nav class="tabs" aria-label="Customer kind">
        <a href={href(['t', tenant, 'customers'])} aria-current={kind === 'person' ? 'page' : undefined}>
          Persons
        </a>
        <a href={href(['t', tenant, 'customers'], { kind: 'business' })} aria-current={kind === 'business' ? 'page' : undefined}>
          Businesses
        </a>
      </nav>
      <form class="filters" aria-label="Customer search" onSubmit={onSubmit} key={`${kind}${search}${status}`}>
        <label>
          {kind === 'person' ? 'Last name starts with' : 'Business name starts with'}
          <input name="q" type="search" defaultValue={search} />
        </label>
        <label>
          Status
          <select name="status" defaultValue={status}>
            <option value="">Any</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Search</button>
      </form>
      {kind === 'person' ? (
        <PagedTable<any>
          caption="Persons"
          resetKey={`${tenant}|${search}|${status}|${limit}`}
          rowKey={(p) => p.id}
          fetchPage={(token) =>
            api.page('/v0/persons', 'persons', { last_name: prefix(search), status: status || undefined, limit }, token)
          }
          columns={[
            {
              label: 'Name',
              cell: (p) => <a href={tenantHref(tenant, ['persons', p.id])}>{[p.first_name, p.last_name].join(' ') || p.id}</a>,
            },
            { label: 'Email', cell: (p) => p.email ?? '—' },
            { label: 'Status', cell: (p) => <Status value={p.status} /> },
            { label: 'Created', cell: (p) => <When iso={p.creation_time} /> },
          ]}
        />
      ) : (
        <PagedTable<any>
          caption="Businesses"
          resetKey={`${tenant}|b|${search}|${status}|${limit}`}
          rowKey={(b) => b.id}
          fetchPage={(token) =>
            api.page('/v0/businesses', 'businesses', { entity_name: prefix(search), status: status || undefined, limit }, token)
          }
          columns={[
            { label: 'Name', cell: (b) => <a href={tenantHref(tenant, ['businesses', b.id])}>{b.entity_name ?? b.id}</a> },
            { label: 'Phone', cell: (b) => b.phone_number ?? '—' },
            { label: 'Status', cell: (b) => <Status value={b.status} /> },
            { label: 'Created', cell: (b) => <When iso={b.creation_time} /> },
          ]}
        />
      )}
    </>
  );
}
