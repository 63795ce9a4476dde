import { readTurn } from '../../src/dialogue/slots';
import { normalizeText } from '../../src/matching/normalize';
import { FALSE_ERROR, shippedKnowledge } from '../helpers/knowledge';

const entry = shippedKnowledge().get(FALSE_ERROR)!;
const lexicon = shippedKnowledge().lexicon;
const read = (text: string, pending: string | null = null) => readTurn(entry, lexicon, normalizeText(text), pending);

describe('a "yes" the employee only mentions', () => {
  it.each([
    'does the PC need to be rebooted?',
    'will it go away after a restart?',
    'I restarted the windows update service',
    'Rebooted: no.',
    'No. I restarted',
  ])('is not read as restarted in %j', (text) => {
    expect(read(`KB5057589 failed. ${text}`).filled.rebooted).toBeUndefined();
  });

  it.each([
    'sure, will do it after lunch',
    'yes I will restart now',
    "yeah it's showing 'Restart required'",
    'Yes, it asked me to restart but I clicked postpone',
    'ok, will get it done tonight',
    'it might have restarted overnight',
    "i don't think it was restarted",
    'yes, right before the update started',
    'I did a shutdown yesterday',
    'I restarted this morning before it came in',
    'yes on Friday, the update failed on Monday though',
  ])('is heard as "not sure" when answering the question: %j', (text) => {
    expect(read(text, 'rebooted')).toEqual({ filled: {}, dontKnow: true });
  });

  it.each([
    'yes',
    'yes I restarted',
    'done, rebooted',
    'I rebooted and the recovery partition has 600 MB free',
    'KB5057589 error even after restart',
    'yes, I restarted. what should I do now?',
    'KB5057589 keeps failing, I already rebooted twice, what should I do?',
    'yes, restarted after the update failed on Monday',
    'yes restarted twice, never had problems before',
    "yes, restarted it before my 9 o'clock",
    'Yes I did, twice actually',
    'did a `shutdown /r /t 0` right after, so yes',
  ])(
    'still reads a stated restart: %j',
    (text) => {
      expect(read(text, 'rebooted').filled.rebooted).toEqual({ type: 'yes_no', value: 'yes' });
    },
  );

  it.each(["wait, actually I didn't restart yet, it was only sleep mode", "haven't restarted", 'Yes. Well, I closed the lid, does that count?'])('reads %j as no', (text) => {
    expect(read(text).filled.rebooted).toEqual({ type: 'yes_no', value: 'no' });
  });
});

describe('a size the employee only mentions', () => {
  it.each([
    'how do I check if the recovery partition has 250 MB free?',
    'recovery partition needs at least 250 MB, mine should be 500 MB',
    "the recovery partition had 400 MB free before the update, now I don't know",
    "the recovery partition? it's not 300 MB, more like 30",
    'recovery partition: 300 MB used',
    'diskpart says: Partition 4    Recovery           529 MB   237 GB',
    'recovery partition: 529 MB, 480 MB used',
  ])('does not fill the free space from %j', (text) => {
    expect(read(text).filled.recovery_free_mb).toBeUndefined();
  });

  it('is stated when only another clause asks something', () => {
    expect(read('KB5057589 failed, recovery partition has 600 MB free, is it safe to ignore?').filled.recovery_free_mb).toMatchObject({ type: 'size', mb: 600 });
  });

  it.each(['my laptop has 120 GB free', 'This PC says 85 GB free', '529 MB, 480 MB used', '529 MB. It is almost full'])('is not the answer in %j', (text) => {
    expect(read(text, 'recovery_free_mb').filled.recovery_free_mb).toBeUndefined();
  });

  // The share is worked out instead (usage.test.ts): what is left, never the figure itself.
  it.each([
    ['529 MB, 95% full', 26.45],
    ['600 MB but 90 % used', 60],
  ])('is not the answer in %j, what is left of it is', (text, mb) => {
    expect(read(text, 'recovery_free_mb').filled.recovery_free_mb).toMatchObject({ type: 'size', mb, bound: 'about' });
  });

  it.each([
    ['529 MB total, 95% full, 26 MB free', 26],
    ['it is 90% used, 300 MB free', 300],
  ])('is still the figure called free beside a fullness: %j', (text, mb) => {
    expect(read(text, 'recovery_free_mb').filled.recovery_free_mb).toMatchObject({ type: 'size', mb });
  });

  it('is heard as "not sure" when answering the question', () => {
    expect(read('I guess maybe 300 MB? didn\'t check', 'recovery_free_mb')).toEqual({ filled: {}, dontKnow: true });
  });

  it.each([
    ['three hundred MB', 300],
    ['half a gig', 512],
    ['two hundred and fifty megs', 250],
    ['0,3 Go', 307.2],
  ])('reads the spelled or localized answer %j as %d MB', (text, mb) => {
    expect(read(text, 'recovery_free_mb').filled.recovery_free_mb).toMatchObject({ type: 'size', mb });
  });

  it('does not read a fraction as its denominator', () => {
    const value = read('1/8 GB', 'recovery_free_mb').filled.recovery_free_mb;
    expect(value?.type === 'size' ? value.mb : undefined).not.toBe(8192);
  });

  it.each([
    ['1/2 GB', 512],
    ['1/8 GB', 128],
    ['about 3/4 GB free', 768],
    ['262 144 KB', 256],
    ['268 435 456 bytes', 256],
  ])('reads the fraction or spaced thousands in %j as %d MB', (text, mb) => {
    expect(read(text, 'recovery_free_mb').filled.recovery_free_mb).toMatchObject({ type: 'size', mb });
  });

  it.each([
    // Spaces between thousands count only in kilobytes and bytes: this is partition 1, 200 MB.
    ['partition 1 200 MB', 200],
    // Not a share of a gigabyte.
    ['12/06 GB', undefined],
  ])('does not join or divide the figures in %j', (text, mb) => {
    const value = read(text, 'recovery_free_mb').filled.recovery_free_mb;
    expect(value?.type === 'size' ? value.mb : undefined).toBe(mb);
  });
});

describe('symptoms reported around answers', () => {
  it.each(['no it crashed', 'not yet it froze when I tried', 'yes and now wifi doesn\'t work', 'Chrome and Excel close by themselves', "reagentc /info told me it's disabled"])(
    'raise a flag for %j',
    (text) => {
      const filled = read(text).filled;
      expect(filled.system_degraded ?? filled.winre_disabled).toEqual({ type: 'flag', value: true });
    },
  );

  it.each(["yes, it hasn't bluescreened again since then", 'never had a BSOD before this update, now I got 3 today', "I've never seen it crash this often"])(
    'raise a flag for a symptom denied in form only: %j',
    (text) => {
      expect(read(text).filled.system_degraded).toEqual({ type: 'flag', value: true });
    },
  );

  it.each(['no crashes or freezes or blue screens, just the error', "I was worried it would crash but everything's fine", 'no crashes since the reboot'])('raise nothing for %j', (text) => {
    expect(read(text).filled.system_degraded).toBeUndefined();
  });
});
