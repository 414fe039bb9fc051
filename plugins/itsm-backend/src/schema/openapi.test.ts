import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { spec } from './openapi.generated';

describe('openapi.generated.ts', () => {
  it('matches openapi.yaml (run npm run generate:openapi after editing it)', () => {
    const source = yaml.load(
      fs.readFileSync(path.resolve(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(spec).toEqual(source);
  });
});
