import { InputError } from '../lib/errors.js'

/** An Argo CD application as named in `argocd-app`. */
export interface AppRef {
  /** `metadata.name`. */
  readonly name: string
  /** `metadata.namespace` for apps outside the control-plane namespace (`appNamespace`). */
  readonly namespace?: string
  /** The text as given, for messages. */
  readonly label: string
}

// Kubernetes names: a DNS subdomain for the app, a DNS label for the namespace.
const APP_NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/

/** Parses `NAME` or `NAMESPACE/NAME`; an InputError on `argocd-app` otherwise. */
export function parseAppRef(text: string): AppRef {
  const label = text.trim()
  const parts = label.split('/')
  const [first = '', second] = parts
  const name = second ?? first
  const namespace = second === undefined ? undefined : first
  if (
    parts.length > 2 ||
    !APP_NAME.test(name) ||
    (namespace !== undefined && !NAMESPACE.test(namespace))
  ) {
    throw new InputError(
      `argocd-app: "${label}" is not an application name; expected NAME or NAMESPACE/NAME ` +
        '(lower-case letters, digits, "-" and "."; the namespace without ".")',
      { input: 'argocd-app' }
    )
  }
  return namespace === undefined ? { name, label } : { name, namespace, label }
}
