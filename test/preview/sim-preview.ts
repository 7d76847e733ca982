/**
 * The web preview over a fresh simulator: what `npm run preview`, the Playwright UI tests, the
 * preview's integration test and the UI benchmark start. The preview itself (main/preview/)
 * takes an API by address and knows nothing of the simulator; this puts the two together.
 */
import type { Environment } from '../../main/core/secrets/env-credentials';
import { startPreview, type Preview, type PreviewOptions } from '../../main/preview/server';
import { startSimulator, type Simulator, type SimulatorOptions } from '../sim/index';

export interface SimPreviewOptions extends Omit<PreviewOptions, 'api'> {
  /** 'sim' (default): a fresh simulator. 'env': the API the WEMEET_* variables name. */
  readonly api?: 'sim' | 'env' | undefined;
  /** With api 'env': the variables (default process.env). */
  readonly env?: Environment | undefined;
  /** With the simulator: start with its demo credentials saved (default) or not set up. */
  readonly configured?: boolean | undefined;
  readonly sim?: SimulatorOptions | undefined;
}

export interface SimPreview extends Preview {
  /** The simulator behind it (null with api: 'env'): inject faults, read requests. */
  readonly sim: Simulator | null;
}

export async function startSimPreview(options: SimPreviewOptions = {}): Promise<SimPreview> {
  const { api = 'sim', env, configured = true, sim: simOptions, ...previewOptions } = options;
  const sim = api === 'sim' ? await startSimulator(simOptions ?? {}) : null;
  let preview: Preview;
  try {
    preview = await startPreview({
      ...previewOptions,
      api:
        sim === null
          ? { kind: 'env', env }
          : {
              kind: 'url',
              baseUrl: sim.baseUrl,
              account: configured
                ? { credentials: sim.credentials, operatorId: sim.operatorId }
                : null,
            },
    });
  } catch (error) {
    await sim?.close();
    throw error;
  }
  return {
    ...preview,
    sim,
    async close() {
      await preview.close();
      await sim?.close();
    },
  };
}
