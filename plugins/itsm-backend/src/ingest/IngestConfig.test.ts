import { ConfigReader } from '@backstage/config';
import { readIngestConfig } from './IngestConfig';

const CATEGORIES = ['availability', 'performance'];
const read = (ingest?: object) =>
  readIngestConfig(
    new ConfigReader(ingest ? { itsm: { ingest } } : {}),
    CATEGORIES,
  );

describe('readIngestConfig', () => {
  it('has defaults for everything', () => {
    const config = read();
    expect(config).toMatchObject({
      labels: ['service', 'app', 'component'],
      reopenWindowMinutes: 60,
      category: 'availability',
      catalogRefreshSeconds: 60,
    });
    expect(config.severity.critical).toEqual({
      impact: 'high',
      urgency: 'high',
    });
    expect(config.sources.alertmanager).toEqual({
      defaultService: undefined,
      autoResolve: false,
    });
  });

  it('reads severities over the defaults, per-source defaults and resolve', () => {
    const config = read({
      labels: ['team_service'],
      severity: { SEV1: { impact: 'high', urgency: 'high' } },
      sources: {
        grafana: { autoResolve: true, defaultService: 'sre-inbox' },
      },
    });
    expect(config.labels).toEqual(['team_service']);
    expect(config.severity.sev1).toEqual({ impact: 'high', urgency: 'high' });
    expect(config.severity.warning).toEqual({
      impact: 'medium',
      urgency: 'medium',
    });
    expect(config.sources.grafana).toEqual({
      defaultService: 'component:default/sre-inbox',
      autoResolve: true,
    });
  });

  it('fails start-up naming the bad key', () => {
    expect(() =>
      read({ severity: { sev1: { impact: 'huge', urgency: 'high' } } }),
    ).toThrow('itsm.ingest.severity.sev1');
    expect(() => read({ category: 'nope' })).toThrow('itsm.ingest.category');
    expect(() => read({ reopenWindowMinutes: -1 })).toThrow(
      'itsm.ingest.reopenWindowMinutes',
    );
    expect(() =>
      read({ sources: { pagerduty: { defaultService: 'component:' } } }),
    ).toThrow('itsm.ingest.sources.pagerduty.defaultService');
  });
});
