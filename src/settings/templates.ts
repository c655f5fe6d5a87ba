/** Values a template may name. */
export interface TemplateValues {
  readonly names: string
  readonly tag: string
  readonly sha: string
  readonly shortSha: string
}

/** Replaces `{names}`, `{tag}`, `{sha}` and `{short-sha}` in a template; other braces stay. */
export function renderTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(names|tag|sha|short-sha)\}/g, (_match, key: string) => {
    switch (key) {
      case 'names':
        return values.names
      case 'tag':
        return values.tag
      case 'sha':
        return values.sha
      default:
        return values.shortSha
    }
  })
}
