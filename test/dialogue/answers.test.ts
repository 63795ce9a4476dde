import { findSizes, parseYesNo, saysDontKnow } from '../../src/dialogue/answers';
import { tokenize } from '../../src/matching/words';

const yesNo = (text: string) => parseYesNo(tokenize(text));
const mb = (text: string, defaultUnit: number | null = 1) => findSizes(text, defaultUnit).map((s) => Math.round(s.mb * 1000) / 1000);

describe('parseYesNo', () => {
  it.each(['yes', 'yup', 'yep', 'Yeah!', 'y', 'sure', 'done', 'yes restarted twice already', 'I did'])('reads %j as yes', (text) => {
    expect(yesNo(text)).toBe('yes');
  });
  it.each(['no', 'nope', 'nah', 'no not yet', 'not yet', "haven't", 'never'])('reads %j as no', (text) => {
    expect(yesNo(text)).toBe('no');
  });
  it.each(['ok', 'maybe', 'yes and no', 'I have 300 MB', 'hello'])('leaves %j unanswered rather than guess', (text) => {
    expect(yesNo(text)).toBeNull();
  });
});

describe('saysDontKnow', () => {
  it.each(["i don't know", 'idk', 'not sure', 'no idea how to check that', 'dunno', 'how do I check that?'])('hears %j', (text) => {
    expect(saysDontKnow(tokenize(text))).toBe(true);
  });
  it.each(['no', '300 MB', 'yes'])('does not hear it in %j', (text) => {
    expect(saysDontKnow(tokenize(text))).toBe(false);
  });
});

describe('findSizes', () => {
  it.each([
    ['250 MB', 250],
    ['249MB', 249],
    ['0.3 GB', 307.2],
    ['0,4 GB', 409.6],
    ['1.2G', 1228.8],
    ['512 MiB', 512],
    ['300 megs', 300],
    ['750mb', 750],
    ['100 KB', 0.098],
    ['1 GB', 1024],
    ['about 400 MB', 400],
    ['1,024 MB', 1024],
  ])('reads %j as %d MB', (text, expected) => {
    expect(mb(text)).toEqual([expected]);
  });

  it('reads "less than 250 MB" as just under the threshold', () => {
    expect(findSizes('less than 250 MB', 1)[0].mb).toBeLessThan(250);
    expect(findSizes('under 250MB', 1)[0].mb).toBeLessThan(250);
  });

  it('reads a range by its lower end, which is the one a threshold can trust', () => {
    expect(mb('200-300 MB', null)).toEqual([200]);
    expect(mb('between 200 and 300 MB', null)).toEqual([200]);
  });

  it('takes a bare number only as a direct answer, and only when no size has a unit', () => {
    expect(mb('400', 1)).toEqual([400]);
    expect(mb('400', null)).toEqual([]);
    expect(mb('Windows 10 shows 300 MB', 1)).toEqual([300]);
  });

  it.each(['printer on 3rd floor', 'every 10 min', 'KB5057589', '0x80070643'])('finds no size in %j', (text) => {
    expect(mb(text, null)).toEqual([]);
  });
});
