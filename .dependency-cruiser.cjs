/**
 * The layout rules (docs/development/architecture.md), checked by `npm run lint`: the folders of src/ follow the
 * data flow, and a module imports only its own folder or folders of a lower layer.
 */
const LAYERS = [
  ['action', 'cli'],
  ['compare', 'render'],
  ['checks', 'slices'],
  ['tasks'],
  ['significance', 'gates'],
  ['metrics', 'pair'],
  ['read', 'report'],
  ['stats', 'common']
]

const layerRules = LAYERS.flatMap((folders, rank) => {
  // Everything at this rank or above, except the folder itself.
  const notBelow = LAYERS.slice(0, rank + 1).flat()
  return folders.map((folder) => ({
    name: `layer-${folder}`,
    comment: `src/${folder}/ may import its own folder and the layers below it (${LAYERS.slice(rank + 1).flat().join(', ') || 'none'}), never ${notBelow.filter((f) => f !== folder).join(', ')}`,
    severity: 'error',
    from: { path: `^src/${folder}/` },
    to: { path: `^src/(${notBelow.filter((f) => f !== folder).join('|')})/` }
  }))
})

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No circle of imports anywhere in src/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true }
    },
    {
      name: 'actions-only-in-action',
      comment: 'Only src/action/ talks to GitHub: no @actions/* (or @octokit/*) import elsewhere.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/action/' },
      to: { path: '(^|/)node_modules/@(actions|octokit)/|^@(actions|octokit)/' }
    },
    {
      name: 'stats-pure',
      comment: 'src/stats/ is pure numerics: it imports nothing else of the project.',
      severity: 'error',
      from: { path: '^src/stats/' },
      to: { path: '^src/', pathNot: '^src/stats/' }
    },
    {
      name: 'no-root-files',
      comment: 'Every module of src/ lives in a folder of the layout.',
      severity: 'error',
      from: { path: '^src/[^/]+$' },
      to: {}
    },
    {
      name: 'known-folders',
      comment: 'src/ holds only the folders of the layout.',
      severity: 'error',
      from: { path: `^src/(?!(${LAYERS.flat().join('|')})/)[^/]+/` },
      to: {}
    },
    ...layerRules
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] }
  }
}
