import { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * createMockActionContext always runs as user:default/mock (it ignores a
 * getInitiatorCredentials option); this context runs as `credentials`.
 */
export function withInitiator<T extends { getInitiatorCredentials: unknown }>(
  credentials: BackstageCredentials,
  ctx: T,
): T {
  return { ...ctx, getInitiatorCredentials: async () => credentials };
}
