/** Unmatched messages grouped by TF-IDF cosine similarity, greedily and in a stable order. */
import { groupUnanswered, SIMILARITY_THRESHOLD } from '../../src/reports/unansweredGroups';
import { cosine, messageTerms, tfidfVectors } from '../../src/reports/textVectors';
import { PASSWORD, PRINTER, VPN } from './fixtureEvents';

const at = (i: number) => new Date(Date.UTC(2025, 4, 2, 9, i)).toISOString();
const messages = (texts: string[]) => texts.map((text, i) => ({ text, at: at(i) }));

describe('messageTerms', () => {
  it('keeps the stems that tell problems apart, without stop words and chat filler', () => {
    expect(messageTerms('Hi, the 3rd floor printer keeps jamming!! please help')).toEqual(['3rd', 'floor', 'printer', 'jam']);
    expect(messageTerms("VPN doesn't connect")).toEqual(['vpn', 'connect']);
    expect(messageTerms('hi thanks')).toEqual([]);
    // Underscores would let a word collide with natural's document fields.
    expect(messageTerms('__proto__ __key constructor')).toEqual(['proto', 'kei', 'constructor']);
  });
});

describe('tfidfVectors', () => {
  it('makes unit vectors whose cosine is high for rewordings and low for unrelated requests', () => {
    const texts = [...PRINTER, ...VPN, PASSWORD, 'printer shows offline', 'Outlook will not open'];
    const v = tfidfVectors(texts.map(messageTerms));
    for (const vector of v) expect(cosine(vector, vector)).toBeCloseTo(1);
    expect(cosine(v[0], v[1])).toBeGreaterThan(SIMILARITY_THRESHOLD);
    expect(cosine(v[1], v[2])).toBeGreaterThan(SIMILARITY_THRESHOLD);
    expect(cosine(v[3], v[4])).toBeGreaterThan(SIMILARITY_THRESHOLD);
    expect(cosine(v[0], v[3])).toBe(0);
    // One shared common word is not enough.
    expect(cosine(v[0], v[6])).toBeLessThan(SIMILARITY_THRESHOLD);
    expect(cosine(v[0], v[7])).toBe(0);
  });

  it('copes with words that are names of object properties', () => {
    const [a, b] = tfidfVectors([['constructor', 'tostring', 'printer'], ['printer', 'hasownproperty']]);
    expect([...a.keys()].sort()).toEqual(['constructor', 'printer', 'tostring']);
    expect(cosine(a, b)).toBeGreaterThan(0);
    expect(cosine(a, b)).toBeLessThan(1);
  });
});

describe('groupUnanswered', () => {
  it('puts the wordings of one problem together, with a representative and the other wordings', () => {
    const { groups, withoutWords } = groupUnanswered(messages([PRINTER[0], VPN[0], PASSWORD, PRINTER[1], 'hi', VPN[1], PRINTER[2], 'Outlook will not open']));
    expect(withoutWords).toBe(1);
    expect(groups.map((g) => g.count)).toEqual([3, 2, 1, 1]);
    const [printer, vpn] = groups;
    expect(PRINTER).toContain(printer.representative);
    expect([printer.representative, ...printer.examples].sort()).toEqual([...PRINTER].sort());
    expect(printer).toMatchObject({ firstAt: at(0), lastAt: at(6) });
    expect([vpn.representative, ...vpn.examples].sort()).toEqual([...VPN].sort());
    // Equal counts: the most recent group first.
    expect(groups.slice(2).map((g) => g.representative)).toEqual(['Outlook will not open', PASSWORD]);
  });

  it('shows a repeated wording once and at most three examples', () => {
    const texts = ['VPN drops', 'vpn  DROPS', 'vpn drops every hour', 'vpn drops on wifi', 'vpn drops at home', 'vpn drops in the office'];
    const [group] = groupUnanswered(messages(texts)).groups;
    expect(group.count).toBe(6);
    expect(group.examples).toHaveLength(3);
    const shown = [group.representative, ...group.examples].map((t) => t.toLowerCase().replace(/\s+/g, ' '));
    expect(new Set(shown).size).toBe(4);
  });

  it('follows the threshold: 1 keeps every wording apart, 0.01 joins any shared word', () => {
    expect(groupUnanswered(messages(PRINTER), 1).groups).toHaveLength(3);
    expect(groupUnanswered(messages([...PRINTER, 'printer shows offline']), 0.01).groups).toHaveLength(1);
  });

  it('gives the same groups for the same messages', () => {
    const texts = [...PRINTER, ...VPN, PASSWORD, 'printer shows offline', 'password expired'];
    expect(groupUnanswered(messages(texts))).toEqual(groupUnanswered(messages(texts)));
  });

  it('handles no messages', () => {
    expect(groupUnanswered([])).toEqual({ groups: [], withoutWords: 0 });
  });
});
