import { describe, expect, it } from 'vitest';
import { MIN_NODE, isSupportedNode, unsupportedNodeMessage } from '../../main/cli/node-version';

describe('the Node.js versions roomcall runs on', () => {
  it.each(['22.12.0', '22.13.1', '23.0.0', '24.21.0', '30.1.2'])('runs on %s', (version) => {
    expect(isSupportedNode(version)).toBe(true);
  });

  it.each(['22.11.0', '22.0.0', '20.20.2', '18.19.1', '0.12.0', 'garbage'])(
    'refuses %s',
    (version) => {
      expect(isSupportedNode(version)).toBe(false);
    },
  );

  it('agrees with package.json engines', async () => {
    const { default: pkg } = (await import('../../package.json', { with: { type: 'json' } })) as {
      default: { engines: { node: string } };
    };
    expect(pkg.engines.node).toBe(`>=${MIN_NODE.join('.')}`);
  });

  it('names the version found and what to install', () => {
    const message = unsupportedNodeMessage('20.20.2');
    expect(message).toContain('Node.js 22.12 or newer');
    expect(message).toContain('this is Node.js 20.20.2');
    expect(message).toContain('Install Node.js 24');
  });
});
