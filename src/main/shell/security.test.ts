// The shell's allow-list for links opened in the OS browser, and the debugging switches an installed app refuses.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, debuggingSwitchesIn, isAllowedExternal } from './security';

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
