import { EmptyState, Progress } from '@backstage/core-components';
import { Page } from '@openitsm/backstage-plugin-itsm-common';
import { ReactNode } from 'react';
import { PagerBar, pageRange } from './PagerBar';
import { CursorPages } from './useCursorPages';
import { useKnownTotal } from './useKnownTotal';
import { ReadErrorPanel } from './ReadErrorPanel';

/**
 * One page of a cursor-paged list: a spinner while the first load runs, the
 * error, an empty state, or the rows (`children`) above Previous / Next.
 */
export function PagedResults<T>(props: {
  result: { loading: boolean; error?: Error; value?: Page<T> };
  pages: CursorPages;
  emptyTitle: string;
  emptyDescription: string;
  /** Beside Previous / Next; the rows shown (`1–25 of 40`) unless told. */
  summary?: (page: Page<T>, total?: number) => ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  const { result, pages } = props;
  const total = useKnownTotal(result.value);
  if (result.loading && !result.value) return <Progress />;
  if (result.error) return <ReadErrorPanel error={result.error} />;
  const page = result.value;
  if (!page) return null;
  if (!page.items.length) {
    return (
      <EmptyState
        missing="data"
        title={props.emptyTitle}
        description={props.emptyDescription}
      />
    );
  }
  return (
    <>
      {props.children(page.items)}
      <PagerBar
        pages={pages}
        page={page}
        summary={
          props.summary
            ? props.summary(page, total)
            : pageRange(pages.current.offset, page.items.length, total)
        }
      />
    </>
  );
}
