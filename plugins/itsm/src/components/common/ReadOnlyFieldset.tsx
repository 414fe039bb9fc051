import { ReactNode } from 'react';

/**
 * An editor shown to a user who may read but not change what it edits: a
 * disabled fieldset, so every input and button in it is inert while the
 * values stay readable.
 */
export function ReadOnlyFieldset(props: {
  readOnly: boolean;
  children: ReactNode;
}) {
  return (
    <fieldset
      disabled={props.readOnly}
      aria-disabled={props.readOnly}
      style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}
    >
      {props.children}
    </fieldset>
  );
}
