export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed'

export interface ChangedFile {
  /** Repository-relative path at head (at base for a deleted file), with forward slashes. */
  path: string
  status: ChangeStatus
  /** The path at base, for a renamed file. */
  previousPath?: string
  binary?: true
  /** A submodule (gitlink) whose recorded commit changed. */
  submodule?: true
}

/** What changed between two commits. The CLI's `changes --json` prints this object. */
export interface ChangeSet {
  /** Full SHA of the commit compared against (the merge base for a pull request). */
  base: string
  /** Full SHA of the commit under test. */
  head: string
  files: ChangedFile[]
}
