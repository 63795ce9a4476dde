import { wantsPerson } from '../../src/dialogue/intents';

describe('wantsPerson', () => {
  it.each([
    'can I get a real person',
    'talk to a human pls',
    'get me a support agent pls',
    'just connect me to IT staff',
    'can a person look at this?',
    'no idea. can a person check it for me?',
    'please open an incident for me',
    'I need someone from IT',
    'forward this to support',
    "I'd like to talk to the service desk",
    'can i chat with a real tech?',
    'just open a ticket please',
  ])('hears %j', (text) => {
    expect(wantsPerson(text)).toBe(true);
  });

  it.each([
    "no, I don't need to talk to a person",
    'I forgot my password, can you reset it?',
    'how do I connect to the VPN?',
    'the agent service keeps crashing',
    'my ticket number is INC123, is it still open?',
    'restart the PC, then someone will check',
  ])('does not hear %j', (text) => {
    expect(wantsPerson(text)).toBe(false);
  });
});
