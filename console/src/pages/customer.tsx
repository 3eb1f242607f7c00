import { useApi } from '../context.js';
import type { Route } from '../router.js';
import { tenantHref } from '../router.js';
import { useLoad } from '../ui/load.js';
import { Actions, MigratedBanner } from '../ui/migrated.js';
import { PagedTable } from '../ui/paged.js';
import { Facts, Loading, Money, Problem, Section, Status, When } from '../ui/widgets.js';

/** A person's or a business's page: its facts, its accounts and its external accounts. */
export function CustomerPage({ tenant, id, kind, route }: { tenant: string; id: string; kind: 'persons' | 'businesses'; route: Route }) {
  const api = useApi(tenant);
  const customer = useLoad(() => api.get(`/v0/${kind}/${id}`), [tenant, kind, id]);
  const holder = kind === 'persons' ? { customer_id: id } : { business_id: id };
  return (
    <>
      <MigratedBanner tenant={tenant} from={route.query.get('from')} fromId={route.query.get('from_id')} type={kind} />
      <div class="page-actions">
        <Actions tenant={tenant} id={id} />
      </div>
      {customer.error ? <Problem error={customer.error} /> : null}
      {customer.data ? (
        <Facts
          items={
            kind === 'persons'
              ? [
                  ['Name', [customer.data.first_name, customer.data.middle_name, customer.data.last_name].filter(Boolean).join(' ')],
                  ['Status', <Status value={customer.data.status} />],
                  ['Verification', customer.data.verification_status],
                  ['Email', customer.data.email],
                  ['Phone', customer.data.phone_number],
                  ['Created', <When iso={customer.data.creation_time} />],
                  ['Id', <span class="mono">{id}</span>],
                ]
              : [
                  ['Name', customer.data.entity_name],
                  ['Status', <Status value={customer.data.status} />],
                  ['Verification', customer.data.verification_status],
                  ['Structure', customer.data.structure],
                  ['Phone', customer.data.phone_number],
                  ['Created', <When iso={customer.data.creation_time} />],
                  ['Id', <span class="mono">{id}</span>],
                ]
          }
        />
      ) : customer.error ? null : (
        <Loading />
      )}
      <Section title="Accounts">
        <PagedTable<any>
          caption="Accounts held"
          resetKey={`${tenant}|${id}`}
          rowKey={(a) => a.id}
          fetchPage={(token) => api.page('/v0/accounts', 'accounts', holder, token)}
          columns={[
            { label: 'Account', cell: (a) => <a href={tenantHref(tenant, ['accounts', a.id])}>{accountLabel(a)}</a> },
            { label: 'Status', cell: (a) => <Status value={a.status} /> },
            { label: 'Balance', className: 'num', cell: (a) => <Money minor={balanceOf(a, 'ACCOUNT_BALANCE')} currency={a.currency} /> },
          ]}
        />
      </Section>
      <Section title="External accounts">
        <PagedTable<any>
          caption="External accounts"
          resetKey={`${tenant}|${id}|ext`}
          rowKey={(x) => x.id}
          fetchPage={(token) => api.page('/v0/external_accounts', 'external_accounts', holder, token)}
          empty="No external accounts."
          columns={[
            { label: 'Bank', cell: (x) => x.routing_identifiers?.bank_name ?? '—' },
            { label: 'Type', cell: (x) => x.type },
            { label: 'Number', cell: (x) => `•••• ${x.account_identifiers?.number ?? ''}` },
            { label: 'Owners', cell: (x) => (x.account_owner_names ?? []).join(', ') },
            { label: 'Status', cell: (x) => <Status value={x.status} /> },
            { label: 'Verification', cell: (x) => x.verification?.status ?? '—' },
          ]}
        />
      </Section>
    </>
  );
}

export const balanceOf = (account: any, type: string): number | undefined =>
  (account.balances as Array<{ type: string; balance: number }> | undefined)?.find((b) => b.type === type)?.balance;

export const accountLabel = (a: any): string =>
  `${a.nickname ?? a.account_type ?? 'Account'} ${a.account_number_masked ?? `•••• ${String(a.account_number ?? '').slice(-4)}`}`;
