/** Whether a path is a folder or a file, without throwing for a path that does not exist. */
import { statSync } from 'node:fs'

/**
 * True when `p` is a folder (false when it is a file or does not exist).
 * @example isFolder('examples') // true
 */
export function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory()
  } catch {
    return false
  }
}

/**
 * True when `p` is a regular file (false when it is a folder or does not exist).
 * @example isFile('README.md') // true
 */
export function isFile(p: string): boolean {
  try {
    return statSync(p).isFile()
  } catch {
    return false
  }
}
