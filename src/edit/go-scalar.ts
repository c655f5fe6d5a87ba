// How Go's YAML reader (go-yaml v2, behind sigs.k8s.io/yaml, which Helm and kubectl use) types a
// plain scalar that starts with a digit or a sign. Its resolver drops every `_`, then tries
// `strconv.ParseInt(s, 0, 64)`, `strconv.ParseUint(s, 0, 64)` and a float pattern, in that order.
// ParseInt with base 0 takes `0x`/`0X`, `0o`/`0O`, `0b`/`0B` and a leading `0` (octal) as
// prefixes, and a sign. The yaml library's YAML 1.1 schema knows only the lower-case prefixes, so
// `0X1F`, `0X_1F`, `0B101` and `0O17` read back as strings there while Helm reads 31, 31, 5, 15.

// strconv.ParseInt / ParseUint with base 0, after the underscores are gone.
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9][0-9]*|0)$/
// go-yaml v2's `yamlStyleFloat`, tried when both integer parses fail (`08` is the float 8).
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/

/**
 * True when Go's YAML reader takes the plain scalar `text` as a number (an integer in any base
 * strconv.ParseInt accepts, or a float), not as the string it is.
 */
export function goReadsAsNumber(text: string): boolean {
  if (!/^[-+0-9]/.test(text)) return false
  const plain = text.replaceAll('_', '')
  return GO_INT.test(plain) || GO_FLOAT.test(plain)
}
