/** `argocd-webhook-url` as the endpoint: a bare server URL gets Argo CD's `/api/webhook`. */
export function webhookEndpoint(url: string): string {
  const parsed = new URL(url.trim())
  if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = '/api/webhook'
  return parsed.toString()
}
