import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Page } from '../api.js';
import { useLoad } from './load.js';
import { Loading, Problem } from './widgets.js';

export interface Column<T> {
  readonly label: string;
  readonly cell: (item: T) => ComponentChildren;
  readonly className?: string;
}

/**
 * A table over one of the API's lists, page by page with its opaque page tokens: the tokens
 * seen so far are kept, so Previous goes back without the API offering a reverse token.
 */
export function PagedTable<T>(props: {
  caption: string;
  columns: readonly Column<T>[];
  fetchPage: (token: string | undefined) => Promise<Page<T>>;
  /** Changes when filters change: back to the first page. */
  resetKey: string;
  empty?: string;
  rowKey: (item: T) => string;
}) {
  const [tokens, setTokens] = useState<Array<string | undefined>>([undefined]);
  const [seenKey, setSeenKey] = useState(props.resetKey);
  if (seenKey !== props.resetKey) {
    setSeenKey(props.resetKey);
    setTokens([undefined]);
  }
  const token = tokens[tokens.length - 1];
  const page = useLoad(() => props.fetchPage(token), [props.resetKey, token]);
  if (page.error) return <Problem error={page.error} />;
  if (!page.data) return <Loading />;
  const { items, next } = page.data;
  return (
    <div class="paged">
      {/* A table wider than a phone scrolls inside this region, which keyboard users must be able to focus to scroll. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region is focusable (WCAG 2.1.1) */}
      <section class="table-wrap" aria-label={props.caption} tabIndex={0}>
        <table>
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              {props.columns.map((c) => (
                <th scope="col" key={c.label} class={c.className}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.length === 0 ? (
              <tr>
                <td colSpan={props.columns.length} class="muted">
                  {props.empty ?? 'Nothing here yet.'}
                </td>
              </tr>
            ) : (
              items.map((item) => (
                <tr key={props.rowKey(item)}>
                  {props.columns.map((c) => (
                    <td key={c.label} class={c.className}>
                      {c.cell(item)}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>
      <nav class="pager" aria-label={`${props.caption} pages`}>
        <button type="button" disabled={tokens.length === 1} onClick={() => setTokens(tokens.slice(0, -1))}>
          Previous
        </button>
        <span class="muted">Page {tokens.length}</span>
        <button type="button" disabled={!next} onClick={() => next && setTokens([...tokens, next])}>
          Next
        </button>
      </nav>
    </div>
  );
}
