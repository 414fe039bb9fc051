import { useApi } from '@backstage/core-plugin-api';
import { Change, Problem } from '@openitsm/backstage-plugin-itsm-common';
import { useCallback } from 'react';
import { itsmApiRef } from '../../api';
import { RecordPicker, RecordPickerProps } from './RecordPicker';

type PickerProps<T> = Omit<
  RecordPickerProps<T>,
  'search' | 'optionKey' | 'optionLabel'
>;

const refAndTitle = (r: { ref: string; title: string }) =>
  `${r.ref}: ${r.title}`;

/** Picks a change by typing part of its ref or title. */
export function ChangePicker(props: PickerProps<Change>) {
  const api = useApi(itsmApiRef);
  const search = useCallback(
    async (q: string) =>
      (await api.listChanges({ q: q || undefined, limit: 20 })).items,
    [api],
  );
  return (
    <RecordPicker<Change>
      placeholder="Type a ref or part of the title"
      {...props}
      search={search}
      optionKey={c => c.id}
      optionLabel={refAndTitle}
    />
  );
}

/** Picks a problem by typing part of its ref or title. */
export function ProblemPicker(props: PickerProps<Problem>) {
  const api = useApi(itsmApiRef);
  const search = useCallback(
    async (q: string) =>
      (await api.listProblems({ q: q || undefined, limit: 20 })).items,
    [api],
  );
  return (
    <RecordPicker<Problem>
      placeholder="Type a ref or part of the title"
      {...props}
      search={search}
      optionKey={p => p.id}
      optionLabel={refAndTitle}
    />
  );
}
