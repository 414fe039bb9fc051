import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  Problem,
  UpdateProblemRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { useEffect, useState } from 'react';
import { useCatalogRefs } from '../common/useCatalogRefs';

/**
 * Who owns the problem and which services it affects beyond its incidents'.
 */
export function ProblemScopeControl(props: {
  problem: Problem;
  busy: boolean;
  onUpdate: (patch: Omit<UpdateProblemRequest, 'version'>) => Promise<boolean>;
}) {
  const { problem, busy, onUpdate } = props;
  const groups = useCatalogRefs('group');
  const components = useCatalogRefs('component');
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
      <Autocomplete
        id="itsm-problem-scope-owner"
        options={groups.value ?? []}
        loading={groups.loading}
        value={ownerGroup}
        onChange={(_e, value) => setOwnerGroup(value)}
        renderInput={params => (
          <TextField {...params} label="Owner group" margin="dense" />
        )}
      />
      <Autocomplete
        id="itsm-problem-scope-services"
        multiple
        options={components.value ?? []}
        loading={components.loading}
        value={added}
        onChange={(_e, value) => setAdded(value)}
        renderInput={params => (
          <TextField
            {...params}
            label="Services added by hand"
            helperText="Linked incidents' services are affected anyway"
            margin="dense"
          />
        )}
      />
      <Box>
        <Button disabled={busy || !changed} onClick={save}>
          Save ownership and services
        </Button>
      </Box>
    </Box>
  );
}
