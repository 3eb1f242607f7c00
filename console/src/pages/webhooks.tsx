import { useState } from 'preact/hooks';
import { useApi } from '../context.js';
import { tenantHref } from '../router.js';
import { useLoad } from '../ui/load.js';
import { PagedTable } from '../ui/paged.js';
import { Facts, Loading, Problem, Section, Status, When } from '../ui/widgets.js';

export function WebhooksPage({ tenant }: { tenant: string }) {
  const api = useApi(tenant);
  return (
    <PagedTable<any>
      caption="Webhook subscriptions"
      resetKey={tenant}
      rowKey={(w) => w.id}
      empty="No webhook subscriptions."
      fetchPage={(token) => api.page('/v0/webhooks', 'webhooks', {}, token)}
      columns={[
        { label: 'URL', cell: (w) => <a href={tenantHref(tenant, ['webhooks', w.id])}>{w.url}</a> },
        { label: 'Events', cell: (w) => (w.enabled_events ?? []).join(', ') },
        { label: 'Enabled', cell: (w) => (w.is_enabled ? 'yes' : 'no') },
        { label: 'Updated', cell: (w) => <When iso={w.last_updated} /> },
      ]}
    />
  );
}

/** One delivery's attempts, read on demand (the list does not carry them). */
function History({ tenant, webhookId, eventId }: { tenant: string; webhookId: string; eventId: string }) {
  const api = useApi(tenant);
  const event = useLoad(() => api.get(`/v0/webhooks/${webhookId}/events/${eventId}`), [tenant, webhookId, eventId]);
  if (event.error) return <Problem error={event.error} />;
  if (!event.data) return <Loading />;
  const attempts: any[] = event.data.response_history ?? [];
  return attempts.length ? (
    <ol class="attempts">
      {attempts.map((a, i) => (
        <li key={i}>
          <When iso={a.sent_time} /> → <strong>{a.code || 'no answer'}</strong>{' '}
          {a.response_body ? <code>{a.response_body.slice(0, 120)}</code> : null}
        </li>
      ))}
    </ol>
  ) : (
    <p class="muted">No attempt yet.</p>
  );
}

/** Attempts are fetched when the operator opens them, not for every row. */
function HistoryToggle(props: { tenant: string; webhookId: string; eventId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>History</summary>
      {open ? <History {...props} /> : null}
    </details>
  );
}

function Resend({ tenant, webhookId, eventId }: { tenant: string; webhookId: string; eventId: string }) {
  const api = useApi(tenant);
  const [state, setState] = useState<'idle' | 'busy' | 'done' | Error>('idle');
  const resend = async () => {
    setState('busy');
    try {
      await api.post(`/v0/webhooks/${webhookId}/events/${eventId}/resend`);
      setState('done');
    } catch (error) {
      setState(error as Error);
    }
  };
  return (
    <span class="resend">
      <button type="button" onClick={resend} disabled={state === 'busy'} aria-label={`Resend event ${eventId.slice(0, 8)}`}>
        Resend
      </button>
      <span aria-live="polite">{state === 'done' ? 'Resend queued' : state instanceof Error ? state.message : ''}</span>
    </span>
  );
}

export function WebhookPage({ tenant, id }: { tenant: string; id: string }) {
  const api = useApi(tenant);
  const webhook = useLoad(() => api.get(`/v0/webhooks/${id}`), [tenant, id]);
  const w = webhook.data;
  return (
    <>
      {webhook.error ? <Problem error={webhook.error} /> : null}
      {w ? (
        <Facts
          items={[
            ['URL', w.url],
            ['Events', (w.enabled_events ?? []).join(', ')],
            ['Enabled', w.is_enabled ? 'yes' : 'no'],
            ['Description', w.description],
            ['Updated', <When iso={w.last_updated} />],
          ]}
        />
      ) : null}
      <Section title="Recent deliveries">
        <PagedTable<any>
          caption="Deliveries, newest first"
          resetKey={`${tenant}|${id}`}
          rowKey={(e) => e.id}
          empty="No deliveries yet."
          fetchPage={(token) => api.page(`/v0/webhooks/${id}/events`, 'event_list', {}, token)}
          columns={[
            { label: 'Event', cell: (e) => e.type },
            { label: 'Time', cell: (e) => <When iso={e.event_time} /> },
            { label: 'Status', cell: (e) => <Status value={e.status} /> },
            {
              label: 'Responses',
              cell: (e) => <HistoryToggle tenant={tenant} webhookId={id} eventId={e.id} />,
            },
            { label: 'Action', cell: (e) => <Resend tenant={tenant} webhookId={id} eventId={e.id} /> },
          ]}
        />
      </Section>
    </>
  );
}
