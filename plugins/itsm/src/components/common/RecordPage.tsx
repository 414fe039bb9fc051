import { Content, Header, Page, Progress } from '@backstage/core-components';
import { ReactNode } from 'react';
import { ReadErrorPanel } from './ReadErrorPanel';

/**
 * The page of one record (incident, problem, change): its ref and title in
 * the header, a spinner while it loads, the error if it cannot.
 */
export function RecordPage<T extends { ref: string; title: string }>(props: {
  /** What kind of record, shown under the title. */
  subtitle: string;
  /** The id from the URL, the title until the record is loaded. */
  id: string;
  record: { loading: boolean; error?: Error; value?: T };
  /** Shown between the header and the content, e.g. section tabs. */
  belowHeader?: ReactNode;
  children: (value: T) => ReactNode;
}) {
  const { record } = props;
  let content;
  if (record.loading && !record.value) {
    content = <Progress />;
  } else if (record.error) {
    content = <ReadErrorPanel error={record.error} />;
  } else if (record.value) {
    content = props.children(record.value);
  }

  const title = record.value
    ? `${record.value.ref}: ${record.value.title}`
    : props.id;
  return (
    <Page themeId="tool">
      <Header title={title} subtitle={props.subtitle} />
      {props.belowHeader}
      <Content>{content}</Content>
    </Page>
  );
}
