// Serves the built demo: the shell's dist at /, each remote's own dist at /remotes/<name>/, and the live
// endpoints (server-sent events, a WebSocket) at /live/ (see live.mjs).
// Plain node:http, no framework. `PORT=8080 node apps/shell/scripts/serve.mjs` (PORT=0 picks a free port);
// prints the URL and stops cleanly on SIGINT/SIGTERM. Importable: `startServer({ port })` (used by apps/e2e).
// `/?csp` serves the page under STRICT_CSP, to show the demo (and its devtools panel) needs no inline code or style.
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLiveHub } from './live.mjs';

const appsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const REMOTES = ['react', 'vue', 'svelte', 'angular'];
export const STRICT_CSP = "default-src 'self'; style-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** URL prefix -> directory on disk. Longest prefix first. */
function mounts() {
  return [
    ...REMOTES.map((name) => ({ prefix: `/remotes/${name}/`, dir: join(appsDir, `remote-${name}`, 'dist') })),
    { prefix: '/', dir: join(appsDir, 'shell', 'dist') },
  ];
}

/** The file a URL path maps to, or undefined when it falls outside every served directory. */
function resolveFile(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const mount = mounts().find(({ prefix }) => decoded.startsWith(prefix));
  if (!mount) return undefined;
  const relative = decoded.slice(mount.prefix.length) || 'index.html';
  const file = normalize(join(mount.dir, relative));
  return file === mount.dir || file.startsWith(mount.dir + sep) ? file : undefined;
}

async function handle(request, response) {
  const { pathname, searchParams } = new URL(request.url ?? '/', 'http://localhost');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const file = resolveFile(pathname);
  const info = file ? await stat(file).catch(() => undefined) : undefined;
  if (!file || !info?.isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${pathname}\n`);
    return;
  }
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-store',
    // The page's policy is the one its HTML came with.
    ...(searchParams.has('csp') && extname(file) === '.html' ? { 'content-security-policy': STRICT_CSP } : {}),
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}

/** Starts the server; resolves with its URL and a `close()` that also drops open keep-alive connections. */
export function startServer({ port = 4173, host = '127.0.0.1' } = {}) {
  const live = createLiveHub();
  const server = createServer((request, response) => {
    if (live.handle(request, response)) return;
    handle(request, response).catch((error) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  server.on('upgrade', live.upgrade);
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const shownHost = host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host;
      resolvePromise({
        url: `http://${shownHost}:${address.port}/`,
        port: address.port,
        close: () =>
          new Promise((done) => {
            live.close();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Which builds are missing (the page still loads; the missing remotes fail to mount). */
export function missingBuilds() {
  return mounts()
    .filter(({ dir }) => !existsSync(join(dir, dir.endsWith(`shell${sep}dist`) ? 'index.html' : 'remote.js')))
    .map(({ dir }) => dir);
}

async function main() {
  for (const dir of missingBuilds()) console.warn(`[serve] not built yet: ${dir} (run \`pnpm build\`)`);
  const port = process.env.PORT === undefined ? 4173 : Number(process.env.PORT);
  const server = await startServer({ port, host: process.env.HOST ?? '127.0.0.1' });
  // Handlers first, URL second: whoever reads the URL may signal us at once.
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[serve] ${signal}: stopping`);
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  console.log(`mfe-bus demo running at ${server.url}`);
  console.log(`  try ${server.url}?order=angular,svelte,react,vue&delay=0,400,50,1200&permissionsDelay=800`);
  console.log('  press Ctrl+C to stop');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`[serve] ${error.message}`);
    process.exit(1);
  });
}
