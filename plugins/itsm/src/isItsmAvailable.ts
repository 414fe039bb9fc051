import { Entity } from '@backstage/catalog-model';

/**
 * Whether an entity gets the ITSM card and tab: services and other
 * components, which incidents are reported against.
 *
 * @public
 */
export function isItsmAvailable(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'component';
}
