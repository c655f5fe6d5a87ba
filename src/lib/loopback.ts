/**
 * True when a URL's host names this machine by itself: `localhost`, an IPv4 address in
 * 127.0.0.0/8 (also IPv4-mapped, `[::ffff:7f00:1]`), or `[::1]` (brackets optional). A name that
 * merely resolves to a loopback address does not count (`app.localhost`, `127.0.0.1.nip.io`):
 * what it resolves to is up to a resolver, and a proxy resolves it on its own machine. Hosts as
 * `new URL()` writes them (lower case, IPv4 in dotted decimal); any other spelling is not loopback.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1')
  if (host === 'localhost' || host === '::1') return true
  // IPv4-mapped IPv6, as WHATWG URL writes it (::ffff:7f00:1) or with the IPv4 part spelt out.
  if (/^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host)) return true
  const octets = /^(?:::ffff:)?127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)
  return octets?.slice(1).every((octet) => Number(octet) <= 255) ?? false
}

/** True when the URL's host is a loopback address as the URL itself names it (see isLoopbackHost). */
export function isLoopbackUrl(url: string | URL): boolean {
  return isLoopbackHost((typeof url === 'string' ? new URL(url) : url).hostname)
}
