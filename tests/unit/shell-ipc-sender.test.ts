// Who the desktop shell answers over IPC. The old check compared the frame's URL with the
// page's as strings, so once a meeting was open (`index.html#/meeting/<id>`) every call was
// refused and the app stopped working.
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { acceptIpcSender, isOurPage } from '../../main/shell/ipc-sender.ts';

const pageUrl = pathToFileURL('/opt/Mahdar/resources/app/dist/renderer/index.html').href;
const top = (url: string) => ({ fromOurWindow: true, frame: { url, isMainFrame: true } });

describe('acceptIpcSender', () => {
  it('answers our page on every screen of its hash routes', () => {
    expect(acceptIpcSender(top(pageUrl), pageUrl)).toBe(true);
    expect(acceptIpcSender(top(`${pageUrl}#/`), pageUrl)).toBe(true);
    expect(acceptIpcSender(top(`${pageUrl}#/meeting/m_01HZX9Q2`), pageUrl)).toBe(true);
    expect(acceptIpcSender(top(`${pageUrl}#/meeting/m_01HZX9Q2/minutes`), pageUrl)).toBe(true);
  });

  it('answers the same file with a query (the same code is loaded)', () => {
    expect(acceptIpcSender(top(`${pageUrl}?lang=fr#/meeting/x`), pageUrl)).toBe(true);
  });

  it('matches a path however it is percent-encoded (spaces, Arabic folder names)', () => {
    const page = pathToFileURL('/home/أمينة/My Apps/Mahdar/dist/renderer/index.html').href;
    const chromiumSpelling = 'file:///home/%D8%A3%D9%85%D9%8A%D9%86%D8%A9/My%20Apps/Mahdar/dist/renderer/index.html#/meeting/a';
    expect(acceptIpcSender(top(chromiumSpelling), page)).toBe(true);
  });

  it('refuses another file, even beside ours', () => {
    expect(acceptIpcSender(top(pageUrl.replace('index.html', 'other.html')), pageUrl)).toBe(false);
    expect(acceptIpcSender(top('file:///tmp/index.html'), pageUrl)).toBe(false);
    expect(acceptIpcSender(top(`${pageUrl}/../../evil/index.html`), pageUrl)).toBe(false);
  });

  it('refuses another protocol or host with the same path', () => {
    const path = new URL(pageUrl).pathname;
    expect(acceptIpcSender(top(`http://127.0.0.1${path}`), pageUrl)).toBe(false);
    expect(acceptIpcSender(top(`https://example.org${path}`), pageUrl)).toBe(false);
    expect(acceptIpcSender(top(`file://fileserver${path}`), pageUrl)).toBe(false);
    expect(acceptIpcSender(top(`data:text/html,<script>1</script>`), pageUrl)).toBe(false);
  });

  it('refuses a subframe, even one showing our page', () => {
    expect(acceptIpcSender({ fromOurWindow: true, frame: { url: pageUrl, isMainFrame: false } }, pageUrl)).toBe(false);
  });

  it('refuses another window, an unknown frame and a URL that does not parse', () => {
    expect(acceptIpcSender({ fromOurWindow: false, frame: { url: pageUrl, isMainFrame: true } }, pageUrl)).toBe(false);
    expect(acceptIpcSender({ fromOurWindow: true, frame: null }, pageUrl)).toBe(false);
    expect(acceptIpcSender(top(''), pageUrl)).toBe(false);
    expect(isOurPage('not a url', pageUrl)).toBe(false);
  });
});
