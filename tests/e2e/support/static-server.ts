// Serves the built renderer on 127.0.0.1 with the same Content-Security-Policy the app protocol sends.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { resolveAppFile } from '../../../src/main/shell/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/shell/security';

const TYPES: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', svg: 'image/svg+xml', png: 'image/png', woff2: 'font/woff2' };

export async function startRendererServer(rootDir = resolve(__dirname, '../../../out/renderer')): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    // Reuse the app protocol's path rules so the browser sees exactly what app:// would serve.
    const file = resolveAppFile(rootDir, `app://anteroom${(req.url ?? '/').split('?')[0]}`);
    if (!file) return void res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
