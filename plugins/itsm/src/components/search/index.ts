export { ItsmSearchResultListItem } from './ItsmSearchResultListItem';
export type { ItsmSearchResultListItemProps } from './ItsmSearchResultListItem';
