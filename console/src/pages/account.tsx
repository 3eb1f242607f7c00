import { useApi } from '../context.js';
import { type Route, tenantHref } from '../router.js';
import { useLoad } from '../ui/load.js';
import { Actions, MigratedBanner } from '../ui/migrated.js';
import { PagedTable } from '../ui/paged.js';
import { Facts, Loading, Money, Problem, Section, Status, When } from '../ui/widgets.js';
import { balanceOf } from './customer.js';
import { SandboxClock } from '../ui/sandbox-clock.js';

const holderLink = (tenant: string, r: any) =>
  r.customer_id ? (
    <a href={tenantHref(tenant, ['persons', r.customer_id])}>Person {r.customer_id.slice(0, 8)}</a>
  ) : r.business_id ? (
    <a href={tenantHref(tenant, ['businesses', r.business_id])}>Business {r.business_id.slice(0, 8)}</a>
  ) : (
    '—'
  );

/** The closure workflow's main path (account closure, issue 10); other states are detours from it. */
const CLOSURE_PATH = ['BLOCKERS', 'END_RECURRING', 'WRITE_OFF', 'INTEREST', 'PAYOUT', 'WAIT_CLOSE', 'CLOSED'];
const STEP_LABELS: Record<string, string> = {
  BLOCKERS: 'Check blockers',
  END_RECURRING: 'End recurring payments',
  WRITE_OFF: 'Write off',
  INTEREST: 'Final interest',
  PAYOUT: 'Pay out the balance',
  WAIT_CLOSE: 'Wait for the return window',
  CLOSED: 'Closed',
  NEEDS_DESTINATION: 'Needs a payout destination',
  NEEDS_ATTENTION: 'Needs attention',
  CHARGED_OFF: 'Charged off',
};

/** Each step of the closure, done, current or to come, with the payout and the checks. */
function ClosureProgress({
  closure,
  currency,
  tenant,
  onAdvanced,
}: {
  closure: any;
  currency: string | undefined;
  tenant: string;
  onAdvanced: () => void;
}) {
  const current = String(closure.status ?? '');
  const at = CLOSURE_PATH.indexOf(current);
  const detour = at === -1 ? current : undefined;
  return (
    <Section title="Closure">
      <div class="clock-row">
        {closure.status === 'CLOSED' || closure.status === 'CHARGED_OFF' ? null : <SandboxClock tenant={tenant} onAdvanced={onAdvanced} />}
        {/* The workflow moves on its own after an advance: read the account again to see where it is. */}
        <button type="button" onClick={onAdvanced}>
          Refresh
        </button>
      </div>
      <Facts
        items={[
          ['Reason', closure.reason],
          ['Step', <Status value={current} />],
          [
            'Payout',
            closure.payout ? `${closure.payout.state}${closure.payout.attempt ? ` (attempt ${closure.payout.attempt})` : ''}` : '—',
          ],
          ['Paid out', closure.payout?.amount !== undefined ? <Money minor={closure.payout.amount} currency={currency} /> : '—'],
          ['Waiting until', <When iso={closure.waiting_until ?? closure.payout?.close_at} />],
        ]}
      />
      <ol class="steps" aria-label="Closure steps">
        {CLOSURE_PATH.map((step, i) => {
          const state = current === 'CLOSED' || (at !== -1 && i < at) ? 'done' : i === at ? 'current' : 'to do';
          return (
            <li key={step} class={`step step-${state.replace(' ', '-')}`} aria-current={state === 'current' ? 'step' : undefined}>
              {STEP_LABELS[step] ?? step} <span class="muted">({state})</span>
            </li>
          );
        })}
      </ol>
      {detour ? (
        <p class="problem" role="status">
          {STEP_LABELS[detour] ?? detour}
        </p>
      ) : null}
      {(closure.validation_responses ?? []).length ? (
        <ul class="checks" aria-label="Closure checks">
          {closure.validation_responses.map((check: any) => (
            <li key={check.name}>
              {check.validated ? 'Passed' : 'Failed'}: {check.name} {check.message ? `— ${check.message}` : ''}
            </li>
          ))}
        </ul>
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
          {a.account_closure ? (
            <ClosureProgress closure={a.account_closure} currency={a.currency} tenant={tenant} onAdvanced={account.reload} />
          ) : null}
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
