// Serves the built demo: the shell's dist at /, each remote's own dist at /remotes/<name>/, and the live
// endpoints (server-sent events, a WebSocket) at /live/ (see live.mjs).
// Plain node:http, no framework. `PORT=8080 node apps/shell/scripts/serve.mjs` (PORT=0 picks a free port);
// prints the URL and stops cleanly on SIGINT/SIGTERM. Importable: `startServer({ port })` (used by apps/e2e).
// `/?csp` serves the page under STRICT_CSP, to show the demo (and its devtools panel) needs no inline code or style.
// A second server, on another port (another origin), serves the frame remote (apps/remote-frame): each page is
// told the other's origin by a <meta> tag, and the frame may only be embedded by the shell (frame-ancestors).
import { createReadStream, existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
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

/** What the frame remote's server serves. */
const frameMounts = () => [{ prefix: '/', dir: join(appsDir, 'remote-frame', 'dist') }];

/** The file a URL path maps to, or undefined when it falls outside every served directory. */
function resolveFile(pathname, served) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const mount = served.find(({ prefix }) => decoded.startsWith(prefix));
  if (!mount) return undefined;
  const relative = decoded.slice(mount.prefix.length) || 'index.html';
  const file = normalize(join(mount.dir, relative));
  return file === mount.dir || file.startsWith(mount.dir + sep) ? file : undefined;
}

/** The origin of the server on `port`, as this request reached this one (same host name: a look-alike would not match). */
function originAt(request, port) {
  const host = (request.headers.host ?? '').replace(/:\d+$/, '');
  return `http://${/^[\w.-]+$|^\[[\d:a-f]+\]$/i.test(host) ? host : 'localhost'}:${port}`;
}

/** The shell's site and the frame's: what each serves, the other's origin it is told, its policy. */
function sites(ports) {
  return {
    shell: {
      mounts: mounts(),
      meta: (request) => ({ 'mfe-bus-frame-origin': originAt(request, ports.frame) }),
      policy: (request, csp) => (csp ? `${STRICT_CSP}; frame-src ${originAt(request, ports.frame)}` : undefined),
    },
    frame: {
      mounts: frameMounts(),
      meta: (request) => ({ 'mfe-bus-shell-origin': originAt(request, ports.shell) }),
      policy: (request) => `${STRICT_CSP}; frame-ancestors ${originAt(request, ports.shell)}`,
    },
  };
}

const withMeta = (html, meta) =>
  html.replace(
    '</head>',
    `${Object.entries(meta)
      .map(([name, content]) => `<meta name="${name}" content="${content}" />`)
      .join('')}</head>`,
  );

async function handle(request, response, site) {
  const { pathname, searchParams } = new URL(request.url ?? '/', 'http://localhost');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const file = resolveFile(pathname, site.mounts);
  const info = file ? await stat(file).catch(() => undefined) : undefined;
  if (!file || !info?.isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${pathname}\n`);
    return;
  }
  const html = extname(file) === '.html';
  const body = html ? withMeta(await readFile(file, 'utf8'), site.meta(request)) : undefined;
  // The page's policy is the one its HTML came with.
  const policy = html ? site.policy(request, searchParams.has('csp')) : undefined;
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': body === undefined ? info.size : Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...(policy ? { 'content-security-policy': policy } : {}),
  });
  if (request.method === 'HEAD') response.end();
  else if (body !== undefined) response.end(body);
  else createReadStream(file).pipe(response);
}

/** Answers requests with what `site` serves. */
const serve = (site) => (request, response) =>
  handle(request, response, site).catch((error) => {
    if (!response.headersSent) response.writeHead(500);
    response.end(String(error));
  });

/** The frame remote's server on `port`, or on any free port when that one is taken. */
function listenFrame(site, port, host) {
  const server = createServer(serve(site));
  return new Promise((resolvePromise, reject) => {
    server.once('error', (error) =>
      error.code === 'EADDRINUSE' && port !== 0 ? resolvePromise(listenFrame(site, 0, host)) : reject(error),
    );
    server.listen(port, host, () => resolvePromise(server));
  });
}

/**
 * Starts the server, and the frame remote's on `framePort` (default: the next port, or any free one); resolves
 * with their URLs and a `close()` that also drops open keep-alive connections.
 */
export function startServer({ port = 4173, host = '127.0.0.1', framePort = port === 0 ? 0 : port + 1 } = {}) {
  const live = createLiveHub();
  const ports = { shell: 0, frame: 0 };
  const site = sites(ports);
  const serveShell = serve(site.shell);
  const server = createServer((request, response) => {
    if (live.handle(request, response)) return;
    serveShell(request, response);
  });
  server.on('upgrade', live.upgrade);
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, async () => {
      ports.shell = server.address().port;
      const frameServer = await listenFrame(site.frame, framePort, host).catch(reject);
      if (!frameServer) return;
      ports.frame = frameServer.address().port;
      const shownHost = host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host;
      resolvePromise({
        url: `http://${shownHost}:${ports.shell}/`,
        port: ports.shell,
        frameUrl: `http://${shownHost}:${ports.frame}/`,
        close: () =>
          new Promise((done) => {
            frameServer.close();
            frameServer.closeAllConnections();
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
  const isPage = (dir) => dir.endsWith(`shell${sep}dist`) || dir.endsWith(`remote-frame${sep}dist`);
  return [...mounts(), ...frameMounts()]
    .filter(({ dir }) => !existsSync(join(dir, isPage(dir) ? 'index.html' : 'remote.js')))
    .map(({ dir }) => dir);
}

async function main() {
  for (const dir of missingBuilds()) console.warn(`[serve] not built yet: ${dir} (run \`pnpm build\`)`);
  const port = process.env.PORT === undefined ? 4173 : Number(process.env.PORT);
  const framePort = process.env.FRAME_PORT === undefined ? undefined : Number(process.env.FRAME_PORT);
  const server = await startServer({ port, host: process.env.HOST ?? '127.0.0.1', framePort });
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
  console.log(`  the frame remote is served from another origin: ${server.frameUrl}`);
  console.log(`  try ${server.url}?order=angular,svelte,react,vue&delay=0,400,50,1200&permissionsDelay=800`);
  console.log('  press Ctrl+C to stop');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`[serve] ${error.message}`);
    process.exit(1);
  });
}
