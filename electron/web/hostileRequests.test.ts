import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempBackend } from '../test-support/backend';
import { startWebServer, TOKEN_HEADER, type WebServer } from './server';

/*
 * Issue 12 item 8 (web front door): "GET /index.html%00.js" and "/rpc/%E0%A4%A" answered 500
 * with a stack trace in the log, and "Content-Type: application/jsonfoo" was taken for JSON.
 */

let backend: ReturnType<typeof tempBackend>;
let server: WebServer;
let staticDir: string;
const logged: unknown[] = [];
const originalError = console.error;

beforeAll(async () => {
  backend = tempBackend();
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpt-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>tracker</title>');
  server = await startWebServer({ dispatch: backend.dispatch, staticDir });
  console.error = (...args: unknown[]) => void logged.push(args);
});
afterAll(async () => {
  console.error = originalError;
  await server.close();
  backend.cleanup();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

/** A request with the path exactly as written (fetch would normalise it). */
function raw(method: string, rawPath: string, headers: Record<string, string> = {}, body = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: rawPath, headers: { Host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const rpcHeaders = () => ({ Origin: server.url, [TOKEN_HEADER]: server.token, 'Content-Type': 'application/json' });

describe('hostile requests get 4xx, never 500', () => {
  it('GET /index.html%00.js (no token) answers 400', async () => {
    const r = await raw('GET', '/index.html%00.js');
    expect(r.status).toBe(400);
  });

  it('a path of bad percent-encoding answers 400, for pages and for RPC', async () => {
    expect((await raw('GET', '/%E0%A4%A')).status).toBe(400);
    const r = await raw('POST', '/rpc/%E0%A4%A', rpcHeaders(), '{}');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('accepts only the JSON media type', async () => {
    for (const type of ['application/jsonfoo', 'application/json-patch+json', 'text/plain', 'application/x-www-form-urlencoded']) {
      const r = await raw('POST', '/rpc/products.list', { ...rpcHeaders(), 'Content-Type': type }, '{}');
      expect(r.status, type).toBe(400);
    }
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON']) {
      expect((await raw('POST', '/rpc/products.list', { ...rpcHeaders(), 'Content-Type': type }, '{}')).status, type).toBe(200);
    }
  });

  it('logged no stack trace for any of them', () => {
    expect(logged).toEqual([]);
  });
});
