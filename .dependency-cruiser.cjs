/** Import cycles and layer direction, checked over the whole of src/. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order matter and hide a missing abstraction: extract the shared part into its own module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'src/core depends on nothing of ours and on no Node built-in.',
      from: { path: '^src/core', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(protocol|server|web|cli)|^(node:)?(fs|path|os|child_process|net|http|https|crypto|worker_threads|process)$', dependencyTypes: ['local', 'core', 'npm'] },
    },
    {
      name: 'protocol-imports-core-only',
      severity: 'error',
      from: { path: '^src/protocol' },
      to: { path: '^src/(server|web|cli)' },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      // The browser test starts the real server in-process; the app itself talks HTTP only.
      from: { path: '^src/web', pathNot: '^src/web/e2e/' },
      to: { path: '^src/(server|cli)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: 'node_modules' },
  },
};
