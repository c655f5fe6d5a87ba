import { isCommitSha } from '../../lib/text.js'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * What a fetch wrote to FETCH_HEAD: the commit of each branch and of HEAD; undefined when it
 * cannot be read.
 */
export async function fetchHeads(
  gitDir: string
): Promise<{ branches: Map<string, string>; head?: string } | undefined> {
  try {
    const lines = (await readFile(join(gitDir, 'FETCH_HEAD'), 'utf8')).split('\n')
    const branches = new Map<string, string>()
    let head: string | undefined
    for (const line of lines) {
      const [sha = '', , what = ''] = line.split('\t')
      if (!isCommitSha(sha)) continue
      const branch = /^branch '(.+)' of /.exec(what)?.[1]
      if (branch !== undefined) branches.set(branch, sha)
      else if (!/^(?:branch|tag) '/.test(what)) head = sha
    }
    return { branches, ...(head === undefined ? {} : { head }) }
  } catch {
    return undefined
  }
}

/**
 * The branch the remote's HEAD points to, from a packet trace of the ref listing: protocol v2
 * (`<oid> HEAD symref-target:refs/heads/NAME`) or v0 (the `symref=HEAD:refs/heads/NAME`
 * capability). git 2.39 keeps no symref a fetch listed, so the trace is where it is read.
 */
export async function headSymref(tracePath: string): Promise<string | undefined> {
  let text: string
  try {
    text = await readFile(tracePath, 'utf8')
  } catch {
    return undefined
  }
  for (const line of text.split('\n')) {
    if (!/ (?:fetch|git)< /.test(line)) continue
    const match =
      / HEAD symref-target:refs\/heads\/(\S+)/.exec(line) ??
      /\bsymref=HEAD:refs\/heads\/([^\s\\]+)/.exec(line)
    if (match?.[1]) return match[1]
  }
  return undefined
}

/** The remote has no HEAD to fetch (unborn or dangling). */
export class MissingHead extends Error {}
