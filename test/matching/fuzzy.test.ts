import { editDistance, FuzzyVocabulary, withinEdits } from '../../src/matching/fuzzy';

describe('FuzzyVocabulary', () => {
  const vocabulary = new FuzzyVocabulary();
  for (const word of ['windows', 'recovery', 'environment', 'partition']) vocabulary.add(word);

  it('reads a near spelling as the known word', () => {
    expect(vocabulary.correct('windos')).toBe('windows');
    expect(vocabulary.correct('enviroment')).toBe('environment');
    expect(vocabulary.correct('recovery')).toBe('recovery');
  });

  it('reads two slips in a long word, and only one in a shorter word', () => {
    expect(vocabulary.correct('enviorment')).toBe('environment');
    expect(vocabulary.correct('partiton')).toBe('partition');
    expect(vocabulary.correct('reocvry')).toBeNull();
  });

  it('gives the same answer when asked again (the answer is remembered)', () => {
    expect(vocabulary.correct('windos')).toBe('windows');
    expect(vocabulary.correct('zzzzzz')).toBeNull();
    expect(vocabulary.correct('zzzzzz')).toBeNull();
  });

  it('forgets remembered answers when a word is added', () => {
    const v = new FuzzyVocabulary();
    v.add('printer');
    expect(v.correct('scanerr')).toBeNull();
    v.add('scanner');
    expect(v.correct('scanerr')).toBe('scanner');
  });

  it('never corrects words with digits, short words or long blobs', () => {
    expect(vocabulary.correct('w1ndows')).toBeNull();
    expect(vocabulary.correct('wind')).toBeNull();
    const v = new FuzzyVocabulary();
    const word = 'abcdefghij'.repeat(3);
    const blob = 'abcdefghij'.repeat(4);
    v.add(word);
    v.add(blob);
    expect(v.correct(word.slice(0, -1))).toBe(word);
    expect(v.correct(blob.slice(0, -1))).toBeNull();
  });
});

describe('withinEdits', () => {
  const words = ['restarted', 'restart', 'started', 'rebooted', 'reboot', 'yes', 'yeah', 'windows', 'widnows', 'wnidows', 'recovery', 'recovry', 'aab', 'abb', 'café', 'cafe', ''];

  it('agrees with the edit distance on every pair, swaps and non-ASCII letters included', () => {
    for (const a of words) {
      for (const b of words) {
        for (const max of [0, 1, 2]) expect([a, b, max, withinEdits(a, b, max)]).toEqual([a, b, max, editDistance(a, b) <= max]);
      }
    }
  });
});
