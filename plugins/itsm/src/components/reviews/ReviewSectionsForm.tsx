import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { ReviewSections } from '@openitsm/backstage-plugin-itsm-common';

type TextSection = Exclude<
  keyof ReviewSections,
  'customerImpact' | 'fiveWhys' | 'contributingFactors'
>;
type ImpactField = keyof NonNullable<ReviewSections['customerImpact']>;

const TEXT: Array<[TextSection, string]> = [
  ['summary', 'Summary'],
  ['detection', 'Detection (how, and how fast)'],
  ['trigger', 'Trigger'],
  ['rootCause', 'Root cause'],
  ['resolution', 'Resolution'],
  ['wentWell', 'What went well'],
  ['wentBadly', 'What went badly'],
  ['lessonsLearned', 'Lessons learned'],
];

const IMPACT: Array<[ImpactField, string]> = [
  ['usersAffected', 'Users affected'],
  ['financial', 'Money'],
  ['reputation', 'Reputation'],
  ['notes', 'Customer impact'],
];

const lines = (value: string) => value.split('\n');

/**
 * The written sections of a review; lists (five whys, contributing factors)
 * are one entry a line. Read-only when published or not permitted.
 */
export function ReviewSectionsForm(props: {
  sections: ReviewSections;
  onChange: (sections: ReviewSections) => void;
  readOnly: boolean;
}) {
  const { sections, onChange, readOnly } = props;
  const field = (name: TextSection, label: string) => (
    <Grid item xs={12} md={6} key={name}>
      <TextField
        id={`review-${name}`}
        label={label}
        value={sections[name] ?? ''}
        onChange={e => onChange({ ...sections, [name]: e.target.value })}
        multiline
        minRows={2}
        fullWidth
        variant="outlined"
        InputProps={{ readOnly }}
      />
    </Grid>
  );
  const impact = sections.customerImpact ?? {};
  return (
    <Grid container spacing={2}>
      {TEXT.slice(0, 1).map(([name, label]) => field(name, label))}
      {IMPACT.map(([name, label]) => (
        <Grid item xs={12} md={name === 'notes' ? 12 : 4} key={name}>
          <TextField
            id={`review-impact-${name}`}
            label={label}
            value={impact[name] ?? ''}
            onChange={e =>
              onChange({
                ...sections,
                customerImpact: { ...impact, [name]: e.target.value },
              })
            }
            multiline={name === 'notes'}
            fullWidth
            variant="outlined"
            InputProps={{ readOnly }}
          />
        </Grid>
      ))}
      {TEXT.slice(1, 4).map(([name, label]) => field(name, label))}
      <Grid item xs={12} md={6}>
        <TextField
          id="review-fiveWhys"
          label="Five whys (one a line)"
          value={(sections.fiveWhys ?? []).join('\n')}
          onChange={e =>
            onChange({ ...sections, fiveWhys: lines(e.target.value) })
          }
          multiline
          minRows={3}
          fullWidth
          variant="outlined"
          InputProps={{ readOnly }}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <TextField
          id="review-contributingFactors"
          label="Contributing factors (one a line)"
          value={(sections.contributingFactors ?? []).join('\n')}
          onChange={e =>
            onChange({
              ...sections,
              contributingFactors: lines(e.target.value),
            })
          }
          multiline
          minRows={3}
          fullWidth
          variant="outlined"
          InputProps={{ readOnly }}
        />
      </Grid>
      {TEXT.slice(4).map(([name, label]) => field(name, label))}
    </Grid>
  );
}
