// @ts-check
/**
 * The renderer's bundling, shared by the web build (vite.config.ts) and the desktop build
 * (electron.vite.config.ts). No JavaScript chunk may pass CHUNK_LIMIT_KB (test/unit/build checks
 * the web build); a chunk that must be larger needs its reason written here.
 */
/**
 * Rolldown's build checks: `bundlerTimings` (formerly `pluginTimings`) prints a
 * `[PLUGIN_TIMINGS]` warning whenever plugins take a noticeable share of a build — on a busy
 * machine, every build — which says nothing about the app. The other checks stay on.
 * @type {{ bundlerTimings: boolean }}
 */
export const BUNDLER_CHECKS = { bundlerTimings: false };

/** Vite's warning limit, kept at its default: 500 kB of minified JavaScript per chunk. */
export const CHUNK_LIMIT_KB = 500;

/**
 * Libraries in chunks of their own, so the app's code and each large library load and cache
 * separately. Not a chunk: sql.js's WebAssembly (about 690 kB), a binary asset fetched by the
 * logs worker, which Vite neither splits nor counts against the limit.
 */
const LIBRARY_CHUNKS = [
  { name: 'svelte', test: /node_modules[\\/](svelte|esm-env|clsx)[\\/]/ },
  { name: 'xyflow', test: /node_modules[\\/]@xyflow[\\/]/ },
  { name: 'dagre', test: /node_modules[\\/]@dagrejs[\\/]/ },
  { name: 'uplot', test: /node_modules[\\/]uplot[\\/]/ },
  { name: 'jsondiffpatch', test: /node_modules[\\/]jsondiffpatch[\\/]/ },
  { name: 'vendor', test: /node_modules[\\/]/ },
  // the app's own biggest part in a chunk of its own: the Logs view (reading, mapping, live sources)
  { name: 'logs-view', test: /renderer[\\/](src[\\/]views[\\/]inspector|lib[\\/]inspector)[\\/]/ },
];

/**
 * The build options of the renderer (output folder and minification are each build's own).
 * @type {import('vite').BuildEnvironmentOptions}
 */
export const rendererBuild = {
  target: 'es2022',
  chunkSizeWarningLimit: CHUNK_LIMIT_KB,
  rolldownOptions: {
    // no "[PLUGIN_TIMINGS]" report of which plugin took how long on every build (BUNDLER_CHECKS)
    checks: BUNDLER_CHECKS,
    output: {
      codeSplitting: { groups: LIBRARY_CHUNKS.map((g, i) => ({ ...g, priority: LIBRARY_CHUNKS.length - i })) },
    },
  },
};
