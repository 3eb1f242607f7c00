import type { ComponentChildren } from 'preact';
import { formatLocal, formatMoney, formatUtc } from '../format.js';

export const Money = ({ minor, currency }: { minor: number | undefined; currency?: string | undefined }) =>
  minor === undefined ? <span>—</span> : <span class="num">{formatMoney(minor, currency)}</span>;

/** Local time, UTC on hover (title) and in the machine-readable attribute. */
export const When = ({ iso }: { iso: string | undefined }) =>
  iso ? (
    <time dateTime={iso} title={formatUtc(iso)}>
      {formatLocal(iso)}
    </time>
  ) : (
    <span>—</span>
  );

export const Status = ({ value }: { value: string | undefined }) => (
  <span class={`badge badge-${(value ?? '').toLowerCase()}`}>{value ?? '—'}</span>
);

export const Problem = ({ error }: { error: Error }) => (
  <p class="problem" role="alert">
    {error.message}
  </p>
);

export const Loading = () => (
  <p class="muted" aria-live="polite">
    Loading…
  </p>
);

/** A definition list of label/value pairs. */
export const Facts = ({ items }: { items: ReadonlyArray<readonly [string, ComponentChildren]> }) => (
  <dl class="facts">
    {items.map(([label, value]) => (
      <div key={label}>
        <dt>{label}</dt>
        <dd>{value ?? '—'}</dd>
      </div>
    ))}
  </dl>
);

export const Section = ({ title, children }: { title: string; children: ComponentChildren }) => (
  <section aria-label={title}>
    <h2>{title}</h2>
    {children}
  </section>
);
