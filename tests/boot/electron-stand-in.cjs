// A recording stand-in for the `electron` module, loaded with `node --require` before the built main bundle.
// It lets the boot test run out/main/index.js under plain Node (no Electron binary here) and see what main
// asked Electron to do. When main loads its window (or exits) it exercises the recorded callbacks the way
// Electron would, writes everything to the JSON report at ANTEROOM_BOOT_REPORT and ends the process.
'use strict';
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const { writeFileSync } = require('node:fs');
const { resolve } = require('node:path');

const REPORT = process.env.ANTEROOM_BOOT_REPORT;
if (!REPORT) throw new Error('electron-stand-in: set ANTEROOM_BOOT_REPORT to the report path');
const PROBE_URLS = JSON.parse(process.env.ANTEROOM_BOOT_PROBE_URLS || '[]');
const REPO_ROOT = resolve(__dirname, '../..');
// ANTEROOM_BOOT_RESOURCES plays an installed app: isPackaged, process.resourcesPath and the app path point
// into an electron-builder output (resources/app extracted from app.asar) — see README "Building installers".
const RESOURCES = process.env.ANTEROOM_BOOT_RESOURCES;
if (RESOURCES) process.resourcesPath = RESOURCES;

const report = {
  requires: 0,
  unknownApis: [],
  sandboxEnabled: false,
  privilegedSchemes: [],
  protocolHandlers: [],
  singleInstanceLockRequested: false,
  paths: {},
  appEvents: [],
  ipcChannels: [],
  permissions: null,
  windows: [],
  loadedUrls: [],
  windowOpen: [],
  navigation: [],
  webviewAttach: null,
  openedExternally: [],
  appResponses: [],
  ipcProbes: [],
  errorBoxes: [],
  applicationMenu: 'default',
  probed: false,
  quitCalled: false,
  exitCode: null,
  finishedBy: null,
  failure: null,
};

let finished = false;
function writeReport() {
  writeFileSync(REPORT, JSON.stringify(report, null, 2));
}
function finish(reason, code) {
  if (finished) return;
  finished = true;
  report.finishedBy = reason;
  report.exitCode = code;
  writeReport();
  process.exit(code);
}
process.on('exit', () => {
  if (!finished) writeReport();
});
process.on('uncaughtException', (e) => {
  report.failure = String(e && e.stack ? e.stack : e);
  finish('uncaughtException', 70);
});
process.on('unhandledRejection', (e) => {
  report.failure = String(e && e.stack ? e.stack : e);
  finish('unhandledRejection', 71);
});
// A boot that neither loads a window nor exits is itself a failure.
setTimeout(() => finish('timeout', 72), Number(process.env.ANTEROOM_BOOT_TIMEOUT_MS || 20000)).unref();

/** Calls every listener for `name` with a fake event and reports whether any of them prevented it. */
function emitPreventable(emitter, name, ...args) {
  let prevented = false;
  // Navigation events carry their details on the event itself (Electron ≥ 25), as well as the url argument.
  const details = typeof args[0] === 'string' ? { url: args[0], isMainFrame: true, isSameDocument: false, frame: null, initiator: null } : {};
  const event = { ...details, preventDefault: () => (prevented = true) };
  for (const listener of emitter.listeners(name)) listener(event, ...args);
  return { listeners: emitter.listenerCount(name), prevented };
}

