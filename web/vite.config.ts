import { defineConfig } from 'vite';

// The page is built into the web host's static folder; `npm run dev` proxies /api to a running `caravan serve`.
export default defineConfig({
  build: {
    outDir: '../src/Caravan.Web/wwwroot',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:5080', '/openapi': 'http://127.0.0.1:5080' },
  },
});
