import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../contract';
import { count, sampleProfile, tempBackend } from '../test-support/backend';
import { startWebServer, TOKEN_HEADER, type WebServer } from './server';

let backend: ReturnType<typeof tempBackend>;
let server: WebServer;
let staticDir: string;

beforeAll(async () => {
  backend = tempBackend();
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>tracker</title>');
  fs.writeFileSync(path.join(os.tmpdir(), 'rpt-secret.txt'), 'secret');
  server = await startWebServer({ dispatch: backend.dispatch, staticDir });
});
afterAll(async () => {
  await server.close();
  backend.cleanup();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

function rpc(channel: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/rpc/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url, [TOKEN_HEADER]: server.token, ...headers },
    body,
  });
}

/** fetch() will not send a forged Host header; a raw request can, as a DNS-rebinding page would. */
function rawRpc(channel: string, body: string, host: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.url}/rpc/${channel}`,
      { method: 'POST', headers: { Host: host, Origin: `http://${host}`, 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0 })));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const snapshot = () => [count(backend, 'product'), count(backend, 'audit_log')];

describe('web front door', () => {
  it('binds to 127.0.0.1 and serves the renderer with a strict CSP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(server.url + '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<title>tracker</title>');
  });

  it('accepts a well-formed call with token and same origin', async () => {
    const res = await rpc('products.create', JSON.stringify(sampleProfile()));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { code: 'UC-EV-01' } });
  });

  const valid = JSON.stringify(sampleProfile({ code: 'REFUSED-1' }));
  const refusals: Array<[string, () => Promise<Response>, number, string]> = [
    ['no token', () => rpc('products.create', valid, { [TOKEN_HEADER]: '' }), 403, 'FORBIDDEN'],
    ['wrong token', () => rpc('products.create', valid, { [TOKEN_HEADER]: 'x'.repeat(32) }), 403, 'FORBIDDEN'],
    ['foreign Origin', () => rpc('products.create', valid, { Origin: 'http://evil.example' }), 403, 'FORBIDDEN'],
    ['no Origin', () => fetch(`${server.url}/rpc/products.create`, { method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token }, body: valid }), 403, 'FORBIDDEN'],
    ['foreign Host (DNS rebinding)', () => rawRpc('products.create', valid, 'evil.example:80'), 403, 'FORBIDDEN'],
    ['unknown channel', () => rpc('products.destroyAll', '{}'), 404, 'UNKNOWN_CHANNEL'],
    ['malformed JSON', () => rpc('products.create', '{"name": '), 400, 'BAD_REQUEST'],
    ['invalid input', () => rpc('products.create', JSON.stringify({ ...sampleProfile({ code: 'REFUSED-2' }), fraction: 'blood' })), 400, 'VALIDATION'],
    ['GET on an RPC path', () => fetch(`${server.url}/rpc/products.list`), 400, 'BAD_REQUEST'],
    ['wrong content type', () => rpc('products.create', valid, { 'Content-Type': 'text/plain' }), 400, 'BAD_REQUEST'],
    ['oversized body', () => rpc('products.create', JSON.stringify({ notes: 'x'.repeat(65 * 1024 * 1024) })), 413, 'BAD_REQUEST'],
  ];

  for (const [name, send, status, code] of refusals) {
    it(`refuses ${name} with ${code} and changes nothing`, async () => {
      const before = snapshot();
      const res = await send();
      expect(res.status).toBe(status);
      const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
      expect(body.ok).toBe(false);
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(10);
      expect(snapshot()).toEqual(before);
    });
  }

  it('holds the token and origin checks for every channel of the contract', async () => {
    const before = snapshot();
    for (const channel of CHANNELS) {
      const noToken = await rpc(channel, '{}', { [TOKEN_HEADER]: '' });
      const foreign = await rpc(channel, '{}', { Origin: 'http://localhost.evil.example' });
      expect([channel, noToken.status, foreign.status]).toEqual([channel, 403, 403]);
    }
    expect(snapshot()).toEqual(before);
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const p of ['/../rpt-secret.txt', '/%2e%2e/rpt-secret.txt', '/..%2frpt-secret.txt']) {
      const res = await fetch(server.url + p);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('secret');
    }
  });

  it('serves built assets (and keeps serving them while an RPC holds the loop), never a FIFO or a folder', async () => {
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'assets', 'page-abc123.js'), 'export const x = 1;');
    const asset = await fetch(`${server.url}/assets/page-abc123.js`);
    expect([asset.status, asset.headers.get('content-type'), await asset.text()]).toEqual([200, 'text/javascript; charset=utf-8', 'export const x = 1;']);
    // A named pipe would block a synchronous read forever: it is a 404, answered at once.
    execFileSync('mkfifo', [path.join(staticDir, 'assets', 'pipe.js')]);
    fs.mkdirSync(path.join(staticDir, 'assets', 'folder.js'));
    for (const name of ['pipe.js', 'folder.js']) expect((await fetch(`${server.url}/assets/${name}`, { signal: AbortSignal.timeout(5000) })).status, name).toBe(404);
    expect((await fetch(`${server.url}/assets/page-abc123.js`)).status).toBe(200);
  });
});
