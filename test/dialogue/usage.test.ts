import { readTurn } from '../../src/dialogue/slots';
import { normalizeText } from '../../src/matching/normalize';
import { FALSE_ERROR, shippedKnowledge } from '../helpers/knowledge';

// Free space worked out from used, total and full figures, read through the shipped entry's
// recovery_free_mb question as the dialogue reads it.
const entry = shippedKnowledge().get(FALSE_ERROR)!;
const lexicon = shippedKnowledge().lexicon;
const answer = (text: string) => readTurn(entry, lexicon, normalizeText(text), 'recovery_free_mb');
const unasked = (text: string) => readTurn(entry, lexicon, normalizeText(text), null).filled.recovery_free_mb;

describe('free space worked out from how the space is used', () => {
  it.each([
    ['only 50 MB used of 500', 450],
    ['50 MB in use out of 500 MB', 450],
    ['it uses 480 MB of 529 MB', 49],
    ['using 480 of 529 MB', 49],
    ['480 of 529 MB used', 49],
    ['it uses 0.1 GB of 1 GB', 921.6],
  ])('as the total less the used part: %j is %d MB', (text, mb) => {
    expect(answer(text).filled.recovery_free_mb).toEqual({ type: 'size', mb: expect.closeTo(mb, 5), said: expect.any(String) });
  });

  it.each([
    ['529 MB, 95% full', 26.45],
    ['2 GB, 50 % used', 1024],
    ['600 MB and 10% free', 60],
  ])('from a share of the one figure, read as the partition size (the least free space): %j', (text, mb) => {
    expect(answer(text).filled.recovery_free_mb).toMatchObject({ type: 'size', mb: expect.closeTo(mb, 5), bound: 'about' });
  });

  it('takes the free space column of a Disk Management row', () => {
    expect(answer('Healthy (Recovery Partition)   1.00 GB   612 MB   60 %').filled.recovery_free_mb).toMatchObject({ mb: 612, said: '612 MB' });
    expect(answer('Healthy (Recovery Partition)   522 MB   87 MB   17 %').filled.recovery_free_mb).toMatchObject({ mb: 87 });
  });

  it('reads a row whose status is not shown the way that leaves the least free space', () => {
    // 612 MB and 60 % may be the free part or the used part: 1024 - 612 = 412 MB is the lesser.
    expect(answer('Recovery   1.00 GB   612 MB   60 %').filled.recovery_free_mb).toMatchObject({ mb: 412, bound: 'about' });
  });

  it('needs the subject named in a message the bot did not ask for', () => {
    expect(unasked('KB5057589 failed, rebooted, recovery partition uses 480 MB of 529 MB')).toMatchObject({ mb: 49 });
    expect(unasked('KB5057589 failed, rebooted, it uses 480 MB of 529 MB')).toBeUndefined();
  });

  it.each([
    'C: drive uses 480 GB of 500 GB',
    'it uses 200 MB of 4 GB RAM',
    'recovery 529 MB, C: 95% full',
    'does it use 480 MB of 529 MB?',
    'I think it uses 480 MB of 529 MB',
    'about 50 MB used of 500',
    '50 MB used of about 500',
    '600 MB used of 500 MB',
    '529 MB and 480 MB, 95% full',
  ])('works nothing out of %j', (text) => {
    expect(answer(text).filled.recovery_free_mb).toBeUndefined();
  });

  it('weighs a figure called free against the working-out, the smaller counting', () => {
    expect(answer('529 MB total, 95% full, 26 MB free').filled.recovery_free_mb).toMatchObject({ mb: 26, said: '26 MB' });
    expect(answer('700 MB free, 50 MB used of 750').filled.recovery_free_mb).toMatchObject({ mb: 700 });
    // A figure called free is not a size to take a share of.
    expect(answer('it is 90% used, 300 MB free').filled.recovery_free_mb).toMatchObject({ mb: 300 });
    expect(answer('recovery partition: 600 MB free, 95% full').filled.recovery_free_mb).toMatchObject({ mb: 600 });
  });

  it('holds the answer back when the working-out is only doubted', () => {
    expect(answer('600 MB free, I think it uses 480 MB of 529 MB')).toEqual({ filled: {}, dontKnow: true });
  });

  it('does not end a sentence at "part."', () => {
    expect(unasked('KB5057589 fails w/ 0x80070643, restarted, recovery part. has 200MB free')).toMatchObject({ mb: 200 });
  });
});

