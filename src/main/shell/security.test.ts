// The shell's allow-list for links opened in the OS browser, and the debugging switches an installed app refuses.
import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, debuggingSwitchesIn, guardWebContents, isAllowedExternal, isAllowedFrameNavigation } from './security';

describe('isAllowedExternal', () => {
  it.each(['https://checkout.stripe.com/c/pay/cs_test_123', 'https://stripe.com/docs', 'https://buy.stripe.com/abc'])('opens %s', (url) => {
    expect(isAllowedExternal(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://checkout.stripe.com/pay'],
    ['look-alike domain', 'https://stripe.com.evil.example/pay'],
    ['suffix trick', 'https://evilstripe.com/pay'],
    ['credentials trick', 'https://stripe.com@evil.example/pay'],
    ['file URL', 'file:///etc/passwd'],
    ['javascript URL', 'javascript:alert(1)'],
    ['app URL', 'app://anteroom/index.html'],
    ['custom protocol', 'ms-msdt:/id PCWDiagnostic'],
    ['not a URL', 'checkout.stripe.com'],
    ['empty', ''],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternal(url)).toBe(false);
  });
});

describe('debuggingSwitchesIn', () => {
  it('names the remote-debugging and inspector switches present on the command line', () => {
    const present = new Set(['remote-debugging-port', 'inspect']);
    expect(debuggingSwitchesIn({ hasSwitch: (name) => present.has(name) })).toEqual(['remote-debugging-port', 'inspect']);
    expect(debuggingSwitchesIn({ hasSwitch: () => false })).toEqual([]);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows only the app’s own scripts: no inline script, no eval, no remote code', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => { const [name = '', ...values] = d.trim().split(/\s+/); return [name, values]; }));
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    // Only receipts made in this window (blob: URLs) may show in a frame; never a remote page.
    expect(directives['frame-src']).toEqual(['blob:']);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});

describe('isAllowedFrameNavigation', () => {
  const origins = ['app://anteroom'];
  it('lets the receipt frame show a PDF the page made (a blob: URL of the app itself)', () => {
    expect(isAllowedFrameNavigation({ url: 'blob:app://anteroom/1b4e28ba-2fa1-11d2-883f-0016d3cca427#navpanes=0', isMainFrame: false }, origins)).toBe(true);
    expect(isAllowedFrameNavigation({ url: 'blob:http://localhost:5173/1b4e28ba', isMainFrame: false }, [...origins, 'http://localhost:5173'])).toBe(true);
  });

  it('lets Chromium’s own PDF viewer draw the receipt inside that frame', () => {
    expect(isAllowedFrameNavigation({ url: 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', isMainFrame: false }, origins)).toBe(true);
  });

  it.each([
    ['the window itself, even to a blob', { url: 'blob:app://anteroom/1b4e28ba', isMainFrame: true }],
    ['a remote page in a frame', { url: 'https://evil.example/', isMainFrame: false }],
    ['a blob made by another origin', { url: 'blob:https://evil.example/1b4e28ba', isMainFrame: false }],
    ['a look-alike origin', { url: 'blob:app://anteroom.evil/1b4e28ba', isMainFrame: false }],
    ['a file', { url: 'file:///etc/passwd', isMainFrame: false }],
    ['the app page in a frame', { url: 'app://anteroom/index.html', isMainFrame: false }],
    ['the PDF viewer as the window itself', { url: 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', isMainFrame: true }],
    ['another extension in a frame', { url: 'chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/index.html', isMainFrame: false }],
  ])('refuses %s', (_label, nav) => {
    expect(isAllowedFrameNavigation(nav, origins)).toBe(false);
  });
});

describe('guardWebContents', () => {
  // A stand-in for Electron's WebContents (no Electron binary here): an emitter with the one method the guard calls.
  const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: () => undefined }) as unknown as WebContents & EventEmitter;
  guardWebContents(contents, () => undefined, ['app://anteroom']);
  const prevented = (name: string, nav: { url: string; isMainFrame: boolean }) => {
    let stopped = false;
    contents.emit(name, { ...nav, preventDefault: () => (stopped = true) });
    return stopped;
  };

  it('lets the receipt frame load its PDF and stops every other navigation', () => {
    expect(prevented('will-frame-navigate', { url: 'blob:app://anteroom/1b4e28ba', isMainFrame: false })).toBe(false);
    expect(prevented('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false })).toBe(true);
    expect(prevented('will-frame-navigate', { url: 'blob:app://anteroom/1b4e28ba', isMainFrame: true })).toBe(true);
    expect(prevented('will-navigate', { url: 'blob:app://anteroom/1b4e28ba', isMainFrame: true })).toBe(true);
  });
});
