import { defineConfig } from 'vite';

// Vite 8 transforms TS/TSX with oxc itself: no React plugin is needed for the automatic JSX runtime.
// ZHIBEN_API points the dev/preview proxy at another server (several developers or helpers on one machine).
const api = process.env.ZHIBEN_API ?? 'http://localhost:3000';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    port: 5173,
    proxy: { '/api': api },
  },
  preview: {
    proxy: { '/api': api },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // antd's shared chunk is the largest piece; route pages are split with React.lazy.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      // antd, react-query and react-router mark modules "use client" (for React Server Components); harmless in an SPA.
      checks: { moduleLevelDirective: false },
    },
  },
});
