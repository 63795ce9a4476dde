import { compileEntry, KnowledgeBase, type SignalPhrase } from '../../src/knowledge/knowledgeBase';
import { PHRASE_SLACK } from '../../src/matching/phraseIndex';
import { tokenize } from '../../src/matching/words';

function knowledge(phrasesByEntry: Record<string, string[]>): KnowledgeBase {
  return new KnowledgeBase(
    Object.entries(phrasesByEntry).map(([id, phrases]) =>
      compileEntry({ id, title: id, match: { phrases }, flow: [{ escalate: 'x' }], replies: { x: 'x' } }, `${id}.yaml`),
    ),
  );
}

const stemsOf = (text: string) => tokenize(text).map((t) => t.stem);
const found = (kb: KnowledgeBase, text: string) => kb.phrases.find(stemsOf(text)).map(({ phrase: p }) => `${p.entryId}: ${p.text}`);

describe('PhraseIndex.find', () => {
  const kb = knowledge({
    outlook: ['outlook keeps crashing', 'outlook'],
    teams: ['teams camera not working'],
    'outlook-too': ['Outlook keeps crashing'],
  });

  it('finds a phrase in any order, with up to two extra words between its words', () => {
    expect(found(kb, 'my camera in teams is not working')).toEqual(['teams: teams camera not working']);
    expect(found(kb, 'crashing keeps outlook').sort()).toEqual(['outlook-too: Outlook keeps crashing', 'outlook: outlook', 'outlook: outlook keeps crashing']);
  });

  it('finds a phrase of numbers only as written, word after word', () => {
    const months = knowledge({ september: ['2025 09'] });
    expect(found(months, '2025-09 Safe OS Dynamic Update')).toEqual(['september: 2025 09']);
    expect(found(months, 'on 2025-04-09 at 10:14')).toEqual([]);
    expect(found(months, '09 2025')).toEqual([]);
  });

  it('does not find a phrase whose words are spread wider than the window', () => {
    const filler = Array.from({ length: PHRASE_SLACK + 1 }, (_, i) => `filler${i}`).join(' ');
    expect(found(kb, `teams camera ${filler} not working`)).toEqual([]);
  });

  it('finds the close occurrence in a log that also repeats the words far apart', () => {
    const far = 'teams started. ' + 'line of log output here '.repeat(20) + 'camera found. ' + 'more log output '.repeat(20);
    expect(found(kb, `${far} the teams camera is not working`)).toEqual(['teams: teams camera not working']);
    expect(found(kb, far + ' not working')).toEqual([]);
  });

  it('returns every entry that shares a phrase, in knowledge order', () => {
    expect(found(kb, 'outlook keeps crashing').filter((f) => f.endsWith('eeps crashing'))).toEqual([
      'outlook: outlook keeps crashing',
      'outlook-too: Outlook keeps crashing',
    ]);
  });

  it('counts words no phrase uses as words in the window', () => {
    const stems: Array<string | null> = stemsOf('teams camera not working');
    expect(kb.phrases.find(stems)).toHaveLength(1);
    const spread = [stems[0], stems[1], null, null, null, stems[2], stems[3]];
    expect(kb.phrases.find(spread)).toHaveLength(0);
  });

  it('agrees with checking every phrase one by one', () => {
    // A small vocabulary makes many phrases share anchors and second words, and many messages
    // hold some of a phrase's words but not all, or all of them too far apart.
    const vocabulary = ['update', 'failed', 'windows', 'install', 'error', 'outlook', 'crash', 'teams', 'camera', 'vpn', 'slow', 'printer'];
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = () => vocabulary[Math.floor(random() * vocabulary.length)];
    const entries: Record<string, string[]> = {};
    for (let e = 0; e < 60; e++) entries[`e${e}`] = Array.from({ length: 2 }, () => Array.from({ length: 1 + Math.floor(random() * 3) }, pick).join(' '));
    const big = knowledge(entries);
    const all: SignalPhrase[] = [...big.entries.values()].flatMap((e) => e.phrases);
    for (let m = 0; m < 300; m++) {
      const text = Array.from({ length: 3 + Math.floor(random() * 15) }, () => (random() < 0.4 ? pick() : 'word')).join(' ');
      const stems = stemsOf(text);
      const expected = all.filter((p) => naiveFits(p, stems)).map((p) => `${p.entryId}: ${p.text}`);
      expect(big.phrases.find(stems).map(({ phrase: p }) => `${p.entryId}: ${p.text}`).sort()).toEqual(expected.sort());
    }
  });
});

/** The definition, spelled out: some window of the phrase's length plus the slack holds every stem. */
function naiveFits(phrase: SignalPhrase, stems: string[]): boolean {
  const window = phrase.stems.length + PHRASE_SLACK;
  for (let start = 0; start < stems.length; start++) {
    const slice = stems.slice(start, start + window);
    if (phrase.stems.every((s) => slice.includes(s))) return true;
  }
  return false;
}
