import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import svelteConfig from './svelte.config.js';

/** Import boundaries: domain/ <- src/engine <- (src/logs, src/store, src/cli, src/main, src/preload, renderer/). */
const domainBoundary = {
  files: ['domain/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['**/src', '**/src/**', '**/renderer', '**/renderer/**'], message: 'domain/ imports nothing outside itself (no src/, no renderer/).' },
          { regex: '^(?!\\.)', message: 'domain/ is pure: no Node built-ins and no packages (no clock, randomness or I/O).' },
        ],
      },
    ],
    'no-restricted-globals': ['error', { name: 'Date', message: 'domain/ never reads a clock: time arrives as the command timestamp.' }, { name: 'performance', message: 'domain/ never reads a clock.' }, { name: 'fetch', message: 'domain/ does no I/O.' }],
    'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'domain/ never uses randomness.' }],
  },
};

const engineBoundary = {
  files: ['src/engine/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['electron', 'electron/*', 'svelte', 'svelte/*', '@xyflow/*'], message: 'src/engine runs in Node and browser workers alike: no Electron, no Svelte.' },
          { group: ['**/renderer/**', '**/main/**', '**/preload/**', '**/cli/**', '**/store/**', '**/logs/**', '**/sources/**', 'node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/engine depends only on domain/ and pure packages.' },
        ],
      },
    ],
    'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'the engine uses its seeded generator, never Math.random.' }],
  },
};

/** src/sources (live stores and brokers) builds on src/logs and src/engine; nothing below it knows it, and it knows no shell or UI. */
const sourcesBoundary = {
  files: ['src/sources/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['electron', 'electron/*', 'svelte', 'svelte/*', '@xyflow/*'], message: 'src/sources runs in Node (and its NATS reader in the browser): no Electron, no Svelte.' },
          { group: ['**/renderer/**', '**/main/**', '**/preload/**', '**/cli/**', '**/store/**'], message: 'src/sources depends only on domain/, src/engine and src/logs.' },
        ],
      },
    ],
  },
};

/** src/logs reads logs of any origin: it knows nothing of the live sources built on it. */
const logsBoundary = {
  files: ['src/logs/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: ['**/sources/**', '**/cli/**', '**/main/**', '**/preload/**', '**/renderer/**'], message: 'src/logs depends only on domain/ and src/engine: src/sources, the CLI and the shell build on it.' }] }],
  },
};

const rendererBoundary = {
  files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'node:*', '**/src/main/**', '**/src/cli/**'], message: 'the renderer talks to the shell only through the preload API.' }] }],
  },
};

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'test-results', 'playwright-report', 'bench/.data', 'bench/scratch', 'docs', '**/*.js', '**/*.mjs', '!eslint.config.js'] },
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: false, extraFileExtensions: ['.svelte'], parser: tseslint.parser, svelteConfig } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  domainBoundary,
  engineBoundary,
  sourcesBoundary,
  logsBoundary,
  rendererBoundary,
);
