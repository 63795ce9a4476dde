/** The Teams app folder (manifest/teams) and the package built from it. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { colorIcon, outlineIcon } from '../../../src/channels/teams/icons';
import { packageTeamsApp, runPackageTeams, TEAMS_APP_DIR, TeamsPackageError } from '../../../src/channels/teams/packageApp';

const APP_ID = '5e1f7a3c-0d2b-4c6e-9f10-2a3b4c5d6e7f';
const read = (file: string) => readFileSync(join(TEAMS_APP_DIR, file));

/** Width and height from the IHDR chunk, which follows the 8-byte signature. */
function ihdr(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** RGBA pixels of one of our PNGs (8-bit RGBA, every row with filter 0, as our encoder writes). */
function pixels(png: Buffer): Uint8Array[] {
  const { width, height } = ihdr(png);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const result: Uint8Array[] = [];
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    for (let x = 0; x < width; x++) result.push(raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4));
  }
  return result;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('the manifest has what Teams requires, on a current schema, with the bot id as a placeholder', () => {
  const manifest = JSON.parse(read('manifest.json').toString('utf8'));
  const schemaVersion = /\/teams\/v1\.(\d+)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema);
  expect(Number(schemaVersion?.[1])).toBeGreaterThanOrEqual(17);
  expect(manifest.manifestVersion).toBe(`1.${schemaVersion?.[1]}`);
  expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(manifest.id).toBe('{{MICROSOFT_APP_ID}}');
  for (const field of ['name', 'websiteUrl', 'privacyUrl', 'termsOfUseUrl']) expect(manifest.developer[field]).toBeTruthy();
  for (const url of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) expect(manifest.developer[url]).toMatch(/^https:\/\//);
  expect(manifest.name.short.length).toBeLessThanOrEqual(30);
  expect(manifest.description.short.length).toBeLessThanOrEqual(80);
  expect(manifest.description.full.length).toBeGreaterThan(0);
  expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  expect(manifest.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
  expect(manifest.bots).toHaveLength(1);
  expect(manifest.bots[0].botId).toBe('{{MICROSOFT_APP_ID}}');
  expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
  for (const command of manifest.bots[0].commandLists[0].commands) expect(command.title.length).toBeLessThanOrEqual(32);
});

test('the icons are 192×192 (colour) and 32×32 (white on transparent), and match what icons.ts draws', () => {
  expect(ihdr(read('color.png'))).toEqual({ width: 192, height: 192 });
  expect(ihdr(read('outline.png'))).toEqual({ width: 32, height: 32 });
  const outline = pixels(read('outline.png'));
  expect(outline.filter((p) => p[3] > 0).every((p) => p[0] === 255 && p[1] === 255 && p[2] === 255)).toBe(true);
  expect(outline[0][3]).toBe(0);
  expect(outline.some((p) => p[3] === 255)).toBe(true);
  // The committed files are the drawing's output: regenerate them with writeTeamsIcons after a change.
  expect(read('color.png').equals(colorIcon())).toBe(true);
  expect(read('outline.png').equals(outlineIcon())).toBe(true);
});

test('the package is a zip of the manifest, with the app id filled in, and the two icons', async () => {
  const file = await packageTeamsApp({ appId: APP_ID, outFile: join(dir, 'out', 'teams-app.zip') });
  expect(file).toBe(join(dir, 'out', 'teams-app.zip'));
  const zip = await JSZip.loadAsync(readFileSync(file));
  expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  const text = await zip.file('manifest.json')!.async('string');
  expect(text).not.toContain('{{');
  const manifest = JSON.parse(text);
  expect(manifest.id).toBe(APP_ID);
  expect(manifest.bots[0].botId).toBe(APP_ID);
  expect((await zip.file('color.png')!.async('nodebuffer')).equals(read('color.png'))).toBe(true);
});

test('a missing or malformed MICROSOFT_APP_ID is an error naming the variable', async () => {
  for (const appId of [undefined, '', 'helpdesk-bot']) {
    const error = await packageTeamsApp({ appId, outFile: join(dir, 'x.zip') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamsPackageError);
    expect((error as TeamsPackageError).problems).toHaveLength(1);
    expect((error as TeamsPackageError).problems[0]).toMatch(/^MICROSOFT_APP_ID (is not set|must be)/);
  }
});

test('a wrong-sized icon is reported together with the other problems', async () => {
  copyFileSync(join(TEAMS_APP_DIR, 'manifest.json'), join(dir, 'manifest.json'));
  copyFileSync(join(TEAMS_APP_DIR, 'outline.png'), join(dir, 'color.png'));
  writeFileSync(join(dir, 'outline.png'), 'not a png');
  const error = (await packageTeamsApp({ appId: undefined, appDir: dir, outFile: join(dir, 'x.zip') }).catch((e: unknown) => e)) as TeamsPackageError;
  expect(error.problems).toHaveLength(3);
  expect(error.problems[1]).toContain('is 32×32; Teams needs 192×192');
  expect(error.problems[2]).toContain('is not a PNG file');
});

test('the package-teams command writes the zip, or exits 78 naming MICROSOFT_APP_ID', async () => {
  const io = (env: NodeJS.ProcessEnv) => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (c) => (out += c));
    stderr.on('data', (c) => (err += c));
    return { io: { stdin: new PassThrough(), stdout, stderr, env, cwd: dir }, out: () => out, err: () => err };
  };
  const ok = io({ MICROSOFT_APP_ID: APP_ID });
  expect(await runPackageTeams(['app.zip'], ok.io)).toBe(0);
  expect(ok.out()).toContain(join(dir, 'app.zip'));
  expect(Object.keys((await JSZip.loadAsync(readFileSync(join(dir, 'app.zip')))).files)).toHaveLength(3);

  const missing = io({});
  expect(await runPackageTeams([], missing.io)).toBe(78);
  expect(missing.err()).toContain('MICROSOFT_APP_ID is not set');
});
