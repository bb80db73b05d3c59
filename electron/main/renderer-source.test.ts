import { describe, expect, it } from 'vitest';
import { rendererSource } from './renderer-source';

const packaged = {
  url: 'app://dataset-manager/index.html',
  origin: 'app://dataset-manager',
  devServer: false,
};

describe('where the window’s page comes from', () => {
  it('uses the dev server named by ELECTRON_RENDERER_URL in an unpackaged run', () => {
    expect(rendererSource('http://localhost:5173/', false)).toEqual({
      url: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
      devServer: true,
    });
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app, whatever it says', () => {
    expect(rendererSource('http://localhost:5173/', true)).toEqual(packaged);
    expect(rendererSource('https://evil.example/', true)).toEqual(packaged);
  });

  it('serves the packaged page when the variable is unset, empty or not an http(s) URL', () => {
    for (const value of [undefined, '', 'not a url', 'file:///tmp/index.html', 'javascript:1']) {
      expect(rendererSource(value, false), String(value)).toEqual(packaged);
    }
  });
});
