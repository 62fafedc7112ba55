import { readFileSync } from 'node:fs'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Fails the run when a test leaves an eval-gate-* entry in the temp directory (the run gets its own).
    globalSetup: ['__tests__/tmp-guard.ts'],
    // @actions/workflow-parser imports its JSON schemas without an import attribute (it is written for bundlers):
    // let Vite transform it instead of Node loading it.
    server: { deps: { inline: ['@actions/workflow-parser'] } }
  },
  plugins: [
    {
      // Its published source maps name sources it does not ship: load it without them rather than print 60 warnings.
      name: 'workflow-parser-without-source-maps',
      enforce: 'pre',
      load(id: string) {
        if (id.includes('@actions/workflow-parser/') && id.endsWith('.js')) return { code: readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, ''), map: null }
        return undefined
      }
    }
  ]
})
