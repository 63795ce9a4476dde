/** What the bot says on its own behalf (entry texts come from the knowledge files). */

export const TEXTS = {
  confirmIssue: 'Is this about this known issue: {title}?',
  notConfirmed: "Then I don't know this one yet. If you'd like a person to look at it, choose \"Talk to a person\".",
  which:
    'A few known issues look like this, and the right answer depends on the update. Which update shows the error? Its KB number is in Settings › Windows Update › Update history.',
  whichHelp:
    'Open Settings › Windows Update › Update history. Each update is listed with its KB number, for example "2025-04 Safe OS Dynamic Update (KB5057589)". Which one shows the error?',
  dontKnowWhich: "I don't know",
  notUnderstood: "Sorry, I didn't catch that.",
  unsettled: 'To decide safely I need the figure itself: "{answer}" could be on either side of {limit}.',
  unitNeeded: 'To decide safely I need the unit as well. Please write the figure with it, for example "{figure} MB".',
  offerPerson: 'I\'m still not sure I understand. You can answer again, or choose "Talk to a person" and I\'ll hand this to IT support.',
  handedOver: "I've passed this to IT support with everything you told me, so you won't need to repeat it. Someone will get back to you here.",
  askedForPerson: "Sure, a person will take it from here.",
  notUnderstoodTwice: "I couldn't understand the answers, so a person will take it from here rather than me guessing.",
  dontKnowTwice: "Without that answer I can't tell what's safe to do, so a person will take it from here.",
  conflicting: "What you've told me now doesn't fit the issue I was helping with, so a person will take it from here rather than me guessing.",
  noRule: "I can't decide safely from these answers, so a person will take it from here.",
  heldBack:
    'You also wrote “{clause}”. That is not part of the known issue I was checking ({label}), so I won\'t tell you to ignore anything until a person has looked at it.',
  reopened: 'Thanks for telling me: that changes my answer, and the error may not be harmless after all, so a person will take it from here.',
  confirmed: "Yes: on what you told me, this is the harmless case and you can leave it. If anything changes, tell me here and I'll get you a person.",
  withSupport: 'IT support already has this conversation and will get back to you here. If anything has changed, tell them when they do.',
  entryRemoved: 'The guidance I was following for this issue has just been withdrawn, so a person will take it from here.',
  noMatch:
    "I don't know this one yet. I can help with known Windows Update errors (for example KB5057589 failing with 0x80070643). If you'd like a person to look at it, choose \"Talk to a person\".",
  tooLong: 'That message is too long for me to read. Please send the error code and the update it appears on (for example "KB5057589 fails with 0x80070643").',
} as const;

export const EXAMPLES = {
  yes_no: '"yes" or "no"',
  size: '"300 MB" or "0.5 GB"',
} as const;
