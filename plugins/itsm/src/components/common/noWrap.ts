import { CSSProperties } from 'react';

/** For cells that must stay on one line (headers, ages, refs) in narrow cards. */
export const NO_WRAP: CSSProperties = { whiteSpace: 'nowrap' };
