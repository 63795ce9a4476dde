/**
 * The Teams app package: manifest/teams with the bot's app id filled in, zipped with its two
 * icons (what Teams sideloads or an admin uploads). `npm run package:teams [out.zip]`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';
import { write, type CliIo, type ExitCode } from '../../cli/io';
import { pngInfo } from './png';
import { isGuid } from './teamsConfig';

/** The manifest/teams folder shipped with the project (same depth from src/ and dist/). */
export const TEAMS_APP_DIR = join(__dirname, '..', '..', '..', 'manifest', 'teams');
export const DEFAULT_PACKAGE_FILE = join('dist', 'teams-app.zip');
/** What manifest.json says wherever the bot's app id goes. */
export const APP_ID_PLACEHOLDER = '{{MICROSOFT_APP_ID}}';

const ICONS = [
  { file: 'color.png', size: 192 },
  { file: 'outline.png', size: 32 },
] as const;

export class TeamsPackageError extends Error {
  readonly code = 'TEAMS_PACKAGE_INVALID';

  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'TeamsPackageError';
  }
}

export interface PackageOptions {
  /** MICROSOFT_APP_ID: becomes the manifest's `id` and `bots[].botId`. */
  appId: string | undefined;
  /** Where to write the zip. Default: dist/teams-app.zip. */
  outFile?: string;
  /** The folder with manifest.json, color.png, outline.png. Default: the project's manifest/teams. */
  appDir?: string;
}

/** Builds the package; a TeamsPackageError lists every problem at once. Returns the zip's path. */
export async function packageTeamsApp(options: PackageOptions): Promise<string> {
  const appDir = options.appDir ?? TEAMS_APP_DIR;
  const problems: string[] = [];
  const appId = options.appId?.trim();
  if (!appId) problems.push("MICROSOFT_APP_ID is not set: it is the bot's Microsoft Entra app (client) id, which the package names as app id and bot id.");
  else if (!isGuid(appId)) problems.push("MICROSOFT_APP_ID must be the bot's Microsoft Entra app (client) id, a GUID such as 00000000-0000-0000-0000-000000000000.");

  let manifest = '';
  try {
    manifest = readFileSync(join(appDir, 'manifest.json'), 'utf8').split(APP_ID_PLACEHOLDER).join(appId ?? '');
    JSON.parse(manifest);
    const left = manifest.match(/\{\{[A-Z0-9_]+\}\}/g);
    if (left) problems.push(`${join(appDir, 'manifest.json')} has placeholders nothing fills in: ${[...new Set(left)].join(', ')}.`);
  } catch (err) {
    problems.push(`${join(appDir, 'manifest.json')} could not be read as JSON: ${(err as Error).message}`);
  }

  const icons = new Map<string, Buffer>();
  for (const icon of ICONS) {
    const path = join(appDir, icon.file);
    try {
      const bytes = readFileSync(path);
      const info = pngInfo(bytes);
      if (!info) problems.push(`${path} is not a PNG file.`);
      else if (info.width !== icon.size || info.height !== icon.size) {
        problems.push(`${path} is ${info.width}×${info.height}; Teams needs ${icon.size}×${icon.size}.`);
      } else icons.set(icon.file, bytes);
    } catch (err) {
      problems.push(`${path} could not be read: ${(err as Error).message}`);
    }
  }
  if (problems.length > 0) throw new TeamsPackageError(problems);

  const zip = new JSZip();
  zip.file('manifest.json', manifest);
  for (const [file, bytes] of icons) zip.file(file, bytes);
  const outFile = resolve(options.outFile ?? DEFAULT_PACKAGE_FILE);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return outFile;
}

/** `package-teams [out.zip]`: 0 when written, 78 when configuration is missing, 1 for a broken app folder. */
export async function runPackageTeams(argv: string[], io: CliIo): Promise<ExitCode> {
  if (argv.length > 1 || argv[0]?.startsWith('-')) {
    write(io.stderr, 'usage: package-teams [out.zip]   (default dist/teams-app.zip; reads MICROSOFT_APP_ID)');
    return 2;
  }
  try {
    const file = await packageTeamsApp({ appId: io.env.MICROSOFT_APP_ID, outFile: resolve(io.cwd, argv[0] ?? DEFAULT_PACKAGE_FILE) });
    write(io.stdout, `helpdesk-bot: wrote the Teams app package ${file}`);
    return 0;
  } catch (err) {
    if (!(err instanceof TeamsPackageError)) throw err;
    for (const problem of err.problems) write(io.stderr, `helpdesk-bot: ${problem}`);
    return err.problems.some((p) => p.startsWith('MICROSOFT_APP_ID')) ? 78 : 1;
  }
}
