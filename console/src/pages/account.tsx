import { useApi } from '../context.js';
import { type Route, tenantHref } from '../router.js';
import { useLoad } from '../ui/load.js';
import { Actions, MigratedBanner } from '../ui/migrated.js';
import { PagedTable } from '../ui/paged.js';
import { Facts, Loading, Money, Problem, Section, Status, When } from '../ui/widgets.js';
import { balanceOf } from './customer.js';

const holderLink = (tenant: string, r: any) =>
  r.customer_id ? (
    <a href={tenantHref(tenant, ['persons', r.customer_id])}>Person {r.customer_id.slice(0, 8)}</a>
  ) : r.business_id ? (
    <a href={tenantHref(tenant, ['businesses', r.business_id])}>Business {r.business_id.slice(0, 8)}</a>
  ) : (
    '—'
  );

/** The closure's steps, each with its state and time, when the account is being (or was) closed. */
function ClosureProgress({ closure }: { closure: any }) {
  const steps: any[] = Array.isArray(closure.steps) ? closure.steps : [];
  return (
    <Section title="Closure">
      <Facts
        items={[
          ['Status', <Status value={closure.status} />],
          ['Started', <When iso={closure.started_time ?? closure.creation_time} />],
          ['Reason', closure.reason ?? closure.closure_reason],
        ]}
      />
      {steps.length ? (
        <ol class="steps">
          {steps.map((s, i) => (
            <li key={s.name ?? i} class={`step step-${String(s.status ?? '').toLowerCase()}`}>
              <span>{s.name ?? s.step}</span> <Status value={s.status} /> <When iso={s.completed_time ?? s.time ?? s.last_updated_time} />
            </li>
          ))}
        </ol>
      ) : null}
    </Section>
  );
}

export function AccountPage({ tenant, id, route }: { tenant: string; id: string; route: Route }) {
  const api = useApi(tenant);
  const account = useLoad(() => api.get(`/v0/accounts/${id}`), [tenant, id]);
  const a = account.data;
  return (
    <>
      <MigratedBanner tenant={tenant} from={route.query.get('from')} fromId={route.query.get('from_id')} type="accounts" />
      <div class="page-actions">
        <Actions tenant={tenant} id={id} />
      </div>
      {account.error ? <Problem error={account.error} /> : null}
      {a ? (
        <>
          <section class="balances" aria-label="Balances">
            <div class="balance">
              <span class="muted">Balance</span>
              <strong data-testid="account-balance">
                <Money minor={balanceOf(a, 'ACCOUNT_BALANCE')} currency={a.currency} />
              </strong>
            </div>
            <div class="balance">
              <span class="muted">Available</span>
              <strong>
                <Money minor={balanceOf(a, 'AVAILABLE_BALANCE')} currency={a.currency} />
              </strong>
            </div>
          </section>
          <Facts
            items={[
              ['Type', a.account_type],
              ['Status', <Status value={a.status} />],
              ['Access', <Status value={a.access_status} />],
              ['Number', a.account_number_masked ?? '—'],
              ['Currency', a.currency],
              ['Opened', <When iso={a.creation_time} />],
              ['Id', <span class="mono">{id}</span>],
            ]}
          />
          {a.account_closure ? <ClosureProgress closure={a.account_closure} /> : null}
        </>
      ) : account.error ? null : (
        <Loading />
      )}
      <Section title="Relationships">
        <PagedTable<any>
          caption="Relationships"
          resetKey={`${tenant}|${id}|rel`}
          rowKey={(r) => r.id}
          fetchPage={(token) => api.page(`/v0/accounts/${id}/relationships`, 'relationships', {}, token)}
          columns={[
            { label: 'Holder', cell: (r) => holderLink(tenant, r) },
            { label: 'Role', cell: (r) => r.relationship_type },
          ]}
        />
      </Section>
      <Section title="Pending transactions">
        <PagedTable<any>
          caption="Pending transactions"
          resetKey={`${tenant}|${id}|pending`}
          rowKey={(t) => t.id}
          empty="No pending transactions."
          fetchPage={(token) => api.page('/v0/transactions/pending', 'transactions', { account_id: id }, token)}
          columns={[
            { label: 'Created', cell: (t) => <When iso={t.created} /> },
            { label: 'Type', cell: (t) => t.subtype ?? t.type },
            { label: 'Status', cell: (t) => <Status value={t.status} /> },
            { label: 'Amount', className: 'num', cell: (t) => <Money minor={t.amount} currency={t.currency} /> },
          ]}
        />
      </Section>
      <Section title="Posted transactions">
        <PagedTable<any>
          caption="Posted transactions"
          resetKey={`${tenant}|${id}|posted`}
          rowKey={(t) => `${t.id}${t.dc_sign}`}
          empty="No posted transactions."
          fetchPage={(token) => api.page('/v0/transactions/posted', 'transactions', { account_id: id }, token)}
          columns={[
            { label: 'Posted', cell: (t) => <When iso={t.posted_date ?? t.created} /> },
            { label: 'Type', cell: (t) => t.subtype ?? t.type },
            { label: 'Direction', cell: (t) => t.dc_sign },
            { label: 'Amount', className: 'num', cell: (t) => <Money minor={t.amount} currency={t.currency} /> },
            { label: 'Balance after', className: 'num', cell: (t) => <Money minor={t.account_balance_after} currency={t.currency} /> },
          ]}
        />
      </Section>
    </>
  );
}
