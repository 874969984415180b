// The desktop shell's other decisions: the only permission granted, where the window may go,
// what it may load, and the language of its messages before the interface is up.
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { grantPermissionCheck, grantPermissionRequest } from '../../main/shell/permissions.ts';
import { allowNavigation, windowOpenDecision } from '../../main/shell/navigation.ts';
import { isLocalRequest } from '../../main/shell/request-filter.ts';
import { shellLanguage } from '../../main/shell/language.ts';

const pageUrl = pathToFileURL('/opt/Mahdar/dist/renderer/index.html').href;

describe('permissions', () => {
  it('grants the microphone, audio only, to our window only', () => {
    expect(grantPermissionRequest({ permission: 'media', mediaTypes: ['audio'], fromOurWindow: true })).toBe(true);
    expect(grantPermissionRequest({ permission: 'media', mediaTypes: ['audio'], fromOurWindow: false })).toBe(false);
  });

  it('refuses the camera, alone or with the microphone, and a media request naming no device', () => {
    expect(grantPermissionRequest({ permission: 'media', mediaTypes: ['video'], fromOurWindow: true })).toBe(false);
    expect(grantPermissionRequest({ permission: 'media', mediaTypes: ['audio', 'video'], fromOurWindow: true })).toBe(false);
    expect(grantPermissionRequest({ permission: 'media', mediaTypes: [], fromOurWindow: true })).toBe(false);
    expect(grantPermissionRequest({ permission: 'media', fromOurWindow: true })).toBe(false);
  });

  it('refuses every other permission', () => {
    for (const permission of ['notifications', 'geolocation', 'clipboard-read', 'display-capture', 'midi', 'openExternal', 'fullscreen']) {
      expect(grantPermissionRequest({ permission, mediaTypes: ['audio'], fromOurWindow: true }), permission).toBe(false);
      expect(grantPermissionCheck({ permission, mediaType: 'audio', fromOurWindow: true }), permission).toBe(false);
    }
  });

  it('answers permission checks the same way: microphone, our window', () => {
    expect(grantPermissionCheck({ permission: 'media', mediaType: 'audio', fromOurWindow: true })).toBe(true);
    expect(grantPermissionCheck({ permission: 'media', mediaType: 'video', fromOurWindow: true })).toBe(false);
    expect(grantPermissionCheck({ permission: 'media', mediaType: 'unknown', fromOurWindow: true })).toBe(false);
    expect(grantPermissionCheck({ permission: 'media', mediaType: 'audio', fromOurWindow: false })).toBe(false);
  });
});

describe('navigation', () => {
  it('stays on our page: another screen of it is allowed', () => {
    expect(allowNavigation(`${pageUrl}#/meeting/a`, pageUrl)).toBe(true);
  });

  it('never loads another page in the window', () => {
    for (const url of ['https://example.org/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', pageUrl.replace('index.html', 'x.html'), 'javascript:alert(1)']) {
      expect(allowNavigation(url, pageUrl), url).toBe(false);
    }
  });

  it('opens no new window', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});

describe('request filter', () => {
  it('lets local files, in-memory data and the developer tools load', () => {
    for (const url of [`${pageUrl}`, 'file:///opt/Mahdar/dist/renderer/assets/index.js', 'blob:file:///6c1e-4a', 'data:image/png;base64,AAAA', 'devtools://devtools/bundled/inspector.html', 'mahdar-media://audio/m-abc123']) {
      expect(isLocalRequest(url), url).toBe(true);
    }
  });

  it('cancels anything that would leave the computer or is not a URL', () => {
    for (const url of ['https://example.org/x.js', 'http://127.0.0.1:3000/', 'ws://localhost/', 'wss://example.org/', 'ftp://example.org/', 'chrome-extension://abc/x', 'mahdar-mediax://audio/m-abc123', 'media://audio/m-abc123', '', 'file']) {
      expect(isLocalRequest(url), url).toBe(false);
    }
  });
});

describe('shell language', () => {
  it('follows the system for French and English, Arabic otherwise', () => {
    expect(shellLanguage('fr-MA')).toBe('fr');
    expect(shellLanguage('fr')).toBe('fr');
    expect(shellLanguage('en-US')).toBe('en');
    expect(shellLanguage('ar-MA')).toBe('ar');
    expect(shellLanguage('es-ES')).toBe('ar');
    expect(shellLanguage('')).toBe('ar');
  });
});
