import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

const generated = fileURLToPath(new URL('./node_modules/.union-web/vant-icon.woff2', import.meta.url));

/**
 * Vant's icon font comes as a data: URL with a fallback on alicdn.com: the CSP (font-src 'self')
 * refuses the first and the closed network the second. The font is written out as a file of our
 * own and the stylesheet points at it, so Vite serves it from /app/assets like everything else.
 */
function localIconFont() {
  return {
    name: 'union-local-icon-font',
    enforce: 'pre',
    load(id) {
      if (!/[\\/]vant[\\/]es[\\/]icon[\\/]index\.css$/.test(id)) return null;
      const css = readFileSync(id, 'utf8');
      const data = css.match(/url\(data:font\/woff2;charset=utf-8;base64,([A-Za-z0-9+/=]+)\)/);
      if (!data) throw new Error('Vant icon font not found in ' + id + ': update localIconFont');
      mkdirSync(dirname(generated), { recursive: true });
      writeFileSync(generated, Buffer.from(data[1], 'base64'));
      const url = relative(dirname(id), generated).split('\\').join('/');
      // our file instead of the data: URL, and no fallback on the internet
      return css.replace(data[0], `url("${url}")`).replace(/,url\(\/\/at\.alicdn\.com[^)]*\) format\("woff"\)/, '');
    },
  };
}

// Built by Maven (exec-maven-plugin) into the bundle's classes: /app/index.html is served at "/",
// /app/assets/* with hashed names. Vue's runtime-only build: templates are compiled here, never in
// the browser, so the strict CSP (no eval) holds.
export default defineConfig({
  base: '/app/',
  plugins: [localIconFont(), vue()],
  build: {
    outDir: fileURLToPath(new URL('../../../target/classes/app', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0, // every asset a file of its own: nothing inline for the CSP to refuse
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 300,
  },
  test: {
    environment: 'jsdom',
  },
});
