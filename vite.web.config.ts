import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { devCspPlugin } from './scripts/dev-csp-plugin.ts';

// The web host: the same renderer, served to a plain browser on 127.0.0.1 only.
export default defineConfig({
  root: 'renderer',
  plugins: [react(), devCspPlugin()],
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: true },
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173), strictPort: true },
  build: { outDir: '../out/web', emptyOutDir: true },
});
