// app://anteroom serves the built renderer folder and nothing else, however the path is spelled.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveAppFile, serveAppFile } from './app-protocol';

const base = mkdtempSync(join(tmpdir(), 'anteroom-app-protocol-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Anteroom</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
// Neighbours of the renderer folder that a crafted URL might try to reach.
mkdirSync(join(base, 'renderer-evil'));
writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
writeFileSync(join(base, 'secret.txt'), 'secret');
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveAppFile', () => {
  it('maps app://anteroom paths to files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://anteroom/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://anteroom/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://anteroom/assets/app.js?v=1#x')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppFile(root, 'app://anteroom/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'));
  });

  it.each([
    ['dot segments', 'app://anteroom/../secret.txt'],
    ['encoded dot segments', 'app://anteroom/%2e%2e/secret.txt'],
    ['encoded slashes', 'app://anteroom/%2e%2e%2fsecret.txt'],
    ['deep encoded traversal', 'app://anteroom/assets/..%2f..%2f..%2f..%2fetc%2fpasswd'],
    ['sibling folder sharing the prefix', 'app://anteroom/..%2frenderer-evil%2fx.js'],
    ['absolute path smuggled in', 'app://anteroom/%2fetc%2fpasswd/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd'],
    ['NUL byte', 'app://anteroom/index.html%00.png'],
    ['malformed escape', 'app://anteroom/%E0%A4%A'],
    ['another host', 'app://elsewhere/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['https look-alike', 'https://anteroom/index.html'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_label, url) => {
    const file = resolveAppFile(root, url);
    // Either refused outright, or (for dot segments the URL parser already folded) still inside the folder.
    if (file !== null) expect(file.startsWith(join(root, '/'))).toBe(true);
  });

  it('refuses every traversal that survives URL parsing', () => {
    for (const url of ['app://anteroom/%2e%2e%2fsecret.txt', 'app://anteroom/..%2frenderer-evil%2fx.js', 'app://anteroom/index.html%00.png']) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
  });
});

describe('serveAppFile', () => {
  it('serves files with their type, the CSP and nosniff', async () => {
    const res = await serveAppFile(root, new Request('app://anteroom/assets/app.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers 404 for missing files, folders and anything outside', async () => {
    for (const url of ['app://anteroom/nope.js', 'app://anteroom/assets', 'app://anteroom/%2e%2e%2fsecret.txt', 'app://anteroom/..%2frenderer-evil%2fx.js']) {
      const res = await serveAppFile(root, new Request(url));
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).toBe('Not found');
    }
  });
});
