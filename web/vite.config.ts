// Vite builds the web application into dist/, which `gongzhi serve` serves at / under a strict
// Content-Security-Policy (no inline scripts or styles), so everything is emitted as files.
// `npm run dev` proxies the API to a running server (GONGZHI_API, default port 8080).
/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { swPrecache } from './scripts/sw-precache.mjs';

const apiTarget = process.env.GONGZHI_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [vue(), swPrecache()],
  define: {
    // vue-i18n: Composition API only, no devtools hooks in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // Inlined assets would become data: URLs; keep fonts and images as files (CSP allows data:
    // for images only).
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
});
