import { readTurn } from '../../src/dialogue/slots';
import { normalizeText } from '../../src/matching/normalize';
import { FALSE_ERROR, shippedKnowledge } from '../helpers/knowledge';

const entry = shippedKnowledge().get(FALSE_ERROR)!;
const lexicon = shippedKnowledge().lexicon;
const read = (text: string, pending: string | null = null) => readTurn(entry, lexicon, normalizeText(text), pending).filled;

describe('sizes said without being asked', () => {
  it.each([
    ['recovery partition has 600 MB free', 600],
    ['KB5057589 failed, I rebooted and the recovery partition has 600 MB free', 600],
    ['recovery partition: 450 MB total, 50 MB free', 50],
    ['Disk Management shows 120 MB free on the recovery partition', 120],
  ])('read %j as the recovery partition: %d MB', (text, mb) => {
    expect(read(text).recovery_free_mb).toMatchObject({ type: 'size', mb });
  });

  it.each([
    'KB5057589 failed with 0x80070643, rebooted, C: drive has 50 GB free',
    'rebooted this morning, laptop has 16 GB RAM and 200 GB free on the SSD',
    'rebooted, 400 MB free',
    'the recovery partition is 1 GB',
    'recovery partition looks fine and the update is 300 MB',
  ])('do not read %j as the recovery partition', (text) => {
    expect(read(text).recovery_free_mb).toBeUndefined();
  });
});

describe('sizes given as the answer', () => {
  it('take a plain size, and no size that is about something else', () => {
    expect(read('512 MiB', 'recovery_free_mb').recovery_free_mb).toMatchObject({ type: 'size', mb: 512 });
    expect(read('the update itself is 300 MB', 'recovery_free_mb').recovery_free_mb).toBeUndefined();
    expect(readTurn(entry, lexicon, 'my disk has 120 GB free, no idea about the recovery one', 'recovery_free_mb')).toEqual({ filled: {}, dontKnow: true });
  });

  it('read "no free space at all" as none', () => {
    expect(read('no free space at all', 'recovery_free_mb').recovery_free_mb).toMatchObject({ type: 'size', mb: 0 });
  });

  it('keep the bound of a hedged answer', () => {
    expect(read('less than 1 GB', 'recovery_free_mb').recovery_free_mb).toMatchObject({ type: 'size', mb: 1024, bound: 'below' });
  });
});

describe('symptom flags', () => {
  it.each([
    'it bluescreens now',
    'it blue screened twice',
    'BSODs since then',
    'crashed again',
    'it froze twice',
    'it keeps rebooting on its own',
    'it has rebooted itself several times since',
    'after that it showed INACCESSIBLE_BOOT_DEVICE',
    'the screen goes black every few minutes',
    'now it will not power on properly',
  ])(
    'raise system_degraded for %j',
    (text) => {
      expect(read(text).system_degraded).toEqual({ type: 'flag', value: true });
    },
  );

  it('read each sentence on its own: a negation in one does not reach the next', () => {
    expect(read('No idea. It crashes every hour now').system_degraded).toEqual({ type: 'flag', value: true });
    expect(read('no crashes, but a blue screen this morning').system_degraded).toEqual({ type: 'flag', value: true });
    expect(read('no crashes or blue screens').system_degraded).toBeUndefined();
    expect(read('Restarted, PC works fine, nothing crashed.').system_degraded).toBeUndefined();
  });

  it.each(["WinRE isn't enabled", 'WinRE is off', 'reagentc /info shows WinRE not enabled', 'Windows RE status: Disabled', 'reagentc says disabled', 'winre is deactivated'])('raise winre_disabled for %j', (text) => {
    expect(read(text).winre_disabled).toEqual({ type: 'flag', value: true });
  });

  it('keep yes/no phrases to their own words: "I will restart" is no answer', () => {
    expect(read('ok I will restart it now').rebooted).toBeUndefined();
  });

  it('never skip a negation between the words of a phrase', () => {
    expect(read('KB5057589 failed, reboot done').rebooted).toEqual({ type: 'yes_no', value: 'yes' });
    expect(read('KB5057589 failed, reboot not done yet').rebooted).toBeUndefined();
    expect(read('reboot not done yet', 'rebooted').rebooted).not.toEqual({ type: 'yes_no', value: 'yes' });
  });
});

describe('an update named in a question', () => {
  it.each([
    'hi, is the KB5057589 error 0x80070643 a big deal?',
    'is the KB5057589 error (0x80070643) a false alarm? mine says failed',
    'KB5057589 keeps failing with 0x80070643 - any idea?',
    'this KB5057589 install error 0x80070643, do I have to do anything?',
    'Quick question, KB5057589 error 0x80070643 — is it the cosmetic one?',
  ])('counts as named when the question is about it: %j', (text) => {
    expect(read(text).is_kb5057589).toEqual({ type: 'yes_no', value: 'yes' });
  });

  it.each([
    'I have 0x80070643, is it KB5057589?',
    'could this be the KB5057589 one?',
    'Is KB5057589 the one that is safe to ignore?',
    'what is KB5057589?',
    'KB5057589?',
    'KB5057589 or KB5034441?',
  ])('does not count when the question guesses what it is: %j', (text) => {
    expect(read(text).is_kb5057589).toBeUndefined();
  });
});

describe('figures for some of several machines', () => {
  it('are not the answer for all of them', () => {
    expect(readTurn(entry, lexicon, normalizeText('I checked two of them, both have ~600 MB free on recovery'), 'recovery_free_mb')).toEqual({ filled: {}, dontKnow: true });
    expect(read('all of them have 600 MB free on the recovery partition').recovery_free_mb).toMatchObject({ mb: 600 });
  });
});

