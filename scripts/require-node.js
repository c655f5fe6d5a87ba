// Runs before `npm test` and `npm run demo`: on a Node older than 24 it prints one line saying how
// to get Node 24 and exits 1, instead of letting jest or the demo fail later with a stack trace.
// Written so that any Node parses it, as CommonJS or as an ES module: no import, no require, no
// syntax newer than ES5.
var REQUIRED = 24
var version = process.versions.node
var major = Number(version.split('.')[0])
if (!(major >= REQUIRED)) {
  process.stderr.write(
    'gitops-release needs Node ' +
      REQUIRED +
      ', but `node` is v' +
      version +
      ' (' +
      process.execPath +
      '): run `nvm install ' +
      REQUIRED +
      '` (.node-version names it) or install Node ' +
      REQUIRED +
      ' from https://nodejs.org, then run this command again.\n'
  )
  process.exit(1)
}
