import { Link } from '@backstage/core-components';

/**
 * A record's ref (INC-1042, CHG-1001…) as a link on one line: the hyphen
 * would otherwise let a narrow column break it in two.
 */
export function RefLink(props: { to: string; children: string }) {
  return (
    <Link to={props.to} style={{ whiteSpace: 'nowrap' }}>
      {props.children}
    </Link>
  );
}
