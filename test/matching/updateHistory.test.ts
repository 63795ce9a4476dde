import { matchMessage } from '../../src/matching/matcher';
import { withoutInstalledUpdates } from '../../src/matching/updateHistory';
import { FALSE_ERROR, shippedKnowledge } from '../helpers/knowledge';

const kb = shippedKnowledge();

const SETTINGS_ONE_LINE = [
  "Here's my update history:",
  '2025-04 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems (KB5055518) - Successfully installed on 4/9/2025',
  'Windows Recovery Environment (KB5057589) - Failed to install on 4/9/2025 - 0x80070643',
  'Windows Malicious Software Removal Tool x64 - v5.133 (KB890830) - Successfully installed on 4/9/2025',
].join('\n');
const SETTINGS_TWO_LINES = [
  '2025-04 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems (KB5055518)',
  'Successfully installed on 09/04/2025',
  '2025-04 Safe OS Dynamic Update for Windows 10 Version 22H2 for x64-based Systems (KB5057589)',
  'Failed to install on 09/04/2025 - 0x80070643',
  '2025-03 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems (KB5053606)',
  'Successfully installed on 12/03/2025',
].join('\n');
const GET_WU_HISTORY = [
  'ComputerName Operationname  Result     Date                 Title',
  'LAP-0231     Installation   Failed     4/9/2025 10:12:45 AM 2025-04 Safe OS Dynamic Update for Windows 10 Version 22H2 (KB5057589)',
  'LAP-0231     Installation   Succeeded  4/9/2025 10:05:12 AM 2025-04 Cumulative Update for Windows 10 Version 22H2 (KB5055518)',
].join('\n');

describe('a pasted update history', () => {
  it.each([
    ['Settings, one line an update', SETTINGS_ONE_LINE],
    ['Settings, status under each update', SETTINGS_TWO_LINES],
    ['Get-WUHistory', GET_WU_HISTORY],
  ])('is about the update that failed, not those that installed (%s)', (_format, text) => {
    const result = matchMessage(kb, text);
    expect(result.signals.updates).toEqual(['KB5057589']);
    expect(result.decision).toEqual({ kind: 'match', entryId: FALSE_ERROR });
  });

  it('reads a history pasted from Teams as an HTML list', () => {
    const html =
      '<p>Update history:</p><ul><li>2025-04 Safe OS Dynamic Update for Windows 10 Version 21H2 (KB5057589) &ndash; <b>Failed</b> &ndash; 0x80070643</li><li>Windows Malicious Software Removal Tool (KB890830) &ndash; Installed</li></ul>';
    expect(matchMessage(kb, html).signals.updates).toEqual(['KB5057589']);
  });

  it('keeps every update that did not install', () => {
    const text = 'KB5034441 - Failed to install - 0x80070643\nKB5057589 - Failed to install - 0x80070643\nKB5055518 - Successfully installed';
    expect(matchMessage(kb, text).signals.updates).toEqual(['KB5034441', 'KB5057589']);
  });

  it('leaves alone a text that lists no failure, or one update', () => {
    const installed = 'KB5055518 - Successfully installed\nKB5057589 - Successfully installed';
    expect(withoutInstalledUpdates(installed)).toBe(installed);
    const one = 'KB5057589 - Successfully installed\nbut it still shows 0x80070643';
    expect(withoutInstalledUpdates(one)).toBe(one);
  });
});
