// The desktop package ships the engine in resources/whisper (electron-builder.yml extraResources):
// the packaged app must find whisper-cli and whisper-server there, before any development build.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { whisperCliPath } from '../../main/asr/engine.ts';
import { whisperServerPath } from '../../main/asr/live/server.ts';

const exe = (name: string) => (process.platform === 'win32' ? `${name}.exe` : name);
const proc = process as { resourcesPath?: string };

describe('engine location in the desktop package', () => {
  let resources: string;
  let saved: { resourcesPath?: string; cli?: string; server?: string };
  beforeEach(() => {
    saved = { resourcesPath: proc.resourcesPath, cli: process.env.MAHDAR_WHISPER_CLI, server: process.env.MAHDAR_WHISPER_SERVER };
    delete process.env.MAHDAR_WHISPER_CLI;
    delete process.env.MAHDAR_WHISPER_SERVER;
    resources = mkdtempSync(join(tmpdir(), 'mahdar-resources-'));
    mkdirSync(join(resources, 'whisper'));
    for (const name of ['whisper-cli', 'whisper-server']) writeFileSync(join(resources, 'whisper', exe(name)), '');
    proc.resourcesPath = resources;
  });
  afterEach(() => {
    if (saved.resourcesPath === undefined) delete proc.resourcesPath;
    else proc.resourcesPath = saved.resourcesPath;
    if (saved.cli !== undefined) process.env.MAHDAR_WHISPER_CLI = saved.cli;
    if (saved.server !== undefined) process.env.MAHDAR_WHISPER_SERVER = saved.server;
    rmSync(resources, { recursive: true, force: true });
  });

  it('finds whisper-cli and whisper-server in resources/whisper', () => {
    expect(whisperCliPath()).toBe(join(resources, 'whisper', exe('whisper-cli')));
    expect(whisperServerPath()).toBe(join(resources, 'whisper', exe('whisper-server')));
  });

  it('falls back to the development build when the package has no engine', () => {
    rmSync(join(resources, 'whisper'), { recursive: true });
    expect(() => whisperCliPath()).not.toThrow();
    expect(whisperCliPath()).not.toContain(resources);
  });
});
