/**
 * The shape of one knowledge entry, as support leads write it in YAML. The JSON Schema in
 * `schema/knowledge-entry.schema.json` is generated from this (npm run schema) so editors
 * autocomplete exactly what the loader accepts; a test keeps the two in step.
 */
import { z } from 'zod/v4';

const NAME = /^[a-z][a-z0-9_]*$/;
const ENTRY_ID = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;

const regexPhrase = z
  .strictObject({
    regex: z.string().min(1).describe('A JavaScript regular expression tested against the lowercased message (no flags).'),
  })
  .describe('A regular expression instead of words. Patterns that can backtrack catastrophically are refused.');

/** Words or phrases found in a message (typo-tolerant for words of 5+ letters), or a regex. */
const phraseList = z.array(z.union([z.string().min(1), regexPhrase]));

const signalKind = z.enum(['updates', 'errors', 'phrases']);

const exclude = z
  .strictObject({
    other_updates: z.boolean().optional().describe('Refuse this entry when the message names an update that is not in match.updates.'),
    other_errors: z.boolean().optional().describe('Refuse this entry when the message names an error code that is not in match.errors.'),
    updates: z.array(z.string()).optional().describe('Update ids that refuse this entry.'),
    errors: z.array(z.string()).optional().describe('Error codes that refuse this entry.'),
    phrases: phraseList.optional().describe('Phrases that refuse this entry, or regexes (`- regex: ...`, tested against the lowercased message) where the words alone would say too little, such as "2025-09" against a date.'),
  })
  .describe('Signals that rule this entry out, whatever else matched.');

const match = z
  .strictObject({
    updates: z
      .array(z.string())
      .optional()
      .describe('Update ids (KB5057589, kb 5057589 and 5057589 are the same). "*" means any update that no other entry lists.'),
    errors: z.array(z.string()).optional().describe('Error codes in any spelling: 0x80070643, 80070643, 2147944003, -2147023293, ERROR_INSTALL_FAILURE.'),
    phrases: z
      .array(z.string().min(1))
      .optional()
      .describe('What people call the problem. All words of a phrase must appear close together, in any order (a phrase of numbers only: as written); stems and small typos count.'),
    require_any: z
      .array(signalKind)
      .min(1)
      .optional()
      .describe('The entry applies only when one of these kinds of signal matched (default: any kind). Others alone only make it a candidate, and the bot asks.'),
    require_all: z.array(signalKind).min(1).optional().describe('The entry applies only when every one of these kinds of signal matched.'),
    exclude: exclude.optional(),
  })
  .describe('How messages are recognised.');

const choice = z.strictObject({
  label: z.string().min(1).describe('Button text.'),
  answer: z.string().min(1).describe('What the button answers, read like a typed answer (e.g. "less than 250 MB").'),
});

/** A shared question (knowledge/shared/questions.yaml) this one is built on. */
const sharedRef = z
  .string()
  .min(1)
  .optional()
  .describe('Name of a shared question in knowledge/shared/questions.yaml to build on: its words come after this question\'s own, and what this question leaves out is taken from it.');

/** Readers special to one kind of question, chosen by name (never by the words of a phrase). */
export const YES_NO_READERS = ['restart_since_update'] as const;

const yesNoQuestion = z.strictObject({
  type: z.literal('yes_no'),
  shared: sharedRef,
  reader: z
    .enum(YES_NO_READERS)
    .optional()
    .describe('restart_since_update: a "yes" counts only when the restart can be put after the update ("restarted this morning" after "it failed this afternoon" is asked again).'),
  ask: z.string().min(1).optional().describe('The question as the bot asks it (required unless shared gives it).'),
  yes_when: phraseList.optional().describe('Phrases that answer yes wherever they appear (a negation before them answers no).'),
  no_when: phraseList.optional().describe('Phrases that answer no wherever they appear.'),
  help: z.string().min(1).optional().describe('Shown when the employee does not know the answer; the question is then asked again.'),
});

/** Readers special to a size question, chosen by name. */
export const SIZE_READERS = ['free_space_from_usage'] as const;

const sizeQuestion = z.strictObject({
  type: z.literal('size'),
  shared: sharedRef,
  reader: z
    .enum(SIZE_READERS)
    .optional()
    .describe('free_space_from_usage: free space is also worked out from used, total or full figures and from pasted Disk Management, Get-Volume and fsutil output.'),
  ask: z.string().min(1).optional().describe('The question as the bot asks it (required unless shared gives it).'),
  unit: z.enum(['MB', 'GB']).optional().describe('Unit of the numbers in flow conditions and of a bare number typed as an answer (default MB).'),
  context: phraseList
    .optional()
    .describe('Words that must stand in the same clause as a size for it to count when it was not asked for (e.g. recovery partition).'),
  not_about: phraseList
    .optional()
    .describe('Words that show a size is about something else (e.g. C: drive, RAM): a size in the same clause is never taken as the answer, asked for or not.'),
  choices: z.array(choice).optional().describe('Buttons offered with the question; free text is always accepted too.'),
  help: z.string().min(1).optional(),
});

