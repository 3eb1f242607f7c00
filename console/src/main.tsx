import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { signIn, UNAUTHORIZED_EVENT } from './api.js';
import { SessionContext } from './context.js';
import { AccountPage } from './pages/account.js';
import { AccountsPage } from './pages/accounts.js';
import { CustomerPage } from './pages/customer.js';
import { CustomersPage } from './pages/customers.js';
import { MappingsPage } from './pages/mappings.js';
import { OrganizationPage } from './pages/organization.js';
import { SignIn } from './pages/sign-in.js';
import { WebhookPage, WebhooksPage } from './pages/webhooks.js';
import { type Route, useRoute } from './router.js';
import { forgetKey, type Session, storedKey, storeKey, tenantName } from './session.js';
import { Layout } from './ui/layout.js';
import { Loading } from './ui/widgets.js';
import './styles.css';

interface Screen {
  title: string;
  tenant?: string;
  section?: string;
  body: preact.ComponentChildren;
}

/** `#/t/<tenant>/<section>[/<id>]`, anything else the organization overview. */
const screenOf = (session: Session, route: Route): Screen => {
  const [t, tenant, section, id] = route.parts;
  if (t !== 't' || !tenant || !section) return { title: session.organization.name, body: <OrganizationPage /> };
  const on = tenantName(session, tenant);
  const frame = { tenant, section };
  switch (section) {
    case 'customers':
      return { ...frame, title: `Customers · ${on}`, body: <CustomersPage tenant={tenant} route={route} /> };
    case 'persons':
    case 'businesses':
      return id
        ? {
            tenant,
            section: 'customers',
            title: `${section === 'persons' ? 'Person' : 'Business'} · ${on}`,
            body: <CustomerPage key={`${tenant}${id}`} tenant={tenant} id={id} kind={section} route={route} />,
          }
        : { ...frame, section: 'customers', title: `Customers · ${on}`, body: <CustomersPage tenant={tenant} route={route} /> };
    case 'accounts':
      return id
        ? { ...frame, title: `Account · ${on}`, body: <AccountPage key={`${tenant}${id}`} tenant={tenant} id={id} route={route} /> }
        : { ...frame, title: `Accounts · ${on}`, body: <AccountsPage tenant={tenant} route={route} /> };
    case 'mappings':
      return { ...frame, title: `Migration mappings · ${on}`, body: <MappingsPage tenant={tenant} route={route} /> };
    case 'webhooks':
      return id
        ? { ...frame, title: `Webhook · ${on}`, body: <WebhookPage tenant={tenant} id={id} /> }
        : { ...frame, title: `Webhooks · ${on}`, body: <WebhooksPage tenant={tenant} /> };
    default:
      return { title: session.organization.name, body: <OrganizationPage /> };
  }
};

function App() {
  const route = useRoute();
  const [session, setSession] = useState<Session | null>(null);
  const [restoring, setRestoring] = useState(() => storedKey() !== null);
  useEffect(() => {
    const key = storedKey();
    if (!key) return;
    signIn(key)
      .then(setSession, forgetKey)
      .finally(() => setRestoring(false));
  }, []);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const onUnauthorized = () => {
      if (!storedKey()) return;
      forgetKey();
      setSession(null);
      setNotice('Your session ended: the key is no longer valid (revoked or expired). Sign in again.');
    };
    addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, []);
  const onSignedIn = (signed: Session) => {
    setNotice(null);
    storeKey(signed.key);
    setSession(signed);
  };
  const onSignOut = () => {
    forgetKey();
    setSession(null);
    location.hash = '#/';
  };
  if (restoring) return <Loading />;
  if (!session) return <SignIn onSignedIn={onSignedIn} notice={notice} />;
  const screen = screenOf(session, route);
  return (
    <SessionContext.Provider value={session}>
      <Layout title={screen.title} onSignOut={onSignOut} {...(screen.tenant ? { tenant: screen.tenant, section: screen.section } : {})}>
        {screen.body}
      </Layout>
    </SessionContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
