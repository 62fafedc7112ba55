// npm run render-preview [-- IN_DIR OUT_DIR]: renders every Markdown report in IN_DIR (default: the renderer's
// snapshots, __tests__/__snapshots__) as GitHub shows a comment — GFM (marked), the tags and attributes GitHub's
// sanitizer keeps (__tests__/fixtures/render/github-sanitizer.json), github-markdown-css in a 900 px column,
// Mermaid for ```mermaid blocks — into OUT_DIR (default: preview/, git-ignored): NAME.html, NAME.png (the first
// screen, 900 × 1000), NAME-full.png (the whole page) and NAME-open.png (every <details> open), with Debian's Chromium through playwright-core
// (apt-get install chromium). Prints each report's length in characters.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { marked } from 'marked'
import { chromium } from 'playwright-core'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const input = path.resolve(process.argv[2] ?? path.join(root, '__tests__/__snapshots__'))
const output = path.resolve(process.argv[3] ?? path.join(root, 'preview'))
const allow = JSON.parse(readFileSync(path.join(root, '__tests__/fixtures/render/github-sanitizer.json'), 'utf8'))
const css = pathToFileURL(path.join(root, 'node_modules/github-markdown-css/github-markdown-light.css')).href
const mermaid = pathToFileURL(path.join(root, 'node_modules/mermaid/dist/mermaid.min.js')).href
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium'

/** Drops elements and attributes GitHub's sanitizer would drop (tags outside the allowlist lose their markup, keep their text). */
function sanitize(html) {
  return html.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g, (tag, close, name, attrs) => {
    const el = name.toLowerCase()
    if (!allow.elements.includes(el)) return ''
    if (close) return `</${el}>`
    const kept = [...attrs.matchAll(/([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g)].filter(([, a]) => {
      const attr = a.toLowerCase()
      return (allow.attributes[el] ?? []).includes(attr) || allow.attributes.all.includes(attr) || (el === 'code' && attr === 'class')
    })
    return `<${el}${kept.map(([, a, v]) => ` ${a}${v ? `=${v}` : ''}`).join('')}>`
  })
}

function page(name, markdown) {
  let body = sanitize(marked.parse(markdown, { gfm: true, async: false }))
  const hasChart = body.includes('language-mermaid')
  body = body.replace(/<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g, '<pre class="mermaid">$1</pre>')
  return `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title>
<link rel="stylesheet" href="${css}">
<style>body{margin:0;background:#fff}.markdown-body{box-sizing:border-box;width:900px;padding:16px 16px 32px}</style>
${hasChart ? `<script src="${mermaid}"></script><script>mermaid.initialize({startOnLoad:true})</script>` : ''}
</head><body><article class="markdown-body">${body}</article></body></html>`
}

mkdirSync(output, { recursive: true })
const files = readdirSync(input).filter((f) => f.endsWith('.md')).sort()
if (!existsSync(browserPath)) {
  console.error(`No Chromium at ${browserPath} (apt-get install chromium, or set CHROMIUM): writing HTML only.`)
}
const browser = existsSync(browserPath)
  ? await chromium.launch({
      executablePath: browserPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    })
  : null
for (const file of files) {
  const name = file.replace(/\.md$/, '')
  const markdown = readFileSync(path.join(input, file), 'utf8')
  const html = path.join(output, `${name}.html`)
  writeFileSync(html, page(name, markdown))
  if (browser) {
    const tab = await browser.newPage({ viewport: { width: 932, height: 1000 } })
    // Nothing but local files: any other request is refused.
    await tab.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()))
    await tab.goto(pathToFileURL(html).href)
    await tab.waitForTimeout(markdown.includes('```mermaid') ? 1500 : 100)
    await tab.screenshot({ path: path.join(output, `${name}.png`) })
    await tab.screenshot({ path: path.join(output, `${name}-full.png`), fullPage: true })
    // And with every <details> open, to look at the folded sections too.
    await tab.$$eval('details', (all) => all.forEach((d) => (d.open = true)))
    await tab.screenshot({ path: path.join(output, `${name}-open.png`), fullPage: true })
    await tab.close()
  }
  console.log(`${name}: ${[...markdown].length.toLocaleString('en-US')} characters → ${path.relative(process.cwd(), html)}`)
}
await browser?.close()
