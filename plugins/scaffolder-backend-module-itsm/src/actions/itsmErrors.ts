import { isError, ResponseError } from '@backstage/errors';

// By name, not instanceof: the client may come with its own copy of
// @backstage/errors.
function isResponseError(error: unknown): error is ResponseError {
  return isError(error) && error.name === 'ResponseError';
}

/**
 * Runs a call to the ITSM API; a refusal becomes an error whose message is
 * the backend's own (it names the field to fix), not "Request failed".
 */
export async function explainingItsmErrors<T>(
  what: string,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isResponseError(error)) {
      throw new Error(
        `${what}: the ITSM API answered ${error.response.status}: ${
          error.body?.error?.message ?? error.message
        }`,
      );
    }
    throw error;
  }
}
