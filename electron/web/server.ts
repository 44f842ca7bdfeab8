import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Result, RpcError } from '../contract';
import type { Dispatch } from '../rpc/dispatch';

/** The same policy the Electron window gets (renderer/index.html carries it as a meta tag). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine sets style attributes at run time; no inline scripts are allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const TOKEN_HEADER = 'x-rpt-token';
/** The largest input is a sharing bundle (at most 50 MB of JSON); this bounds memory use. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface WebServerOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  /** Fixed only by tests that must know it in advance; otherwise random per launch. */
  token?: string;
}

export interface WebServer {
  url: string;
  /** The URL to open: it carries the token once; the page keeps it in sessionStorage. */
  launchUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const HTTP_STATUS: Record<RpcError['code'], number> = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNKNOWN_CHANNEL: 404,
  FORBIDDEN: 403,
  DB_BUSY: 503,
  DISK_FULL: 507,
  INTERNAL: 500,
};

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>) {
  const data = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(data);
}

function refuse(res: http.ServerResponse, code: RpcError['code'], message: string) {
  sendJson(res, HTTP_STATUS[code], { ok: false, error: { code, message } });
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop buffering; the caller answers, then the connection is closed.
        req.removeAllListeners('data');
        req.pause();
        reject(new Error('too-large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Built assets carry a content hash in their name, so they never change under it: read once. */
const assetCache = new Map<string, Buffer>();

/**
 * A file of the built renderer, or null. Read synchronously (and assets kept in memory) so a
 * page's code is answered in the tick its request arrives: an RPC holds the event loop while
 * SQLite works (better-sqlite3 is synchronous), and a script asked for just before it must not
 * wait behind it.
 */
function readStatic(root: string, file: string): Buffer | null {
  const isAsset = file.startsWith(path.join(root, 'assets') + path.sep);
  const cached = isAsset ? assetCache.get(file) : undefined;
  if (cached) return cached;
  try {
    // Regular files only: a synchronous read of a FIFO or a device would hold the server.
    if (!fs.statSync(file).isFile()) return null;
    const data = fs.readFileSync(file);
    if (isAsset) assetCache.set(file, data);
    return data;
  } catch {
    return null;
  }
}

function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse) {
  const root = path.resolve(staticDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    res.writeHead(400, SECURITY_HEADERS).end('Bad path');
    return;
  }
  // A NUL cannot be in a file name: "/index.html%00.js" is a probe, not a page.
  if (decoded.includes('\0')) {
    res.writeHead(400, SECURITY_HEADERS).end('Bad path');
    return;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) {
    res.writeHead(404, SECURITY_HEADERS).end('Not found');
    return;
  }
  const data = readStatic(root, file);
  if (!data) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const isIndex = path.basename(file) === 'index.html';
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
    // Hashed asset names may be cached; the page itself must not be, or an upgrade would load stale code.
    'Cache-Control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  res.end(data);
}

/**
 * The local web front door: 127.0.0.1 only; the built renderer; `POST /rpc/<channel>` for the
 * dispatcher. Every RPC needs the per-launch token and a same-origin Origin (a page on another
 * site, or a DNS-rebinding name, cannot drive it).
 */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let origins: Set<string> = new Set();
  let hosts: Set<string> = new Set();

  const server = http.createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      if (!hosts.has(host)) {
        refuse(res, 'FORBIDDEN', 'This server answers only on 127.0.0.1 or localhost.');
        return;
      }
      const url = new URL(req.url ?? '/', `http://${host}`);
      if (!url.pathname.startsWith('/rpc/')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          refuse(res, 'BAD_REQUEST', 'Only GET serves pages; RPC calls are POST /rpc/<channel>.');
          return;
        }
        serveStatic(options.staticDir, url.pathname, res);
        return;
      }
      if (req.method !== 'POST') {
        refuse(res, 'BAD_REQUEST', 'RPC calls must use POST.');
        return;
      }
      const origin = req.headers.origin;
      if (!origin || !origins.has(origin) || origin !== `http://${host}`) {
        refuse(res, 'FORBIDDEN', 'Refused: the request does not come from this application’s own page (Origin check).');
        return;
      }
      const given = req.headers[TOKEN_HEADER];
      if (!sameToken(Array.isArray(given) ? given[0] : given, token)) {
        refuse(res, 'FORBIDDEN', 'Refused: missing or wrong launch token. Open the URL printed when the tracker started.');
        return;
      }
      // The media type exactly (parameters such as charset allowed): "application/jsonfoo" is not JSON.
      if ((req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/json') {
        refuse(res, 'BAD_REQUEST', 'Send the input as JSON (Content-Type: application/json).');
        return;
      }
      let body: string;
      try {
        if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw new Error('too-large');
        body = await readBody(req);
      } catch {
        res.setHeader('Connection', 'close');
        res.on('finish', () => req.destroy());
        sendJson(res, 413, { ok: false, error: { code: 'BAD_REQUEST', message: `The request is larger than ${MAX_BODY_BYTES} bytes; nothing was changed.` } });
        return;
      }
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        refuse(res, 'BAD_REQUEST', 'The request body is not valid JSON.');
        return;
      }
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/rpc/'.length));
      } catch {
        refuse(res, 'BAD_REQUEST', 'The channel name in the URL is not valid percent-encoding.');
        return;
      }
      const result = await options.dispatch(channel, input);
      sendJson(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
    } catch (error) {
      console.error('web front door:', error);
      if (!res.headersSent) refuse(res, 'INTERNAL', 'Unexpected server error; nothing was changed.');
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      origins = new Set([...hosts].map((h) => `http://${h}`));
      const url = `http://127.0.0.1:${port}`;
      resolve({
        url,
        launchUrl: `${url}/?token=${token}`,
        token,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
