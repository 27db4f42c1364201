import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandSpecs, eventSpecs } from '../../shared/domain.js';
import { errorCodes } from '../../shared/core/errors.js';
import { protocolDocsPath, renderProtocolDocs } from '../../scripts/generate-protocol-docs.js';

describe('docs/protocol.md', () => {
  const rendered = renderProtocolDocs();

  it('is up to date with the schemas and the registry (run `npm run docs:protocol` and commit it)', () => {
    expect(readFileSync(protocolDocsPath, 'utf8') === rendered, 'docs/protocol.md is stale: run `npm run docs:protocol`').toBe(true);
  });

  it('documents every command with its roles and example, every event and every error code', () => {
    for (const spec of commandSpecs) {
      expect(rendered).toContain(`### \`${spec.type}\``);
      expect(rendered).toContain(`| [\`${spec.type}\`](#`);
    }
    for (const spec of eventSpecs) expect(rendered).toContain(`### \`${spec.type}\``);
    for (const code of errorCodes) expect(rendered).toContain(`| \`${code}\` |`);
    expect(rendered).toContain('### `welcome`');
  });

  it('is deterministic', () => {
    expect(renderProtocolDocs()).toBe(rendered);
  });
});
