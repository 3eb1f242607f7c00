import { useSession } from '../context.js';
import { tenantHref } from '../router.js';
import { Section } from '../ui/widgets.js';

export function OrganizationPage() {
  const session = useSession();
  return (
    <>
      <p class="muted">
        {session.operator ? `Organization ${session.organization.id}` : 'Signed in with a tenant API key: one tenant only.'}
      </p>
      <Section title="Tenants">
        <ul class="cards">
          {session.organization.tenants.map((t) => (
            <li key={t.id} class="card">
              <h3>{t.name}</h3>
              <p class="muted mono">{t.id}</p>
              <p class="links">
                <a href={tenantHref(t.id, ['customers'])}>Customers</a>
                <a href={tenantHref(t.id, ['accounts'])}>Accounts</a>
                <a href={tenantHref(t.id, ['mappings'])}>Mappings</a>
                <a href={tenantHref(t.id, ['webhooks'])}>Webhooks</a>
              </p>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
