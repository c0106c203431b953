import type { Configuration } from 'electron-builder';

/**
 * `npm run dist`: electron-builder packages electron-vite's build (out/) for the platform it
 * runs on — AppImage and deb on Linux, dmg on macOS, an NSIS installer on Windows — with the
 * fuses a shipped app needs. Tested as data in test/unit/packaging.
 */
const config: Configuration = {
  appId: 'dev.purestream.app',
  productName: 'Purestream',
  copyright: 'Purestream contributors',
  directories: { output: 'dist/desktop', buildResources: 'build' },
  // The app is out/ and package.json: main, preload and the renderer are bundled, so no
  // node_modules are shipped (the dependencies are the command line's and the bundler's).
  files: ['out/**/*', 'package.json', '!**/*.map', '!node_modules{,/**/*}'],
  asar: true,
  // The main bundle has no native modules; nothing to rebuild for Electron's ABI.
  npmRebuild: false,
  electronFuses: {
    // ELECTRON_RUN_AS_NODE would turn the app into a plain Node for anyone who can set its environment.
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    // Only app.asar, checked against the hash in the binary (macOS, Windows).
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    // Pages come over app://, never file://.
    grantFileProtocolExtraPrivileges: false,
    loadBrowserProcessSpecificV8Snapshot: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Development',
    icon: 'build/icon.png',
    maintainer: 'Purestream contributors <purestream@users.noreply.invalid>',
    synopsis: 'See pure, event-producing domains run: schedule, enact, compare and inspect.',
  },
  deb: { packageCategory: 'devel' },
  mac: { target: ['dmg'], category: 'public.app-category.developer-tools', icon: 'build/icon.png' },
  dmg: { title: 'Purestream' },
  win: { target: ['nsis'], icon: 'build/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
};

export default config;
