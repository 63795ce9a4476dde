import { findSizes, parseYesNo, saysDontKnow, saysNoSpace } from '../../src/dialogue/answers';
import { tokenize } from '../../src/matching/words';
import { shippedKnowledge } from '../helpers/knowledge';

const lexicon = shippedKnowledge().lexicon;

const yesNo = (text: string) => parseYesNo(text, lexicon);
const mb = (text: string, defaultUnit: number | null = 1) => findSizes(text, defaultUnit, lexicon).map((s) => Math.round(s.mb * 1000) / 1000);

describe('parseYesNo', () => {
  it.each(['yes', 'yup', 'yep', 'Yeah!', 'y', 'sure', 'done', 'yes restarted twice already', 'I did', 'of course', 'ofc', 'yes, no problems since', 'yes and it didn\'t crash', 'yes, never froze', 'yes, works fine, no BSOD'])('reads %j as yes', (text) => {
    expect(yesNo(text)).toBe('yes');
  });
  it.each(['no', 'nope', 'nah', 'no not yet', 'not yet', "haven't", 'never', "I didn't", "actually no I didn't"])('reads %j as no', (text) => {
    expect(yesNo(text)).toBe('no');
  });
  it('gives a later "no" to the clause it answers: "yes I restarted, and no, nothing else is acting up"', () => {
    expect(parseYesNo('Yes I have restarted, and no, nothing else is acting up', lexicon)).toBe('yes');
  });
  it.each(['oui', 'sí', 'sim', 'ja', 'tak', 'haan ji'])('reads %j as yes, as a multinational staff writes it', (text) => {
    expect(parseYesNo(text, lexicon)).toBe('yes');
  });
  it.each(['non', 'nein', 'nee', 'nie', 'não', 'nahi'])('reads %j as no, as a multinational staff writes it', (text) => {
    expect(parseYesNo(text, lexicon)).toBe('no');
  });
  it.each(['ok', 'maybe', 'yes and no', 'I have 300 MB', 'hello', 'of course not', 'yes, no', 'yes I did, no wait, not yet'])('leaves %j unanswered rather than guess', (text) => {
    expect(yesNo(text)).toBeNull();
  });
});

describe('saysDontKnow', () => {
  it.each(["i don't know", 'idk', 'not sure', 'no idea how to check that', 'dunno', 'how do I check that?'])('hears %j', (text) => {
    expect(saysDontKnow(tokenize(text), lexicon)).toBe(true);
  });
  it.each(['no', '300 MB', 'yes'])('does not hear it in %j', (text) => {
    expect(saysDontKnow(tokenize(text), lexicon)).toBe(false);
  });
});

describe('findSizes', () => {
  it.each([
    ['250 MB', 250],
    ['249MB', 249],
    ['0.3 GB', 307.2],
    ['0,4 GB', 409.6],
    ['1.2G', 1228.8],
    ['.5 GB', 512],
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

  it.each([
    ['less than 250 MB', 250, 'below'],
    ['under 250MB', 250, 'below'],
    ['almost 250 MB', 250, 'below'],
    ['nearly 250MB', 250, 'below'],
    ['not even 250 MB', 250, 'below'],
    ['at most 300 MB', 300, 'at_most'],
    ['max 300MB', 300, 'at_most'],
    ['300 MB or less', 300, 'at_most'],
    ['up to 1 GB', 1024, 'at_most'],
    ['more than 300 MB', 300, 'above'],
    ['over 1GB', 1024, 'above'],
    ['at least 250 MB', 250, 'at_least'],
    ['not less than 250 MB', 250, 'at_least'],
    ['300MB+', 300, 'at_least'],
    ['300 MB or more', 300, 'at_least'],
  ])('reads %j as %d MB, bound %s', (text, expected, bound) => {
    expect(findSizes(text, 1, lexicon)).toEqual([{ mb: expected, bound, said: expect.any(String), index: expect.any(Number) }]);
  });

  it.each(['about 300 MB', 'around 300 MB', '~300 MB', 'roughly 300MB', '300 MB or so'])('reads %j as an estimate', (text) => {
    expect(findSizes(text, 1, lexicon)).toEqual([{ mb: 300, bound: 'about', said: expect.any(String), index: expect.any(Number) }]);
  });

  it.each(['300 MB', 'thunder 300 MB', 'only 300 MB', 'exactly 300 MB'])('reads %j as the figure itself', (text) => {
    expect(findSizes(text, 1, lexicon)).toEqual([{ mb: 300, said: '300 MB', index: expect.any(Number) }]);
  });

  it.each([
    ['0,4 GB', '0,4 GB'],
    ['249MB', '249 MB'],
    ['three hundred MB', 'three hundred MB'],
    ['about 0.6GB', '0.6 GB'],
  ])('keeps %j as written, for replies: %j', (text, said) => {
    expect(findSizes(text, 1, lexicon)[0].said).toBe(said);
  });

  it('says nothing of a bare number, which has no unit to repeat', () => {
    expect(findSizes("400", 1, lexicon)[0].said).toBeUndefined();
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

  it('does not read the divisor of a PowerShell division as a size, and reads its many decimals', () => {
    expect(mb("(Get-Volume -FileSystemLabel 'Recovery').SizeRemaining / 1MB 371.8046875", 1)).toEqual([371.805]);
    expect(mb('5057589 / rebooted since / 300MB free on recovery', null)).toEqual([300]);
  });

  it('reads a bare figure too big for megabytes as the bytes a tool prints', () => {
    expect(mb('104857600', 1)).toEqual([100]);
    expect(mb('SizeRemaining : 104857600 Size : 554696704', 1)).toEqual([100, 529]);
    expect(mb('65536', 1)).toEqual([65536]);
  });

  it.each(['printer on 3rd floor', 'every 10 min', 'KB5057589', '0x80070643'])('finds no size in %j', (text) => {
    expect(mb(text, null)).toEqual([]);
  });
});

describe('saysNoSpace', () => {
  it.each(['no free space at all', 'none', 'zero', "it's full", 'nothing left'])('hears %j as no space', (text) => {
    expect(saysNoSpace(tokenize(text), lexicon)).toBe(true);
  });

  it.each(['400 MB', 'no idea', 'plenty of space'])('does not hear %j as no space', (text) => {
    expect(saysNoSpace(tokenize(text), lexicon)).toBe(false);
  });
});
