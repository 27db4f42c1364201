import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { publicDataCacheName } from './client/offline/public-data-cache.js';

const root = fileURLToPath(new URL('./client', import.meta.url));

/** Paths the service worker never answers with the app: the server's own pages and transports (the acknowledgement
 * pages sent by mail and SMS are plain server HTML, with no JavaScript). */
const serverPaths = [/^\/api\//, /^\/ack\//, /^\/auth\//, /^\/socket\.io\//, /^\/yjs\//, /^\/healthz/, /^\/readyz/, /^\/metrics/];

const version = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;
// Each deployment gets its own id (and so new chunk hashes and a new service worker), which the page shows.
const buildId = process.env.ORSAN_BUILD_ID ?? `${version}+${new Date().toISOString().slice(0, 16)}`;

export default defineConfig({
  root,
  define: { __ORSAN_BUILD__: JSON.stringify(buildId) },
  plugins: [
    react(),
    // The app shell offline (issue 15). `prompt`: a new version waits until the person chooses to reload it
    // (client/offline/UpdatePrompt.tsx); nothing reloads by itself in the middle of a crisis.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'ORSAN Room — salle de crise',
        short_name: 'ORSAN Room',
        description: 'Salle de crise temps réel pour les ARS et les préfectures',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#000091',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
        // The whole client, map included, must open with no network: no chunk is too large to precache.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: serverPaths,
        cleanupOutdatedCaches: true,
        // The first worker takes the page it was installed from (no second visit needed to work offline, and a
        // controlled page is what makes a later version wait for the person's « Recharger »).
        clientsClaim: true,
        runtimeCaching: [
          {
            // Region boundaries and establishments, and the public map settings: the last copy serves offline,
            // a fresh one is fetched behind it. Nothing of a room is cached here (see client/offline/).
            urlPattern: ({ url, sameOrigin }) => sameOrigin && (url.pathname.startsWith('/api/regions') || url.pathname === '/api/config'),
            handler: 'StaleWhileRevalidate',
            options: { cacheName: publicDataCacheName, expiration: { maxEntries: 40 } },
          },
        ],
      },
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    // Vite warns past 500 kB. Our largest chunks are tabs loaded on demand and precached by the service worker —
    // the RETEX (its timeline chart, ECharts: ~540 kB) and the rich-text editor (~420 kB) — never the first screen
    // (docs/performance.md). The limit sits just above them: a chunk that grows past it still warns.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/socket.io': { target: 'http://localhost:8080', ws: true },
      '/yjs': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
