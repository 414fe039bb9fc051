import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/** Who the home page cards are about: refs lower-cased, as the API stores them. */
export interface SignedInUser {
  userEntityRef: string;
  /** The user and the groups they belong to. */
  ownershipEntityRefs: string[];
}

/** The signed-in user, from Backstage's identity. */
export function useSignedInUser() {
  const identity = useApi(identityApiRef);
  return useAsync(async (): Promise<SignedInUser> => {
    const { userEntityRef, ownershipEntityRefs } =
      await identity.getBackstageIdentity();
    return {
      userEntityRef: userEntityRef.toLocaleLowerCase('en-US'),
      ownershipEntityRefs: ownershipEntityRefs.map(r =>
        r.toLocaleLowerCase('en-US'),
      ),
    };
  }, [identity]);
}
