// Copied to dist/undici.cjs by scripts/bundle.js: what the bundle gets for `undici`.
// @actions/core imports @actions/http-client, which imports undici (about 900 KB of code) for a
// proxy agent that only HTTP calls through undici's fetch use. Reading and compiling that much
// code at every start cost about a tenth of a whole file-editing run, so undici is bundled on
// its own (dist/undici/index.cjs) and loaded on first use through the names below, which are
// every name the bundled packages take from undici (scripts/bundle.js refuses a bundle that
// takes another). CommonJS, so it serves both `import { fetch } from 'undici'` (Node reads the
// `exports.NAME =` lines as named exports) and `require('undici')`.
'use strict'

let undici
function load() {
  undici ??= require('./undici/index.cjs')
  return undici
}

// Called with `new`: a constructor that returns an object makes `new` yield that object, so
// callers get undici's own ProxyAgent.
exports.ProxyAgent = function ProxyAgent(options) {
  return new (load().ProxyAgent)(options)
}

exports.fetch = function fetch(input, init) {
  return load().fetch(input, init)
}
