/**
 * The one direction of imports: renderer -> shared <- electron; emulator stands alone.
 * A folder's name says the runtime its code runs in, so these rules keep Node and Electron
 * out of the page and keep shared/ pure.
 */
module.exports = {
  forbidden: [
    {
      name: 'renderer-no-main-or-emulator',
      comment: 'The page runs in a sandbox: it reaches main only through the IPC contract.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(electron|emulator|scripts|e2e)/' },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer has no Node: a built-in would fail at run time or leak privileges.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-electron',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^electron$', '(^|/)node_modules/electron/'] },
    },
    {
      name: 'shared-stays-pure',
      comment:
        'shared/ is imported by every runtime: it may use only itself, zod, a streaming JSON parser with no Node built-ins, and the test runner.',
      severity: 'error',
      from: { path: '^shared/' },
      to: {
        pathNot: [
          '^shared/',
          '(^|/)node_modules/(zod|vitest|fast-check|@vitest|@streamparser/json)/',
        ],
      },
    },
    {
      name: 'emulator-stands-alone',
      comment:
        'The emulator is a stand-in for the Azure service: it knows shared/ schemas and nothing of the app.',
      severity: 'error',
      from: { path: '^emulator/' },
      to: { path: '^(electron|renderer|e2e)/' },
    },
    {
      name: 'electron-import-only-in-shell',
      comment:
        'Importing electron under plain Node throws; only the thin shell may, so core stays testable.',
      severity: 'error',
      from: { pathNot: '^electron/(main|preload)/' },
      to: { path: ['^electron$', '(^|/)node_modules/electron/'] },
    },
    {
      name: 'electron-no-renderer',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'nothing-imports-bench',
      comment: 'bench/ measures the app from outside: it may import anything, nothing imports it.',
      severity: 'error',
      from: { pathNot: '^bench/' },
      to: { path: '^bench/' },
    },
    {
      name: 'production-no-test-support',
      comment:
        'Test fakes (a safeStorage that only scrambles, say) must never reach a build: only tests, e2e and bench may use them.',
      severity: 'error',
      from: {
        pathNot: ['\\.test\\.tsx?$', '^electron/test-support/', '^e2e/', '^bench/'],
      },
      to: { path: '^electron/test-support/' },
    },
    {
      name: 'no-non-package-json',
      comment:
        'A package reached only through another one (conf through electron-store) can change or vanish with it: declare what is imported.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist|release)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
