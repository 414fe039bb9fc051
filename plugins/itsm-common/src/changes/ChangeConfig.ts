import { DateTime } from 'luxon';
import { ChangeApproversConfig } from './ChangeApprovals';
import { ChangeFreeze } from './types';

/** @public */
export interface ChangeConfig {
  approvers: ChangeApproversConfig;
  freezes: ChangeFreeze[];
}

const RISKS = ['low', 'medium', 'high'] as const;

/**
 * Reads `itsm.changes` (plain JSON from app-config); bad values throw an
 * error naming the key. Entity refs are lower-cased as the catalog compares
 * them so.
 * @public
 */
export function parseChangeConfig(raw: unknown): ChangeConfig {
  if (raw === undefined || raw === null) return { approvers: {}, freezes: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error('itsm.changes must be an object');
  }
  const obj = raw as Record<string, unknown>;
  const approvers: ChangeApproversConfig = {};
  const rawApprovers = (obj.approvers ?? {}) as Record<string, unknown>;
  for (const risk of RISKS) {
    const value = rawApprovers[risk];
    if (value === undefined) continue;
    if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
      throw new Error(
        `itsm.changes.approvers.${risk} must be a list of group refs`,
      );
    }
    approvers[risk] = value.map(v => qualifyGroup(v as string));
  }
  const rawFreezes = obj.freezes ?? [];
  if (!Array.isArray(rawFreezes)) {
    throw new Error('itsm.changes.freezes must be a list');
  }
  const freezes = rawFreezes.map((f, i) => parseFreeze(f, i));
  return { approvers, freezes };
}

function qualifyGroup(ref: string): string {
  const lower = ref.toLocaleLowerCase('en-US');
  const withKind = lower.includes(':') ? lower : `group:${lower}`;
  const [kind, rest] = withKind.split(':', 2);
  return rest.includes('/') ? withKind : `${kind}:default/${rest}`;
}

function parseFreeze(raw: unknown, index: number): ChangeFreeze {
  const key = `itsm.changes.freezes[${index}]`;
  if (typeof raw !== 'object' || raw === null) {
    throw new Error(`${key} must be an object with name, from and to`);
  }
  const f = raw as Record<string, unknown>;
  if (typeof f.name !== 'string' || !f.name) {
    throw new Error(`${key}.name must be a non-empty string`);
  }
  const from = instant(f.from, `${key}.from`);
  const to = instant(f.to, `${key}.to`);
  if (to <= from) throw new Error(`${key}.to must be after ${key}.from`);
  let services: string[] | undefined;
  if (f.services !== undefined && f.services !== 'all') {
    if (
      !Array.isArray(f.services) ||
      f.services.some(s => typeof s !== 'string')
    ) {
      throw new Error(`${key}.services must be a list of entity refs or "all"`);
    }
    services = (f.services as string[]).map(s => {
      const lower = s.toLocaleLowerCase('en-US');
      const withKind = lower.includes(':') ? lower : `component:${lower}`;
      const [kind, rest] = withKind.split(':', 2);
      return rest.includes('/') ? withKind : `${kind}:default/${rest}`;
    });
  }
  return { name: f.name, from, to, services };
}

function instant(value: unknown, key: string): string {
  const text = value instanceof Date ? value.toISOString() : value;
  const parsed =
    typeof text === 'string' ? DateTime.fromISO(text, { zone: 'utc' }) : null;
  if (!parsed?.isValid) {
    throw new Error(`${key} must be an ISO 8601 date or date-time`);
  }
  return parsed.toUTC().toISO()!;
}
