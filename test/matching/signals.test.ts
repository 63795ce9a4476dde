import { canonicalErrorCode, canonicalUpdateId, findErrorCodes, findUpdateIds } from '../../src/matching/signals';

describe('findUpdateIds', () => {
  it.each([
    ['KB5057589 failed', ['KB5057589']],
    ['kb 5057589 failed', ['KB5057589']],
    ['KB-5057589', ['KB5057589']],
    ['update 5057589 failed', ['KB5057589']],
    ['https://support.microsoft.com/help/5057589', ['KB5057589']],
    ['KB5057589 and KB5034441', ['KB5057589', 'KB5034441']],
    ['KB5057589 twice: kb5057589', ['KB5057589']],
    ['KB50575890 failed (a digit too many)', ['KB50575890']],
  ])('reads %j', (text, expected) => {
    expect(findUpdateIds(text)).toEqual(expected);
  });

  it('keeps digits exact: KB5057598 is another update', () => {
    expect(findUpdateIds('KB5057598 failed')).toEqual(['KB5057598']);
  });

  it.each(['0x80070643', '2147944003', '-2147023293', 'Windows 10 22H2', '2025-04 update', 'VPN drops every 10 min', 'INC1234567', '262144 KB', '500000 kb free', '300000 bytes', 'asset tag 482913', 'ticket #123456', 'INC: 654321'])(
    'does not read an update id in %j',
    (text) => {
      expect(findUpdateIds(text)).toEqual([]);
    },
  );
});

describe('findErrorCodes', () => {
  it.each([
    ['0x80070643', '0x80070643'],
    ['0X80070643', '0x80070643'],
    ['error 80070643 again', '0x80070643'],
    ['code 2147944003', '0x80070643'],
    ['code -2147023293', '0x80070643'],
    ['ERROR_INSTALL_FAILURE', '0x80070643'],
    ['ERRORINSTALLFAILURE', '0x80070643'],
    ['0x800f0922', '0x800f0922'],
  ])('reads %j as %s', (text, code) => {
    expect(findErrorCodes(text)).toEqual([code]);
  });

  it.each(['1603', '0x643', 'error 1603 from msiexec', 'KB5057589', 'deadbeef', '20250408', 'updateId = {8173989A-56EE-4E4C-FDD9-B9AA8B823EA1}', 'job C6F4BA07-B8C1-AF4B-17C2-AAB2BB77AD69 done'])(
    'does not read a code in %j',
    (text) => {
      expect(findErrorCodes(text)).toEqual([]);
    },
  );

  it('reads a code next to a GUID, and one followed by a dash and words', () => {
    expect(findErrorCodes('{8173989A-56EE-4E4C-FDD9-B9AA8B823EA1} failed: 0x80070643')).toEqual(['0x80070643']);
    expect(findErrorCodes('0x80070643-ERROR_INSTALL_FAILURE')).toEqual(['0x80070643']);
  });
});

describe('canonical spellings in knowledge files', () => {
  it('accepts every written form of an update id', () => {
    for (const written of ['KB5057589', 'kb5057589', 'KB 5057589', '5057589']) expect(canonicalUpdateId(written)).toBe('KB5057589');
    expect(canonicalUpdateId('*')).toBe('*');
    expect(canonicalUpdateId('KB50575')).toBeNull();
    expect(canonicalUpdateId('latest')).toBeNull();
  });

  it('accepts every written form of an error code', () => {
    for (const written of ['0x80070643', '80070643', '2147944003', '-2147023293', 'ERROR_INSTALL_FAILURE']) {
      expect(canonicalErrorCode(written)).toBe('0x80070643');
    }
    expect(canonicalErrorCode('1603')).toBeNull();
    expect(canonicalErrorCode('0x8007064')).toBeNull();
  });
});
