import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';
import { isExternalLinkAllowed, isInAppNavigation } from './navigation-policy';
import { restoreBounds } from './window-state';

describe('the main window', () => {
  it('isolates and sandboxes the page, with no Node anywhere', () => {
    const prefs = mainWindowOptions(
      '/app/out/preload/index.cjs',
      { width: 1000, height: 700 },
      '#fff',
    ).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // No middle-click "open in new window".
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('lets only https links to the documentation out, to the system browser', () => {
    expect(isExternalLinkAllowed('https://learn.microsoft.com/azure/ai-services/')).toBe(true);
    for (const url of [
      'https://example.com/',
      'https://learn.microsoft.com.evil.example/',
      'https://evil.example/?https://learn.microsoft.com/',
      'https://user:pass@learn.microsoft.com/',
      'https://learn.microsoft.com:8443/',
      'http://learn.microsoft.com/',
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://x',
      'nonsense',
    ]) {
      expect(isExternalLinkAllowed(url), url).toBe(false);
    }
  });

  it('keeps navigation in the app', () => {
    const origins = ['app://dataset-manager'];
    expect(isInAppNavigation('app://dataset-manager/index.html', origins)).toBe(true);
    expect(isInAppNavigation('https://evil.example/', origins)).toBe(false);
    expect(isInAppNavigation('app://other/index.html', origins)).toBe(false);
  });

  it('restores a remembered position only where a display still shows it', () => {
    const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(restoreBounds({ x: 100, y: 80, width: 1200, height: 800 }, screen)).toEqual({
      x: 100,
      y: 80,
      width: 1200,
      height: 800,
      maximized: false,
    });
    expect(
      restoreBounds({ x: 4000, y: 80, width: 1200, height: 800, maximized: true }, screen),
    ).toEqual({
      width: 1200,
      height: 800,
      maximized: true,
    });
    expect(restoreBounds('garbage', screen)).toEqual({ width: 1280, height: 820 });
    expect(restoreBounds({ width: 10, height: Number.NaN }, screen)).toEqual({
      width: 1280,
      height: 820,
    });
    expect(restoreBounds({ width: 10, height: 10 }, screen)).toEqual({
      width: 880,
      height: 560,
      maximized: false,
    });
  });
});