describe('answers in the languages of a multinational staff', () => {
  it.each([
    ['Ya reinicié el equipo después de la actualización y la partición de recuperación tiene 700 MB libres', 700],
    ['bhai restart bhi kar diya, recovery partition mein 350 MB free hai', 350],
    ['Restart zrobiony, partycja odzyskiwania ma 0,8 GB wolnego', 819.2],
  ])('read the restart and the free space in %j', (text, mb) => {
    const filled = read(text);
    expect(filled.rebooted).toEqual({ type: 'yes_no', value: 'yes' });
    expect(filled.recovery_free_mb).toMatchObject({ type: 'size', mb: expect.closeTo(mb, 1) });
  });

  it.each(["non, je n'ai pas redémarré", 'nein, nicht neu gestartet', 'nie, nie zrestartowałem'])('read %j as not restarted', (text) => {
    expect(read(text, 'rebooted').rebooted).toEqual({ type: 'yes_no', value: 'no' });
  });

  it.each(["tried restarting, now it won't get past the Dell logo", 'it hangs at the HP logo since', 'sí reinicié, pero desde entonces me sale pantallazo azul a veces', 'ja neu gestartet, seitdem hängt er beim Booten am Logo', 'Estado de Windows RE: Deshabilitado'])('hear trouble in %j', (text) => {
    const filled = read(text, 'rebooted');
    expect(filled.system_degraded ?? filled.winre_disabled).toEqual({ type: 'flag', value: true });
  });

  it.each([['500 Mo', 500], ['0,2 Go', 204.8], ['como 200 megas', 200]])('read the size %j', (text, mb) => {
    expect(read(text, 'recovery_free_mb').recovery_free_mb).toMatchObject({ mb: expect.closeTo(mb, 1) });
  });
});

describe('a question after a stated answer', () => {
  it('leaves the answer stated when a dash sets the question apart', () => {
    expect(read('it says 300 MB — is that enough?', 'recovery_free_mb').recovery_free_mb).toMatchObject({ mb: 300 });
    expect(read('300 MB, is that enough?', 'recovery_free_mb').recovery_free_mb).toMatchObject({ mb: 300 });
    expect(read('between 200 - 300 MB', 'recovery_free_mb').recovery_free_mb).toMatchObject({ mb: 200, bound: 'between' });
  });

  it('does not take "WinRE isn\'t disabled" for WinRE disabled', () => {
    expect(read("yes restarted. WinRE isn't disabled, I checked", 'rebooted').winre_disabled).toBeUndefined();
    expect(read('yes restarted. WinRE is disabled', 'rebooted').winre_disabled).toEqual({ type: 'flag', value: true });
  });

  it('does not take the restart Windows Update does overnight for trouble', () => {
    expect(read('I think so? it usually restarts itself overnight', 'rebooted').system_degraded).toBeUndefined();
    expect(read('yes but it restarts itself every hour', 'rebooted').system_degraded).toEqual({ type: 'flag', value: true });
  });
});

describe('a restart with a time of its own', () => {
  const readAfter = (earlier: string, text: string) => readTurn(entry, lexicon, normalizeText(text), 'rebooted', normalizeText(earlier));

  it.each([
    ['KB5057589 failed this afternoon', 'yes restarted this morning'],
    ['KB5057589 0x80070643 - failed 4/9/2025 2:30 PM per update history', 'System Boot Time: 4/8/2025, 7:58:03 AM, so yes it has been rebooted'],
  ])('is not a restart since the update when the update has a time too: %j, %j', (earlier, text) => {
    expect(readAfter(earlier, text)).toEqual({ filled: {}, dontKnow: true });
  });

  it.each([
    ['KB5057589 failed at 10:30', 'yes, at 9 when I got in'],
    ['KB5057589 error showed up this morning', 'the PC restarted itself overnight'],
    ['KB5057589 failed on Wednesday', 'yes, rebooted Monday'],
  ])('is not one when its time comes first or cannot be ordered: %j, %j', (earlier, text) => {
    expect(readAfter(earlier, text).filled.rebooted).toBeUndefined();
  });

  it('is one when its day or part of the day is later than the update\'s', () => {
    expect(readAfter('KB5057589 failed on tuesday', 'yes, rebooted wednesday morning').filled.rebooted).toEqual({ type: 'yes_no', value: 'yes' });
    expect(readAfter('KB5057589 failed this morning', 'yes restarted this afternoon').filled.rebooted).toEqual({ type: 'yes_no', value: 'yes' });
    expect(readAfter('KB5057589 0x80070643 - it failed at 9:15 this morning', 'restarted at 10 when I came back from coffee').filled.rebooted).toEqual({ type: 'yes_no', value: 'yes' });
    expect(readAfter('KB5057589 showed failed 0x80070643 yesterday', 'it restarted by itself overnight for updates').filled.rebooted).toEqual({ type: 'yes_no', value: 'yes' });
  });

  it('is one when it says it came after, or when the update has no time', () => {
    expect(readAfter('KB5057589 failed this afternoon', 'yes restarted after it failed').filled.rebooted).toEqual({ type: 'yes_no', value: 'yes' });
    expect(readAfter('KB5057589 failed', 'yes restarted this morning').filled.rebooted).toEqual({ type: 'yes_no', value: 'yes' });
  });

  it('is held back inside one message that gives both times', () => {
    expect(read('KB5057589 failed 0x80070643. I rebooted Monday morning; the update failed Tuesday afternoon.').rebooted).toBeUndefined();
  });
});
