import { mockCredentials } from '@backstage/backend-test-utils';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { requestChange, startBackend } from './__testUtils__/changesBackend';

jest.setTimeout(30_000);

// examples/ci/check-change-gate.sh, as a pipeline runs it, against the real
// gate route (the test backend takes the mock service token as a token).
const SCRIPT = path.resolve(
  __dirname,
  '../../../../examples/ci/check-change-gate.sh',
);
const TOOLS = ['sh', 'curl', 'node', 'jq', 'mktemp', 'rm', 'head'];

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile('sh', [SCRIPT, ...args], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** A PATH holding only `tools`, to run the script without jq. */
function pathWith(tools: string[]): { dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'gate-path-'));
  for (const tool of tools) {
    const found = ['/usr/bin', '/bin', '/usr/local/bin']
      .map(d => path.join(d, tool))
      .find(p => existsSync(p));
    if (found) symlinkSync(found, path.join(dir, tool));
  }
  return { dir };
}

describe('examples/ci/check-change-gate.sh', () => {
  let server: Awaited<ReturnType<typeof startBackend>>;
  let env: Record<string, string>;
  const dirs: string[] = [];
  beforeAll(async () => {
    server = await startBackend();
    const { port } = server.address() as AddressInfo;
    env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      BACKSTAGE_URL: `http://127.0.0.1:${port}/`,
      ITSM_API_TOKEN: mockCredentials.service.token(),
    };
    // A standard change on payments-api, scheduled on 3 December 10:00–11:00
    const created = await request(server)
      .post('/api/itsm/changes')
      .send({
        ...requestChange,
        type: 'standard',
        risk: 'low',
        plannedStart: '2026-12-03T10:00:00Z',
        plannedEnd: '2026-12-03T11:00:00Z',
      });
    for (const [version, status] of [
      [1, 'assess'],
      [2, 'scheduled'],
    ]) {
      await request(server)
        .patch(`/api/itsm/changes/${created.body.ref}`)
        .send({ version, status })
        .expect(200);
    }
  });
  afterAll(() => dirs.forEach(dir => rmSync(dir, { recursive: true })));

  it.each([
    ['jq', TOOLS],
    ['node', TOOLS.filter(t => t !== 'jq')],
  ])(
    'prints the verdict and exits 0 when allowed (with %s)',
    async (_, tools) => {
      const { dir } = pathWith(tools);
      dirs.push(dir);
      const result = await run(['payments-api', '2026-12-03T10:30:00Z'], {
        ...env,
        PATH: dir,
      });
      expect(result).toEqual({
        code: 0,
        stdout: [
          'Change gate: component:default/payments-api at 2026-12-03T10:30:00.000Z: ALLOWED until 2026-12-03T11:00:00.000Z',
          '  - CHG-1001 (standard change, scheduled) has its window open until 2026-12-03T11:00:00.000Z',
          '',
        ].join('\n'),
        stderr: '',
      });
    },
  );

  it('prints the reasons and exits 1 when blocked', async () => {
    const result = await run(
      ['component:default/payments-api', '2026-12-24T10:00:00Z'],
      env,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'Change gate: component:default/payments-api at 2026-12-24T10:00:00.000Z: BLOCKED',
        '  - No approved change of component:default/payments-api has its window open at 2026-12-24T10:00:00.000Z',
        "  - Freeze 'Year-end freeze' until 2027-01-03T00:00:00.000Z: only emergency changes approved by the ECAB may proceed",
        '',
      ].join('\n'),
    );
  });

  it.each`
    case                  | args                        | extraEnv                                   | stderr
    ${'a bad time'}       | ${['payments-api', 'soon']} | ${{}}                                      | ${/^The change gate answered HTTP 400: at must be an ISO 8601 date-time/}
    ${'a wrong token'}    | ${['payments-api']}         | ${{ ITSM_API_TOKEN: 'not-a-token' }}       | ${/^The change gate answered HTTP 401/}
    ${'no token'}         | ${['payments-api']}         | ${{ ITSM_API_TOKEN: '' }}                  | ${/^ITSM_API_TOKEN is not set/}
    ${'no service'}       | ${[]}                       | ${{}}                                      | ${/^usage: /}
    ${'nobody listening'} | ${['payments-api']}         | ${{ BACKSTAGE_URL: 'http://127.0.0.1:9' }} | ${/Could not reach http:\/\/127.0.0.1:9\/api\/itsm\/changes\/gate/}
  `('exits 2 on $case', async ({ args, extraEnv, stderr }) => {
    const result = await run(args, { ...env, ...extraEnv });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(stderr);
  });
});
