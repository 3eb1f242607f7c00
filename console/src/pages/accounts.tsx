import { useApi } from '../context.js';
import { navigate, type Route, tenantHref } from '../router.js';
import { PagedTable } from '../ui/paged.js';
import { Money, Status, When } from '../ui/widgets.js';
import { accountLabel, balanceOf } from './customer.js';
import { SandboxClock } from '../ui/sandbox-clock.js';

const ACCOUNT_TYPES = ['CHECKING', 'SAVING', 'LINE_OF_CREDIT', 'CHARGE_SECURED', 'CHARGE_UNSECURED', 'CREDIT_CARD'];
const ACCOUNT_STATUSES = [
  'ACTIVE_OR_DISBURSED',
  'ACTIVATED_NOT_DISBURSED',
  'APPLICATION_SUBMITTED',
  'AWAITING_FIXING',
  'IN_CLOSING',
  'CLOSED',
  'RESTRICTED',
  'SUSPENDED',
  'DELINQUENT',
  'CHARGED_OFF',
  'FAILED_KYC',
  'ACCOUNT_NEVER_ACTIVE',
  'ACCOUNT_NOT_DESIRED',
];

export function AccountsPage({ tenant, route }: { tenant: string; route: Route }) {
  const api = useApi(tenant);
  const type = route.query.get('account_type') ?? '';
  const status = route.query.get('status') ?? '';
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    navigate(
      tenantHref(tenant, ['accounts'], { account_type: String(form.get('account_type') ?? ''), status: String(form.get('status') ?? '') }),
    );
  };
  return (
    <>
      <SandboxClock tenant={tenant} />
      <form class="filters" onSubmit={onSubmit} key={`${type}${status}`} aria-label="Account filters">
        <label>
          Type
          <select name="account_type" defaultValue={type}>
            <option value="">Any</option>
            {ACCOUNT_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select name="status" defaultValue={status}>
            <option value="">Any</option>
            {ACCOUNT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <PagedTable<any>
        caption="Accounts"
        resetKey={`${tenant}|${type}|${status}`}
        rowKey={(a) => a.id}
        fetchPage={(token) => api.page('/v0/accounts', 'accounts', { account_type: type || undefined, status: status || undefined }, token)}
        columns={[
          { label: 'Account', cell: (a) => <a href={tenantHref(tenant, ['accounts', a.id])}>{accountLabel(a)}</a> },
          { label: 'Status', cell: (a) => <Status value={a.status} /> },
          { label: 'Balance', className: 'num', cell: (a) => <Money minor={balanceOf(a, 'ACCOUNT_BALANCE')} currency={a.currency} /> },
          { label: 'Available', className: 'num', cell: (a) => <Money minor={balanceOf(a, 'AVAILABLE_BALANCE')} currency={a.currency} /> },
          { label: 'Created', cell: (a) => <When iso={a.creation_time} /> },
        ]}
      />
    </>
  );
}
