import { useSession } from '../context.js';
import { apiFor } from '../api.js';
import { tenantHref } from '../router.js';
import { tenantName } from '../session.js';
import { useLoad } from './load.js';
import { type Mapping, otherSide, pageOfType } from '../mapping-links.js';

// "View Migrated Resource": a customer, business or account mapped to its twin on the other
// tenant, in either direction (migration mappings are readable from both tenants).

/** The page's action menu; "View Migrated Resource" is in it only when a live mapping exists. */
export function Actions(props: { tenant: string; id: string }) {
  const session = useSession();
  const mappings = useLoad(async () => {
    const body = await apiFor(session, props.tenant).get<{ migration_mappings: Mapping[] }>('/v0/migration_mappings', {
      any_resource_id: props.id,
    });
    return body.migration_mappings;
  }, [props.tenant, props.id]);
  // The list leaves deleted mappings out unless asked; a deleted one never offers the action.
  const mapped = mappings.data?.find((m) => !m.deletion_time);
  if (!mapped) return null;
  const other = otherSide(mapped, props.tenant, props.id);
  return (
    <details class="actions">
      <summary>Actions</summary>
      <ul>
        <li>
          <a
            href={tenantHref(other.tenant, [pageOfType(mapped.resource_type), other.id], { from: props.tenant, from_id: props.id })}
            title={`Open the ${other.direction} record on ${tenantName(session, other.tenant)}`}
          >
            View Migrated Resource
          </a>
        </li>
      </ul>
    </details>
  );
}

/** Shown after following a mapping: which tenant this record is on, and where it came from. */
export function MigratedBanner(props: { tenant: string; from: string | null; fromId: string | null; type: string }) {
  const session = useSession();
  if (!props.from || !props.fromId) return null;
  return (
    <div class="banner" role="status">
      Migrated resource: viewing this record on <strong>{tenantName(session, props.tenant)}</strong>, mapped from{' '}
      <strong>{tenantName(session, props.from)}</strong>.{' '}
      <a href={tenantHref(props.from, [props.type, props.fromId])}>Back to {tenantName(session, props.from)}</a>
    </div>
  );
}
