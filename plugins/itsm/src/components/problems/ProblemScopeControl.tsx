import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import {
  Problem,
  UpdateProblemRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { useEffect, useState } from 'react';
import { EntityRefPicker } from '../common/EntityRefPicker';

/**
 * Who owns the problem and which services it affects beyond its incidents'.
 */
export function ProblemScopeControl(props: {
  problem: Problem;
  busy: boolean;
  onUpdate: (patch: Omit<UpdateProblemRequest, 'version'>) => Promise<boolean>;
}) {
  const { problem, busy, onUpdate } = props;
  const [ownerGroup, setOwnerGroup] = useState(problem.ownerGroup ?? null);
  const [added, setAdded] = useState(problem.addedServices);
  useEffect(() => {
    setOwnerGroup(problem.ownerGroup ?? null);
    setAdded(problem.addedServices);
  }, [problem]);

  const changed =
    (ownerGroup ?? undefined) !== problem.ownerGroup ||
    added.join() !== problem.addedServices.join();
  const save = () => {
    const patch: Omit<UpdateProblemRequest, 'version'> = {};
    if ((ownerGroup ?? undefined) !== problem.ownerGroup) {
      patch.ownerGroup = ownerGroup;
    }
    if (added.join() !== problem.addedServices.join()) {
      patch.affectedServices = added;
    }
    return onUpdate(patch);
  };
  return (
    <Box display="flex" flexDirection="column" gridGap={8} mt={2}>
      <EntityRefPicker
        id="itsm-problem-scope-owner"
        label="Owner group"
        kinds={['group']}
        value={ownerGroup}
        onChange={setOwnerGroup}
      />
      <EntityRefPicker
        id="itsm-problem-scope-services"
        label="Services added by hand"
        kinds={['component', 'resource', 'system']}
        multiple
        value={added}
        onChange={setAdded}
        helperText="Linked incidents' services are affected anyway"
      />
      <Box>
        <Button disabled={busy || !changed} onClick={save}>
          Save ownership and services
        </Button>
      </Box>
    </Box>
  );
}
