import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Box from '@material-ui/core/Box';
import { useState } from 'react';
import { itsmApiRef } from '../../api';
import { ReadErrorPanel } from '../common/ReadErrorPanel';
import { downloadText } from './downloadText';

const TYPES = { md: 'text/markdown', csv: 'text/csv' } as const;

/**
 * Export Markdown / Export CSV of a week's review: fetched with the user's
 * Backstage token, then saved as `itsm-weekly-YYYY-Www.md|csv`.
 */
export function WeeklyReviewExportButtons(props: { week: string }) {
  const api = useApi(itsmApiRef);
  const [busy, setBusy] = useState<'md' | 'csv'>();
  const [error, setError] = useState<Error>();
  const download = async (format: 'md' | 'csv') => {
    setBusy(format);
    setError(undefined);
    try {
      const text = await api.exportWeeklyReview(props.week, format);
      downloadText(text, `itsm-weekly-${props.week}.${format}`, TYPES[format]);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <>
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        <Button
          variant="outlined"
          disabled={busy !== undefined}
          onClick={() => download('md')}
        >
          Export Markdown
        </Button>
        <Button
          variant="outlined"
          disabled={busy !== undefined}
          onClick={() => download('csv')}
        >
          Export CSV
        </Button>
      </Box>
      {error && <ReadErrorPanel error={error} />}
    </>
  );
}