// ---- app ----
const paths = {};
let singleInstanceLockTaken = false;
const app = new EventEmitter();
Object.assign(app, {
  isPackaged: Boolean(RESOURCES),
  // ANTEROOM_BOOT_SWITCHES="remote-debugging-port,..." plays a launch with those Chromium switches.
  commandLine: {
    hasSwitch: (name) => (process.env.ANTEROOM_BOOT_SWITCHES || '').split(',').includes(name),
    getSwitchValue: () => '',
    appendSwitch: () => {},
  },
  whenReady: () => Promise.resolve(),
  isReady: () => true,
  getPath: (name) => paths[name] || resolve(require('node:os').tmpdir(), 'anteroom-stand-in', name),
  setPath: (name, value) => {
    if (singleInstanceLockTaken && name === 'userData') throw new Error('stand-in: userData set after the single-instance lock was taken');
    paths[name] = value;
    report.paths[name] = value;
  },
  getAppPath: () => (RESOURCES ? resolve(RESOURCES, 'app') : REPO_ROOT),
  getVersion: () => require(resolve(RESOURCES ? resolve(RESOURCES, 'app') : REPO_ROOT, 'package.json')).version,
  getName: () => 'Anteroom',
  requestSingleInstanceLock: () => {
    singleInstanceLockTaken = true;
    report.singleInstanceLockRequested = true;
    // ANTEROOM_BOOT_SECOND_COPY=1 plays a launch while another copy already holds the data folder.
    return process.env.ANTEROOM_BOOT_SECOND_COPY !== '1';
  },
  enableSandbox: () => {
    report.sandboxEnabled = true;
  },
  quit: () => {
    report.quitCalled = true;
    app.emit('will-quit', { preventDefault() {} });
    finish('app.quit', 0);
  },
  exit: (code = 0) => finish('app.exit', code),
});
const originalOn = app.on.bind(app);
app.on = (name, listener) => {
  report.appEvents.push(name);
  return originalOn(name, listener);
};

// ---- session ----
const permissionHandlers = {};
const defaultSession = {
  setPermissionRequestHandler: (fn) => (permissionHandlers.request = fn),
  setPermissionCheckHandler: (fn) => (permissionHandlers.check = fn),
  setDevicePermissionHandler: (fn) => (permissionHandlers.device = fn),
  setDisplayMediaRequestHandler: (fn) => (permissionHandlers.displayMedia = fn),
};

