import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useSession } from '../context.js';
import { navigate, tenantHref } from '../router.js';
import { tenantName } from '../session.js';

const SECTIONS = [
  ['customers', 'Customers'],
  ['accounts', 'Accounts'],
  ['mappings', 'Migration mappings'],
  ['webhooks', 'Webhooks'],
] as const;

/** The frame of every signed-in page: organization, tenant switcher, sections, sign out. */
export function Layout(props: { tenant?: string; section?: string; title: string; onSignOut: () => void; children: ComponentChildren }) {
  const session = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · Bankline console`;
    // A route change moves focus to the new page's heading, as a page load would for a screen reader.
    heading.current?.focus();
  }, [props.title]);
  return (
    <div class="shell">
      <button type="button" class="skip" onClick={() => document.getElementById('main')?.focus()}>
        Skip to content
      </button>
      <header class="top">
        <a class="brand" href="#/">
          Bankline console
        </a>
        <span class="org" title="Organization">
          {session.organization.name}
        </span>
        {props.tenant && session.organization.tenants.length > 1 ? (
          <label class="tenant-pick">
            Tenant{' '}
            <select
              value={props.tenant}
              onChange={(e) => navigate(tenantHref((e.target as HTMLSelectElement).value, [props.section ?? 'customers']))}
            >
              {session.organization.tenants.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" class="link-button" onClick={props.onSignOut}>
          Sign out
        </button>
      </header>
      {props.tenant ? (
        <nav class="sections" aria-label={`Sections of ${tenantName(session, props.tenant)}`}>
          {SECTIONS.map(([id, label]) => (
            <a key={id} href={tenantHref(props.tenant!, [id])} aria-current={props.section === id ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
      ) : null}
      <main id="main" tabIndex={-1}>
        <h1 ref={heading} tabIndex={-1}>
          {props.title}
        </h1>
        {props.children}
      </main>
    </div>
  );
}
