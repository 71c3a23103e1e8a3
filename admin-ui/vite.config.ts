import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// Served by the server at /admin/ (server/app.py); every asset is bundled, no CDN.
export default defineConfig({
  base: '/admin/',
  plugins: [vue()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // dist/graphiql/ is written by scripts/graphiql-assets.mjs after this build: keep it.
    emptyOutDir: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:8000' },
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
  },
});
