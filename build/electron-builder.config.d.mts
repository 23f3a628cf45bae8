// Types of electron-builder.config.mjs, so its test (and tsc) check it against electron-builder's own.
import type { Configuration } from 'electron-builder';

declare const config: Configuration;
export default config;
