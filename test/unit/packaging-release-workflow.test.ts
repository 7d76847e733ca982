import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';

/**
 * The release workflow cannot run here (it needs macOS and Windows runners and the signing
 * secrets); this checks the promises it makes that can be read from the file.
 */

const file = path.resolve(import.meta.dirname, '../../.github/workflows/release.yml');
const text = readFileSync(file, 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: { push: { tags: string[]; branches?: unknown } };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string>; strategy?: unknown }>;
}

const workflow = parseYaml(text) as Workflow;
const build = workflow.jobs['build'];

describe('release workflow', () => {
  it('runs on version tags only, read-only by default', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } });
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('builds on macOS, Windows and Linux runners', () => {
    const include = (build?.strategy as { matrix: { include: { target: string; os: string }[] } })
      .matrix.include;
    expect(include.map((entry) => entry.target).sort()).toEqual(['linux', 'mac', 'win']);
    expect(include.find((entry) => entry.target === 'mac')?.os).toMatch(/^macos-/);
    expect(include.find((entry) => entry.target === 'win')?.os).toMatch(/^windows-/);
  });

  it('takes Node from .nvmrc, installs with npm ci and builds with npm run dist', () => {
    const steps = build?.steps ?? [];
    const setupNode = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with?.['node-version-file']).toBe('.nvmrc');
    expect(steps.some((step) => step.run === 'npm ci')).toBe(true);
    expect(steps.some((step) => step.run?.includes('npm run "dist:$TARGET"'))).toBe(true);
  });

  it('reads every credential from the secret store, never from the file', () => {
    const credentialVariables =
      /^(CSC_LINK|CSC_KEY_PASSWORD|WIN_CSC_LINK|WIN_CSC_KEY_PASSWORD|APPLE_[A-Z_]+)$/;
    for (const step of build?.steps ?? []) {
      for (const [name, value] of Object.entries(step.env ?? {})) {
        if (credentialVariables.test(name)) expect(value, name).toMatch(/\bsecrets\.[A-Z_]+/);
      }
    }
    expect(text).not.toMatch(/-----BEGIN|password:\s*['"]?\w/i);
  });

  it('only the release job may write, and it drafts the release', () => {
    expect(build?.permissions).toBeUndefined();
    expect(workflow.jobs['release']?.permissions).toEqual({ contents: 'write' });
    expect(workflow.jobs['release']?.steps.some((step) => step.run?.includes('--draft'))).toBe(
      true,
    );
  });
});
