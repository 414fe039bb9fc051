import { spawnSync } from 'node:child_process';
import path from 'node:path';

// openapi-typescript is ESM, so the generator runs in its own process.
const generator = path.resolve(
  __dirname,
  '../../../itsm-backend/scripts/generate-openapi.js',
);

describe('openapi.generated.ts', () => {
  it('is what the generator makes of openapi.yaml', () => {
    const result = spawnSync(process.execPath, [generator, '--check'], {
      encoding: 'utf8',
    });
    // On failure the diff shows the generator's message: which file is
    // stale, and "run npm run generate:openapi".
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 0,
      stderr: '',
    });
  });
});
