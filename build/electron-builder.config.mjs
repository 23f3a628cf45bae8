// electron-builder configuration (`npx electron-builder --config build/electron-builder.config.mjs`
// after `npm run build`). Packaging cannot run on the development machines (the Electron binary cannot
// be downloaded there); build/electron-builder.config.test.ts loads this file and checks it.

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'nl.hrprovisioner.desktop',
  productName: 'HR Provisioner',
  directories: { output: 'out/packages', buildResources: 'build/resources' },
  // Only the compiled app goes in: bundles, the built renderer, icons. Sources and tests stay out.
  files: ['electron/dist/main.mjs', 'electron/dist/visma-worker.mjs', 'electron/dist/preload.cjs', 'renderer/dist/**', 'assets/icons/**', 'package.json'],
  extraMetadata: { main: 'electron/dist/main.mjs' },
  asar: true,
  icon: 'assets/icons/app.png',
  // Fuses flipped in the Electron binary itself: the app cannot be turned into a plain Node runtime or
  // opened to a debugger, and runs only the (integrity-checked) code in its asar archive.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
  },
  // Installed per machine (Program Files, elevated once): an admin workstation has one install for
  // every admin who logs on; settings and history stay per user.
  nsis: {
    oneClick: false,
    perMachine: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'HR Provisioner',
  },
  portable: { artifactName: '${productName}-${version}-portable.${ext}' },
  linux: { target: [{ target: 'AppImage', arch: ['x64'] }], category: 'Office' },
};

export default config;
