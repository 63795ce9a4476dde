/**
 * Without MICROSOFT_APP_ID botbuilder accepts requests without a token, and the bot would post
 * to whatever serviceUrl a request names. Local development only: loopback clients, no proxies.
 */
import type { RequestHandler } from 'express';
import type { Logger } from '../../logger';

/** Whether a socket's remote address is the local machine (IPv4, IPv6 or IPv4-mapped IPv6). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase();
  return a === '::1' || /^127\./.test(a) || /^::ffff:127\./.test(a);
}

/** Rejects (403) requests that do not come straight from this machine. */
export function loopbackOnly(logger: Logger): RequestHandler {
  return (req, res, next) => {
    // A forwarding header means a proxy on this machine relayed someone else's request.
    const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
    if (isLoopback(req.socket.remoteAddress) && !forwarded) {
      next();
      return;
    }
    logger.warn({ remoteAddress: req.socket.remoteAddress, forwarded }, 'teams: request rejected: without MICROSOFT_APP_ID only loopback clients are served');
    res.status(403).json({ error: 'Without MICROSOFT_APP_ID the Teams endpoint is for local development and accepts requests from this machine only.' });
  };
}
