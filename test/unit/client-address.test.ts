// The client address behind proxies: the right-most address in X-Forwarded-For that no trusted
// proxy added, never the left-most one a client can write (issue 13 §3).
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf, trustProxies } from '../../src/http/client-address.ts';

const request = (socket: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress: socket }, connection: { remoteAddress: socket }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as unknown as IncomingMessage;

describe('clientAddressOf', () => {
  it('takes the socket address when no proxy is trusted, and keeps the forged chain beside it', () => {
    expect(clientAddressOf(request('::ffff:198.51.100.4', '6.6.6.6, 203.0.113.9'), trustProxies([]))).toEqual({ ip: '198.51.100.4', forwardedFor: '6.6.6.6, 203.0.113.9' });
    expect(clientAddressOf(request('198.51.100.4'), trustProxies([]))).toEqual({ ip: '198.51.100.4' });
  });

  it('takes the right-most untrusted hop when the peer is a trusted proxy', () => {
    expect(clientAddressOf(request('127.0.0.1', '6.6.6.6, 203.0.113.9'), trustProxies(['127.0.0.1'])).ip).toBe('203.0.113.9');
    // Two proxies of ours (the load balancer appended the edge's address): skip both.
    expect(clientAddressOf(request('10.0.0.2', '6.6.6.6, 203.0.113.9, 10.0.0.7'), trustProxies(['10.0.0.0/8'])).ip).toBe('203.0.113.9');
    // Trusting everything the client wrote is the only way to reach its left-most claim.
    expect(clientAddressOf(request('127.0.0.1', '6.6.6.6, 203.0.113.9'), trustProxies(['127.0.0.1', '203.0.113.0/24'])).ip).toBe('6.6.6.6');
  });

  it('ignores the header of a peer that is not a trusted proxy', () => {
    expect(clientAddressOf(request('198.51.100.4', '6.6.6.6'), trustProxies(['10.0.0.0/8'])).ip).toBe('198.51.100.4');
  });

  it('handles IPv6 and IPv4-mapped IPv6 peers and hops', () => {
    expect(clientAddressOf(request('::1', '6.6.6.6, 2001:db8::42'), trustProxies(['::1'])).ip).toBe('2001:db8::42');
    expect(clientAddressOf(request('::ffff:127.0.0.1', '6.6.6.6, 203.0.113.9'), trustProxies(['127.0.0.1'])).ip).toBe('203.0.113.9');
    expect(clientAddressOf(request('::ffff:10.1.2.3', '6.6.6.6, ::ffff:203.0.113.9'), trustProxies(['10.0.0.0/8'])).ip).toBe('203.0.113.9');
    expect(clientAddressOf(request('fd00::5', '6.6.6.6, 2001:db8::7, fd00::9'), trustProxies(['fd00::/8'])).ip).toBe('2001:db8::7');
  });

  it('caps the raw chain it records', () => {
    const long = Array.from({ length: 200 }, (_, i) => `10.0.${i % 250}.1`).join(', ');
    expect(clientAddressOf(request('127.0.0.1', long), trustProxies([])).forwardedFor).toHaveLength(512);
  });
});
