/** The viewer's IANA timezone, the default for a new schedule. */
export function browserTimezone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA timezone the browser knows, for pickers. */
export function knownTimezones(): string[] {
  const supported = (
    Intl as { supportedValuesOf?: (key: string) => string[] }
  ).supportedValuesOf?.('timeZone');
  return supported && supported.length > 0 ? supported : [browserTimezone()];
}
