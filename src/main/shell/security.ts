// Electron's security checklist in one place: no navigation, no new windows, no permissions, no webviews.
import type { Session, WebContents } from 'electron';

/** Links that may open in the OS browser (Stripe payment pages, the clinic's own help). Everything else is dropped. */
const EXTERNAL_HOSTS = [/^([a-z0-9-]+\.)*stripe\.com$/i];

export function isAllowedExternal(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && EXTERNAL_HOSTS.some((re) => re.test(u.hostname));
  } catch {
    return false;
  }
}

/** Camera, microphone, location, notifications, USB, screen capture...: a front desk app needs none of them. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Screen capture goes through its own handler, not the permission one: answer null = refused.
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
}

/** Chromium switches that would let another process drive or inspect the app; an installed app refuses them. */
export const DEBUGGING_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe', 'inspect', 'inspect-brk', 'inspect-port'];

export function debuggingSwitchesIn(commandLine: { hasSwitch(name: string): boolean }): string[] {
  return DEBUGGING_SWITCHES.filter((name) => commandLine.hasSwitch(name));
}

/**
 * The one frame the page may load: a receipt PDF the page itself made, as a blob: URL of the app's own origin
 * (CSP frame-src allows blob: only). Electron asks about every frame's navigation, the receipt's <iframe> included:
 * refusing it too left the receipt dialog blank, and Print printed nothing.
 */
export function isAllowedFrameNavigation(nav: { url: string; isMainFrame: boolean }, appOrigins: readonly string[]): boolean {
  // Anything unexpected (no url at all) is refused like any other navigation.
  if (nav.isMainFrame || typeof nav.url !== 'string') return false;
  return appOrigins.some((origin) => nav.url.startsWith(`blob:${origin}/`)) || nav.url.startsWith(PDF_VIEWER);
}

/**
 * Chromium draws a PDF with its built-in viewer, a component extension with this fixed id loaded in a frame
 * inside the receipt's frame; refusing its navigation would leave the receipt blank. (Not seen in a real
 * Electron build yet: there is none on the build machine.)
 */
const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

/** Applied to every WebContents the app ever creates (app 'web-contents-created'), not only the main window's. */
export function guardWebContents(contents: WebContents, openExternal: (url: string) => void, appOrigins: readonly string[]): void {
  // The page is one single-page app: any navigation (a dropped file, a crafted link) would leave it.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedFrameNavigation(event, appOrigins)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) openExternal(url);
    return { action: 'deny' };
  });
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // React sets styles through the CSSOM; inline style attributes are allowed, inline scripts never.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // Receipts: the PDF is made in main and shown from a blob: URL in an <iframe> (Save / Print beside it).
  "frame-src blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
