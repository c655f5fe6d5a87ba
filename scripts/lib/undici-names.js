// What the bundle in dist/ takes from undici, which it reaches only through dist/undici.cjs (see
// scripts/undici-on-demand.cjs). Read from webpack's output: an `import` of the loader becomes a
// namespace object whose used names webpack lists, a `require` becomes a module whose binding is
// read as `binding.Name`.

/** The file name of the loader the bundle imports in place of undici. */
export const UNDICI_LOADER = 'undici.cjs'

/**
 * Every name the chunks (file text by file name) read from the undici loader, sorted; '*' when a
 * chunk uses a required loader other than by `.Name`, so no list of names could be complete.
 */
export function undiciNamesTaken(chunks) {
  const names = new Set()
  const required = new Set()
  for (const text of Object.values(chunks)) {
    for (const [, name] of text.matchAll(/__WEBPACK_EXTERNAL_MODULE__undici_cjs_\w+__\.(\w+)/g)) {
      names.add(name)
    }
    const module =
      /\/\*\*\*\/ (\d+):\n\/\*\*\*\/ \(\(module\) => \{\n\nmodule\.exports = \w+\(import\.meta\.url\)\("\.\/undici\.cjs"\);/g
    for (const [, id] of text.matchAll(module)) required.add(id)
  }
  for (const text of Object.values(chunks)) {
    for (const id of required) {
      for (const [declaration, binding] of text.matchAll(
        new RegExp(`(\\w+) = __\\w+_require__\\(${id}\\);`, 'g')
      )) {
        const rest = text.replace(declaration, '')
        for (const [, name] of rest.matchAll(new RegExp(`\\b${binding}\\.(\\w+)`, 'g'))) {
          names.add(name)
        }
        if (new RegExp(`\\b${binding}\\b(?!\\.\\w)`).test(rest)) names.add('*')
      }
    }
  }
  return [...names].sort()
}
