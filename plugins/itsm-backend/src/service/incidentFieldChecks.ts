import { InputError } from '@backstage/errors';
import { RefCheck } from './EntityRefValidator';

/** Refuses a category that is not configured (itsm.categories). */
export function checkCategory(category: string, categories: string[]) {
  if (!categories.includes(category)) {
    throw new InputError(
      `category "${category}" is not one of ${categories.join(', ')}`,
    );
  }
}

export function userCheck(field: string, ref: string): RefCheck {
  return { field, ref, defaultKind: 'user', kinds: ['user'] };
}

export function groupCheck(field: string, ref: string): RefCheck {
  return { field, ref, defaultKind: 'group', kinds: ['group'] };
}

/** Refs that normalize to the same entity are kept once, first one first. */
export function uniqueRefs(refs: string[]): string[] {
  return [...new Set(refs)];
}
