import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { BlastRadius } from '@openitsm/backstage-plugin-itsm-common';

/** The services that depend on the affected ones: possibly impacted. */
export function BlastRadiusList(props: { blastRadius: BlastRadius }) {
  const { services, systems, depth } = props.blastRadius;
  if (!services.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        No service depends on the affected ones (catalog dependsOn, {depth}{' '}
        steps).
      </Typography>
    );
  }
  return (
    <Box>
      <Typography variant="body2" paragraph>
        {services.length} service{services.length === 1 ? '' : 's'} depend
        {services.length === 1 ? 's' : ''} on the affected ones and may be
        impacted
        {systems.length ? (
          <>
            {' '}
            (in{' '}
            {systems.map((s, i) => (
              <span key={s}>
                {i ? ', ' : ''}
                <EntityRefLink entityRef={s} />
              </span>
            ))}
            )
          </>
        ) : null}
        :
      </Typography>
      <Box component="ul" m={0} pl={2}>
        {services.map(s => (
          <li key={s.entityRef}>
            <EntityRefLink entityRef={s.entityRef} title={s.title} />{' '}
            <Typography
              component="span"
              variant="caption"
              color="textSecondary"
            >
              {s.depth === 1 ? 'depends on' : `${s.depth} steps away, via`}{' '}
              {s.via.replace(/^component:default\//, '')}
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
}
