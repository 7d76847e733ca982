import type { Stats } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';

/**
 * electron-builder's own code for the packaging tests: its configuration loader and schema
 * validator, its file matchers and its production-dependency collector, loaded from the very
 * app-builder-lib copy electron-builder uses (resolved from electron-builder's folder, so a
 * second copy can never be the one tested). These are internal modules without an exports map;
 * the small interfaces below type just what the tests call.
 */

export const projectDir = path.resolve(import.meta.dirname, '../..');

/**
 * The fuses the Electron-app issue's security checklist asks for, stated once: the config test
 * checks that electron-builder.yml sets them, the dir build that the packed binary has them.
 */
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
} as const;

const electronBuilderPackage = createRequire(path.join(projectDir, 'package.json')).resolve(
  'electron-builder/package.json',
);
const fromElectronBuilder = createRequire(electronBuilderPackage);
const appBuilderLibDir = path.dirname(fromElectronBuilder.resolve('app-builder-lib/package.json'));
const load = createRequire(path.join(appBuilderLibDir, 'package.json'));

export const schemePath = path.join(appBuilderLibDir, 'scheme.json');

interface DebugLoggerLike {
  readonly isEnabled: boolean;
  add(key: string, value: unknown): void;
}

const debugLogger: DebugLoggerLike = { isEnabled: false, add: () => undefined };

interface ConfigModule {
  getConfig(
    projectDir: string,
    configPath: string | null,
    configFromOptions: Configuration | null,
  ): Promise<Configuration>;
  validateConfiguration(config: Configuration, logger: DebugLoggerLike): Promise<void>;
}

const configModule = load('./out/util/config/config.js') as ConfigModule;

/** electron-builder.yml as electron-builder reads it. */
export function loadBuilderConfig(): Promise<Configuration> {
  return configModule.getConfig(projectDir, null, null);
}

/** electron-builder's own validation (its scheme.json, through its ajv setup). */
export function validateWithElectronBuilder(config: Configuration): Promise<void> {
  return configModule.validateConfiguration(config, debugLogger);
}

/** The stat fields electron-builder's filters read, plus its node_modules annotations. */
export type FilterStat = Pick<Stats, 'isDirectory' | 'isFile' | 'isSymbolicLink'> & {
  moduleFullFilePath?: string;
  moduleName?: string;
  moduleRootPath?: string;
};
export type FileFilter = (file: string, stat: FilterStat) => boolean;

interface FileMatcherLike {
  readonly from: string;
  readonly patterns: readonly string[];
  createFilter(): FileFilter;
}

interface FileMatcherModule {
  FileMatcher: new (
    from: string,
    to: string,
    macroExpander: (pattern: string) => string,
    patterns?: readonly string[],
  ) => FileMatcherLike;
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformSpecificBuildOptions: object,
    platformPackager: object,
    outDir: string,
    isElectronCompile: boolean,
  ): FileMatcherLike[];
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformSpecificBuildOptions: object,
    packager: object,
  ): FileMatcherLike;
  getFileMatchers(
    config: Configuration,
    name: 'files' | 'asarUnpack' | 'extraResources',
    defaultDestination: string,
    options: {
      macroExpander: (pattern: string) => string;
      customBuildOptions: object;
      globalOutDir: string;
      defaultSrc: string;
    },
  ): FileMatcherLike[] | null;
  excludedExts: string;
}

export const fileMatcher = load('./out/fileMatcher.js') as FileMatcherModule;

/** What electron-builder's packager exposes to the matchers, for one platform. */
export function fakePackager(config: Configuration) {
  const info = {
    projectDir,
    buildResourcesDir: path.join(projectDir, config.directories?.buildResources ?? 'build'),
    isPrepackedAppAsar: false,
    config,
    debugLogger,
    appInfo: { type: 'module' },
    getWorkspaceRoot: () => Promise.resolve(projectDir),
  };
  return { info, config, debugLogger };
}

export interface NodeModuleInfo {
  readonly name: string;
  readonly version: string;
  readonly dir: string;
  readonly dependencies?: readonly NodeModuleInfo[];
}

interface CollectorModule {
  getCollectorByPackageManager(
    pm: string,
    rootDir: string,
    tempDirManager: { cleanup(): Promise<void> },
  ): {
    getNodeModules(options: { packageName: string }): Promise<{ nodeModules: NodeModuleInfo[] }>;
  };
  PM: { NPM: string };
}

interface BuilderUtilModule {
  TmpDir: new (debugName: string) => { cleanup(): Promise<void> };
}

/** The production node_modules electron-builder would put in the app, flattened. */
export async function productionModules(packageName: string): Promise<NodeModuleInfo[]> {
  const collector = load('./out/node-module-collector/index.js') as CollectorModule;
  const { TmpDir } = createRequire(load.resolve('builder-util/package.json'))(
    './out/util.js',
  ) as BuilderUtilModule;
  const tmp = new TmpDir('roomcall-packaging-test');
  try {
    const { nodeModules } = await collector
      .getCollectorByPackageManager(collector.PM.NPM, projectDir, tmp)
      .getNodeModules({ packageName });
    const flat: NodeModuleInfo[] = [];
    const visit = (modules: readonly NodeModuleInfo[]) => {
      for (const module of modules) {
        flat.push(module);
        visit(module.dependencies ?? []);
      }
    };
    visit(nodeModules);
    return flat;
  } finally {
    await tmp.cleanup();
  }
}

interface CopyHelperModule {
  NodeModuleCopyHelper: new (
    matcher: FileMatcherLike,
    packager: object,
  ) => {
    collectNodeModules(
      module: NodeModuleInfo,
      excludedExts: readonly string[],
      destination: string,
    ): Promise<string[]>;
    readonly metadata: Map<string, FilterStat>;
  };
}

/**
 * The files of one module electron-builder would copy, with the stats (moduleFullFilePath
 * included) its asar packer then sees. Mirrors appFileCopier.computeNodeModuleFileSets.
 */
export async function moduleFiles(
  config: Configuration,
  module: NodeModuleInfo,
): Promise<{ files: string[]; metadata: Map<string, FilterStat> }> {
  const packager = fakePackager(config);
  const identity = (pattern: string) => pattern;
  const nodeModulesMatcher = fileMatcher.getNodeModuleFileMatcher(
    projectDir,
    projectDir,
    identity,
    {},
    packager,
  );
  const destination = path.join('node_modules', module.name);
  const matcher = new fileMatcher.FileMatcher(
    module.dir,
    destination,
    identity,
    nodeModulesMatcher.patterns,
  );
  const { NodeModuleCopyHelper } = load('./out/util/NodeModuleCopyHelper.js') as CopyHelperModule;
  const helper = new NodeModuleCopyHelper(matcher, packager.info);
  // The extensions appFileCopier.getNodeModuleExcludedExts drops on macOS and Linux.
  const excluded = ['.o', '.obj', ...fileMatcher.excludedExts.split(',').map((ext) => `.${ext}`)];
  excluded.push('.pdb', '.dll', '.exe');
  const files = await helper.collectNodeModules(module, excluded, destination);
  return { files, metadata: helper.metadata };
}

interface AsarModule {
  listPackage(archive: string, options?: { isPack: boolean }): string[];
  extractFile(archive: string, filename: string): Buffer;
}

/** @electron/asar, the copy electron-builder packs with. */
export const asar = load('@electron/asar') as AsarModule;

/** The electron-builder CLI, as `npm run dist` runs it. */
export const electronBuilderCli = path.join(path.dirname(electronBuilderPackage), 'cli.js');