const flagQuestion = z.strictObject({
  type: z.literal('flag'),
  shared: sharedRef,
  when: phraseList.min(1).optional().describe('Phrases that raise the flag (a negation before them does not). Flags are never asked. Required unless shared gives them.'),
});

export const question = z.discriminatedUnion('type', [yesNoQuestion, sizeQuestion, flagQuestion]);

/** knowledge/shared/questions.yaml: questions and flags any entry may build on, by name. */
export const sharedQuestionsSchema = z.record(z.string(), question);

const condition = z.union([
  z.boolean(),
  z.enum(['yes', 'no']),
  z.strictObject({ below: z.number().describe('True when the size is under this many units.') }),
  z.strictObject({ at_least: z.number().describe('True when the size is this many units or more.') }),
]);

const rule = z
  .strictObject({
    when: z
      .record(z.string(), condition)
      .optional()
      .describe('Conditions on answers, all of which must hold; omit for a rule that always applies.'),
    resolve: z.string().optional().describe('Name of the reply that resolves the conversation.'),
    escalate: z.string().optional().describe('Name of the reply sent when handing over to a person; it is also the escalation reason.'),
    say: z.string().optional().describe('Name of a reply to send before asking then_ask again.'),
    then_ask: z.string().optional().describe('With say: the question to ask again (its answer is forgotten).'),
  })
  .describe('One row of the decision table. Rows are tried in order; the first whose conditions hold acts.');

const symptom = z
  .strictObject({
    lexicon: z
      .array(z.string().min(1))
      .optional()
      .describe('Keys of the shared lexicon (knowledge/shared/lexicon) whose words describe this issue, e.g. update_failure.'),
    phrases: phraseList.optional().describe('More words of this issue\'s own symptom, beyond the lexicon keys.'),
  })
  .describe(
    'How employees describe this issue itself ("it failed again"). Before a resolution, every clause the employee wrote must be accounted for: trouble in these words, said of nothing but the issue, is the issue; any other trouble holds the all-clear back.',
  );

const exampleConversation = z.strictObject({
  turns: z.array(z.string().min(1)).min(1).describe('What the employee types, in order.'),
  outcome: z.enum(['resolved', 'escalated', 'pending', 'no_match']).describe('Where the conversation must end after the last turn.'),
  entry: z
    .string()
    .nullable()
    .optional()
    .describe('The entry it must end in (default: this entry, or none for no_match); null for none.'),
});

const examples = z
  .strictObject({
    match: z.array(z.string().min(1)).optional().describe('Messages that must land in this entry.'),
    no_match: z.array(z.string().min(1)).optional().describe('Messages that must not land in this entry.'),
    conversations: z.array(exampleConversation).optional().describe('Short scripted conversations and their expected outcome.'),
  })
  .describe('Checked by `helpdesk-bot kb test`.');

export const entrySchema = z
  .strictObject({
    id: z
      .string()
      .regex(ENTRY_ID, { message: 'ids use lowercase letters, digits and dashes (e.g. kb5057589-winre-false-error)' })
      .describe('Stable id; reports and replays name entries by it.'),
    title: z.string().min(1).describe('One line a support lead recognises.'),
    label: z.string().min(1).optional().describe('Short name on the button when the bot must ask which known issue it is.'),
    match,
    symptom: symptom.optional(),
    questions: z.record(z.string(), question).optional().describe('Typed answers the flow can use, by name.'),
    flow: z.array(rule).min(1).describe('The decision table, tried top to bottom.'),
    replies: z.record(z.string(), z.string().min(1)).describe('Reply texts by name. {question_name} is replaced by its answer.'),
    examples: examples.optional(),
  })
  .describe('A known issue the helpdesk bot recognises and answers.');

export type EntryDefinition = z.infer<typeof entrySchema>;
export type QuestionDefinition = z.infer<typeof question>;
export type RuleDefinition = z.infer<typeof rule>;
export type ConditionDefinition = z.infer<typeof condition>;
export type PhraseDefinition = string | { regex: string };
export type SignalKind = z.infer<typeof signalKind>;

/** Question names must look like this (checked with the cross-references). */
export const QUESTION_NAME = NAME;
