/**
 * A label selector: every label must equal its value (`job=api,env=prod`).
 * @public
 */
export type AlertLabelSelector = Record<string, string>;

/**
 * Parses `job=payments-api,env=prod`. Throws an Error naming the bad part;
 * an empty selector matches nothing and is refused too.
 * @public
 */
export function parseAlertSelector(text: string): AlertLabelSelector {
  const selector: AlertLabelSelector = {};
  const parts = text
    .split(',')
    .map(p => p.trim())
    .filter(Boolean);
  if (!parts.length) {
    throw new Error('an alert selector needs at least one label=value');
  }
  for (const part of parts) {
    const at = part.indexOf('=');
    const name = at > 0 ? part.slice(0, at).trim() : '';
    const value =
      at > 0
        ? part
            .slice(at + 1)
            .trim()
            .replace(/^"(.*)"$/, '$1')
        : '';
    if (!name || !value || name.includes('!') || value.startsWith('~')) {
      throw new Error(
        `"${part}" is not label=value (only equality selectors are supported)`,
      );
    }
    selector[name] = value;
  }
  return selector;
}

/** Whether every label of the selector has its value. @public */
export function matchesAlertSelector(
  selector: AlertLabelSelector,
  labels: Record<string, string>,
): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/**
 * What alert routing reads from the catalog and from config.
 * @public
 */
export interface AlertRoutingRules {
  /** Label names tried in order, e.g. `service`, `app`, `component`. */
  labelNames: string[];
  /** Entity ref of a catalog entity by its (lower-case) name. */
  entityByName: (name: string) => string | undefined;
  /** Entities that declared a selector annotation. */
  selectors: Array<{ entityRef: string; selector: AlertLabelSelector }>;
  /** Where alerts of this source go when nothing else matched. */
  defaultService?: string;
}

/**
 * Where an alert goes and which rule sent it there.
 * @public
 */
export interface AlertRoute {
  entityRef: string;
  rule: 'service' | 'label' | 'selector' | 'default';
  /** The label or selector that matched, for the timeline. */
  detail: string;
}

/**
 * Routes an alert to a catalog service: first the service the payload names
 * itself (the generic source's `service`), then the configured label names in
 * order (a value that is a catalog entity's name), then the entities' selector
 * annotations (the most specific match wins; ties go to the smaller ref, so
 * every replica routes alike), then the source's default. Undefined: unmapped.
 * @public
 */
export function routeAlert(
  alert: { labels: Record<string, string>; service?: string },
  rules: AlertRoutingRules,
): AlertRoute | undefined {
  if (alert.service) {
    const ref = rules.entityByName(alert.service.toLocaleLowerCase('en-US'));
    if (ref) return { entityRef: ref, rule: 'service', detail: alert.service };
  }
  for (const name of rules.labelNames) {
    const value = alert.labels[name];
    if (!value) continue;
    const ref = rules.entityByName(value.toLocaleLowerCase('en-US'));
    if (ref)
      return { entityRef: ref, rule: 'label', detail: `${name}=${value}` };
  }
  let best: { entityRef: string; size: number } | undefined;
  for (const { entityRef, selector } of rules.selectors) {
    if (!matchesAlertSelector(selector, alert.labels)) continue;
    const size = Object.keys(selector).length;
    if (
      !best ||
      size > best.size ||
      (size === best.size && entityRef < best.entityRef)
    ) {
      best = { entityRef, size };
    }
  }
  if (best) {
    const selector = rules.selectors.find(
      s => s.entityRef === best!.entityRef,
    )!;
    return {
      entityRef: best.entityRef,
      rule: 'selector',
      detail: Object.entries(selector.selector)
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
    };
  }
  if (rules.defaultService) {
    return {
      entityRef: rules.defaultService,
      rule: 'default',
      detail: 'source default',
    };
  }
  return undefined;
}
