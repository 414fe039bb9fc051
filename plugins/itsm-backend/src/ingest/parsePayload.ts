import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Where an issue is, as a caller writes it: `alerts[0].fingerprint`. */
function pathOf(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || 'body';
}

/**
 * The payload checked against a tool's documented shape; a 400 naming the
 * first field that does not fit (and what was expected) otherwise.
 */
export function parsePayload<T extends z.ZodType>(
  tool: string,
  schema: T,
  body: unknown,
): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new InputError(
    `${pathOf(issue.path)}: ${
      issue.message
    } (not a ${tool} payload; see examples/alerts)`,
  );
}

/** Label and annotation maps: string values, bounded. */
export const stringMap = z
  .record(z.string().max(256), z.string().max(8192))
  .refine(m => Object.keys(m).length <= 100, 'at most 100 entries');

/** A URL as tools send it; empty strings (Grafana's unset URLs) allowed. */
export const optionalUrl = z.string().max(2048).optional();

/** Adds `name` to `links` when `href` is a non-empty http(s) URL. */
export function addLink(
  links: Record<string, { href: string; text?: string }>,
  name: string,
  href: string | undefined,
  text?: string,
) {
  if (!href) return;
  if (!/^https?:\/\//i.test(href)) return;
  links[name] = text ? { href, text } : { href };
}

/** Cuts a text to the length a column takes. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
