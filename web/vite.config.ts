import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The server (kaihui-server) serves target/classes/web from the jar at "/", and index.html for
// every /m/<number> path and for /login, /register and /profile; during `npm run dev` the API
// and the WebSocket go to a local server.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'target/classes/web',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['src/testing/setup.ts'],
    restoreMocks: true,
  },
});