function probePermissions() {
  const asked = (permission) => {
    if (!permissionHandlers.request) return 'no handler';
    let answer = 'never answered';
    permissionHandlers.request(null, permission, (granted) => (answer = granted), { requestingUrl: 'app://anteroom/index.html' });
    return answer;
  };
  report.permissions = {
    requestHandler: Boolean(permissionHandlers.request),
    checkHandler: Boolean(permissionHandlers.check),
    request: Object.fromEntries(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'].map((p) => [p, asked(p)])),
    check: permissionHandlers.check ? permissionHandlers.check(null, 'media', 'app://anteroom', {}) : 'no handler',
    device: permissionHandlers.device ? permissionHandlers.device({ deviceType: 'usb', origin: 'app://anteroom' }) : 'no handler',
  };
}

/** How many migrations the data file holds right now: the window must open only after all of them. */
function migrationsApplied() {
  const dir = process.env.ANTEROOM_DATA_DIR;
  if (!dir) return null;
  try {
    const Database = require(require.resolve('better-sqlite3', { paths: [REPO_ROOT] }));
    const db = new Database(resolve(dir, 'anteroom.db'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get().n;
    } finally {
      db.close();
    }
  } catch (e) {
    return `unreadable: ${e.message}`;
  }
}

// ---- BrowserWindow ----
let nextId = 1;
const allWindows = [];
class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextId++;
    this.mainFrame = { url: 'about:blank', name: 'main', parent: null };
    this.windowOpenHandler = null;
  }
  setWindowOpenHandler(fn) {
    this.windowOpenHandler = fn;
  }
  getURL() {
    return this.mainFrame.url;
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options = {}) {
    super();
    this.webContents = new WebContents();
    this.options = options;
    allWindows.push(this);
    report.windows.push({ options: JSON.parse(JSON.stringify(options)), migrationsAppliedAtOpen: migrationsApplied() });
    // Electron announces every new WebContents on the app before the constructor returns.
    app.emit('web-contents-created', { preventDefault() {} }, this.webContents);
  }
  static getAllWindows() {
    return [...allWindows];
  }
  static fromWebContents(wc) {
    return allWindows.find((w) => w.webContents === wc) || null;
  }
  loadURL(url) {
    report.loadedUrls.push(url);
    this.webContents.mainFrame.url = url;
    setImmediate(() => probeAndFinish(this).catch((e) => {
      report.failure = String(e && e.stack ? e.stack : e);
      finish('probe failed', 73);
    }));
    return Promise.resolve();
  }
  loadFile(file) {
    return this.loadURL(`file://${file}`);
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  setMenu() {}
  setMenuBarVisibility() {}
}

// ---- ipcMain, protocol, shell, dialog ----
const ipcHandlers = new Map();
const ipcMain = new EventEmitter();
ipcMain.handle = (channel, fn) => {
  if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
  ipcHandlers.set(channel, fn);
  report.ipcChannels.push(channel);
};
ipcMain.removeHandler = (channel) => ipcHandlers.delete(channel);

const schemeHandlers = new Map();
const protocol = {
  registerSchemesAsPrivileged: (schemes) => report.privilegedSchemes.push(...JSON.parse(JSON.stringify(schemes))),
  handle: (scheme, fn) => {
    schemeHandlers.set(scheme, fn);
    report.protocolHandlers.push(scheme);
  },
};
const shell = { openExternal: (url) => (report.openedExternally.push(url), Promise.resolve()) };
const dialog = {
  showErrorBox: (title, content) => report.errorBoxes.push({ title, content }),
};

/** What Electron would do after loadURL: serve the page, let it ask for things, then quit. */
async function probeAndFinish(win) {
  probePermissions();
  const wc = win.webContents;
  for (const url of ['https://evil.example/phish', 'https://checkout.stripe.com/c/pay/cs_test_1', 'file:///etc/passwd']) {
    const result = wc.windowOpenHandler ? wc.windowOpenHandler({ url, disposition: 'new-window' }) : 'no handler';
    report.windowOpen.push({ url, result });
  }
  for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    report.navigation.push({ event: name, ...emitPreventable(wc, name, 'https://evil.example/') });
  }
  report.webviewAttach = emitPreventable(wc, 'will-attach-webview', {}, { src: 'https://evil.example/' });

  const serve = schemeHandlers.get('app');
  for (const url of PROBE_URLS) {
    if (!serve) break;
    const response = await serve(new Request(url));
    const body = Buffer.from(await response.arrayBuffer()).toString('utf8');
    report.appResponses.push({ url, status: response.status, headers: Object.fromEntries(response.headers), bodyStart: body.slice(0, 200) });
  }

  // IPC from the window's own page is served; from a subframe or a foreign page it is refused.
  const handler = ipcHandlers.get('setup.status');
  if (handler) {
    const page = wc.mainFrame;
    const probes = [
      ['own window, own page', { sender: wc, senderFrame: page }],
      ['subframe', { sender: wc, senderFrame: { url: page.url, name: 'child', parent: page } }],
      ['frame already gone', { sender: wc, senderFrame: null }],
      ['own window, foreign page', { sender: wc, senderFrame: { url: 'https://evil.example/index.html', parent: null } }],
      ['own window, look-alike origin', { sender: wc, senderFrame: { url: 'app://anteroom.evil.example/index.html', parent: null } }],
      ['foreign page', { sender: Object.assign(new WebContents(), { mainFrame: { url: 'https://evil.example/', parent: null } }), senderFrame: null }],
    ];
    for (const [who, event] of probes) {
      if (who === 'foreign page') event.senderFrame = event.sender.mainFrame;
      report.ipcProbes.push({ who, result: await handler(event, {}) });
    }
  }

  // The window closes: main is expected to quit (and close the data file on 'will-quit').
  report.probed = true;
  app.emit('window-all-closed');
  if (!finished) {
    app.emit('will-quit', { preventDefault() {} });
    finish('loaded', 0);
  }
}

const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => (report.applicationMenu = menu ? menu.template : null),
};

// A computer with no keyring: main must not store secrets with Electron's plain-text fallback.
const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: () => {
    throw new Error('stand-in safeStorage: encryption is not available');
  },
  decryptString: () => {
    throw new Error('stand-in safeStorage: encryption is not available');
  },
};

const known = { app, BrowserWindow, ipcMain, protocol, session: { defaultSession }, shell, dialog, Menu, safeStorage };
// Any Electron API main uses that this stand-in does not know is reported, so the test names it.
const electron = new Proxy(known, {
  get(target, name) {
    if (typeof name === 'symbol' || name in target || name === '__esModule' || name === 'default' || name === 'then') {
      return name === 'default' ? electron : target[name];
    }
    if (!report.unknownApis.includes(name)) report.unknownApis.push(name);
    return undefined;
  },
});

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'electron') {
    report.requires += 1;
    return electron;
  }
  return originalLoad.call(this, request, parent, isMain);
};