describe('tables pasted from Windows tools', () => {
  const getVolume = (recoveryRow: string) =>
    [
      'PS C:\\> Get-Volume',
      '',
      'DriveLetter FriendlyName FileSystemType DriveType HealthStatus OperationalStatus SizeRemaining      Size',
      '----------- ------------ -------------- --------- ------------ ----------------- -------------      ----',
      'C           Windows      NTFS           Fixed     Healthy      OK                    120.44 GB 237.37 GB',
      recoveryRow,
      '            SYSTEM       FAT32          Fixed     Healthy      OK                      68.2 MB    260 MB',
    ].join('\n');

  it.each([
    ['            Recovery     NTFS           Fixed     Healthy      OK                     412.3 MB    990 MB', 412.3],
    ['            Recovery     NTFS           Fixed     Healthy      OK                      87.5 MB    522 MB', 87.5],
    ['            Windows RE tools NTFS       Fixed     Healthy      OK                    402.63 MB    990 MB', 402.63],
  ])('read the recovery row of Get-Volume, not the other rows: %j', (row, mb) => {
    expect(answer(getVolume(row)).filled.recovery_free_mb).toMatchObject({ type: 'size', mb });
  });

  it('read the Recovery Partition row of a Disk Management table with bars, and no crash in "Crash Dump"', () => {
    const table = [
      'Volume | Layout | Type | File System | Status | Capacity | Free Space | % Free',
      '(C:) | Simple | Basic | NTFS | Healthy (Boot, Page File, Crash Dump, Basic Data Partition) | 475.69 GB | 61.02 GB | 13 %',
      '(Disk 0 partition 1) | Simple | Basic | | Healthy (EFI System Partition) | 100 MB | 71 MB | 71 %',
      '(Disk 0 partition 4) | Simple | Basic | NTFS | Healthy (Recovery Partition) | 1000 MB | 318 MB | 32 %',
    ].join('\n');
    const { filled } = answer(table);
    expect(filled.recovery_free_mb).toMatchObject({ type: 'size', mb: 318 });
    expect(filled.system_degraded).toBeUndefined();
    expect(readTurn(entry, lexicon, normalizeText('it crashed twice, the dump is in (C:) Healthy (Boot, Page File)'), 'recovery_free_mb').filled.system_degraded).toEqual({ type: 'flag', value: true });
  });
});

describe('the total said first', () => {
  it.each([
    ['the recovery partition is 600 MB and 450 MB of it is used', 150],
    ['the recovery partition is 990 MB, 400 MB of that used', 590],
  ])('works out %j as %d MB free', (text, mb) => {
    expect(answer(text).filled.recovery_free_mb).toMatchObject({ type: 'size', mb });
  });
});

describe('more tool output', () => {
  it.each([
    ['Total free bytes        :   524,288,000 (500.0 MB)\nTotal bytes             : 1,038,090,240 (990.0 MB)', 500],
    ['fsutil says Total free bytes : 104,857,600 (100.0 MB)', 100],
  ])('reads the free bytes fsutil prints: %j', (text, mb) => {
    expect(answer(text).filled.recovery_free_mb).toMatchObject({ type: 'size', mb });
  });

  it('reads "Total 260 MB / Free 30 MB" and "750 MB and 50% of it is free"', () => {
    expect(answer('Total 260 MB / Free 30 MB').filled.recovery_free_mb).toMatchObject({ mb: 30 });
    expect(answer('the recovery partition is 750 MB and 50% of it is free').filled.recovery_free_mb).toMatchObject({ mb: 375, bound: 'about' });
  });

  it('reads the bytes remaining of a Format-List of the recovery volume', () => {
    const list = 'DriveLetter     :\nFileSystemLabel : Recovery\nFileSystem      : NTFS\nHealthStatus    : Healthy\nSizeRemaining   : 377487360\nSize            : 681574400';
    expect(answer(list).filled.recovery_free_mb).toMatchObject({ type: 'size', mb: 360 });
  });

  it('reads the Recovery Partition row of a table pasted from Teams as HTML', () => {
    const html =
      '<table><tr><th>Volume</th><th>Capacity</th><th>Free Space</th><th>% Free</th></tr><tr><td>(C:)</td><td>237.87 GB</td><td>88.1 GB</td><td>37 %</td></tr><tr><td>Recovery Partition</td><td>990 MB</td><td>436 MB</td><td>44 %</td></tr></table>';
    expect(answer(html).filled.recovery_free_mb).toMatchObject({ type: 'size', mb: 436 });
  });
});
