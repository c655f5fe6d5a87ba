/**
 * True when a URL's host names this machine by itself: `localhost`, an IPv4 address in
 * 127.0.0.0/8, or `[::1]` (with or without the brackets). A name that merely resolves to a
 * loopback address does not count: what it resolves to can change between the check and the
 * connection, and a proxy resolves it on its own machine. Hosts as `new URL()` writes them
 * (lower case, IPv4 in dotted decimal); any other spelling is not loopback.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase()
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)
  return octets?.slice(1).every((octet) => Number(octet) <= 255) ?? false
}

/** True when the URL's host is a loopback address as the URL itself names it (see isLoopbackHost). */
export function isLoopbackUrl(url: string | URL): boolean {
  return isLoopbackHost((typeof url === 'string' ? new URL(url) : url).hostname)
}
