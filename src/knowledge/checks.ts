/**
 * Checks that need the whole entry: references between flow, questions and replies, the
 * spelling of update ids and error codes, and regular expressions that could hang the bot.
 */
import { canonicalErrorCode, canonicalUpdateId } from '../matching/signals';
import { words } from '../matching/words';
import type { KnowledgeProblem } from './problems';
import { QUESTION_NAME, type ConditionDefinition, type EntryDefinition, type PhraseDefinition, type QuestionDefinition } from './schema';
import { regexProblem } from './regexSafety';
import { missingParts } from './sharedQuestions';
import { closest } from './suggest';

type ProblemFactory = (code: string, path: ReadonlyArray<PropertyKey>, message: string, hint?: string, key?: string) => KnowledgeProblem;

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

/** Every cross-reference problem of one schema-valid entry. */
export function checkEntry(entry: EntryDefinition, problem: ProblemFactory): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const questions = entry.questions ?? {};
  const questionNames = Object.keys(questions);
  const replyNames = Object.keys(entry.replies);
  const declared = (names: string[]) => (names.length > 0 ? names.join(', ') : 'none');

  for (const name of questionNames) {
    if (!QUESTION_NAME.test(name)) {
      problems.push(problem('bad-name', ['questions'], `question name "${name}" must use lowercase letters, digits and _`, 'e.g. recovery_free_mb', name));
    }
    problems.push(...checkQuestionPhrases(questions[name], ['questions', name], problem));
    problems.push(...missingParts(name, questions[name], problem));
  }

  checkMatch(entry, problem, problems);
  problems.push(...checkPhraseList(entry.symptom?.phrases, ['symptom', 'phrases'], problem));

  entry.flow.forEach((rule, i) => {
    const path = ['flow', i];
    for (const [name, condition] of Object.entries(rule.when ?? {})) {
      const question = questions[name];
      if (!question) {
        const guess = closest(name, questionNames);
        problems.push(
          problem('unknown-question', [...path, 'when'], `unknown question "${name}" (declared: ${declared(questionNames)})`, guess ? `did you mean "${guess}"?` : 'declare it under questions:', name),
        );
        continue;
      }
      const mismatch = conditionMismatch(question, condition);
      if (mismatch) problems.push(problem('wrong-condition', [...path, 'when', name], mismatch));
    }
    const actions = (['resolve', 'escalate', 'say'] as const).filter((a) => rule[a] !== undefined);
    if (actions.length !== 1) {
      problems.push(
        problem('rule-action', path, actions.length === 0 ? 'the rule does nothing' : `the rule has ${actions.join(' and ')}; give it exactly one`, 'each rule has exactly one of resolve, escalate, or say with then_ask'),
      );
    }
    if (rule.say !== undefined && rule.then_ask === undefined) {
      problems.push(problem('rule-action', [...path, 'say'], 'say needs then_ask: the question to ask again after the message'));
    }
    if (rule.then_ask !== undefined) {
      const target = questions[rule.then_ask];
      if (rule.say === undefined) problems.push(problem('rule-action', [...path, 'then_ask'], 'then_ask goes with say'));
      if (!target) {
        problems.push(problem('unknown-question', [...path, 'then_ask'], `unknown question "${rule.then_ask}" (declared: ${declared(questionNames)})`));
      } else if (target.type === 'flag') {
        problems.push(problem('unknown-question', [...path, 'then_ask'], `"${rule.then_ask}" is a flag; flags are never asked`));
      }
    }
    for (const action of ['resolve', 'escalate', 'say'] as const) {
      const reply = rule[action];
      if (reply !== undefined && !entry.replies[reply]) {
        const guess = closest(reply, replyNames);
        problems.push(problem('unknown-reply', [...path, action], `unknown reply "${reply}" (replies: ${declared(replyNames)})`, guess ? `did you mean "${guess}"?` : 'add it under replies:'));
      }
    }
  });

  for (const [name, text] of Object.entries(entry.replies)) {
    for (const m of text.matchAll(PLACEHOLDER)) {
      if (!questions[m[1]]) {
        problems.push(problem('unknown-placeholder', ['replies', name], `{${m[1]}} is not a question (declared: ${declared(questionNames)})`, 'placeholders name questions, e.g. {recovery_free_mb}'));
      }
    }
  }
  return problems;
}

function checkMatch(entry: EntryDefinition, problem: ProblemFactory, problems: KnowledgeProblem[]): void {
  const m = entry.match;
  (m.updates ?? []).forEach((u, i) => {
    if (!canonicalUpdateId(u)) problems.push(problem('bad-update-id', ['match', 'updates', i], `"${u}" is not an update id`, 'write it as KB5057589 (6 or 7 digits), or "*" for any unlisted update'));
  });
  (m.errors ?? []).forEach((e, i) => {
    if (!canonicalErrorCode(e)) problems.push(problem('bad-error-code', ['match', 'errors', i], `"${e}" is not an error code`, 'write it as 0x80070643 (8 hex digits), its decimal form, or a known name such as ERROR_INSTALL_FAILURE'));
  });
  (m.phrases ?? []).forEach((p, i) => {
    if (words(p).length === 0) problems.push(problem('empty-phrase', ['match', 'phrases', i], `"${p}" has no words to match`));
  });
  const ex = m.exclude;
  (ex?.updates ?? []).forEach((u, i) => {
    if (!canonicalUpdateId(u) || u.trim() === '*') problems.push(problem('bad-update-id', ['match', 'exclude', 'updates', i], `"${u}" is not an update id`, 'write it as KB5034441'));
  });
  (ex?.errors ?? []).forEach((e, i) => {
    if (!canonicalErrorCode(e)) problems.push(problem('bad-error-code', ['match', 'exclude', 'errors', i], `"${e}" is not an error code`));
  });
  problems.push(...checkPhraseList(ex?.phrases, ['match', 'exclude', 'phrases'], problem));
  const present = { updates: (m.updates ?? []).length > 0, errors: (m.errors ?? []).length > 0, phrases: (m.phrases ?? []).length > 0 };
  if (!present.updates && !present.errors && !present.phrases) {
    problems.push(problem('nothing-to-match', ['match'], 'the entry matches nothing', 'list updates, errors or phrases'));
  }
  for (const key of ['require_any', 'require_all'] as const) {
    (m[key] ?? []).forEach((kind, i) => {
      if (!present[kind]) problems.push(problem('empty-requirement', ['match', key, i], `requires ${kind}, but match.${kind} is empty`));
    });
  }
}

function checkQuestionPhrases(question: QuestionDefinition, path: PropertyKey[], problem: ProblemFactory): KnowledgeProblem[] {
  const lists: Array<[string, PhraseDefinition[] | undefined]> =
    question.type === 'yes_no'
      ? [['yes_when', question.yes_when], ['no_when', question.no_when]]
      : question.type === 'size'
        ? [['context', question.context], ['not_about', question.not_about]]
        : [['when', question.when]];
  return lists.flatMap(([key, list]) => checkPhraseList(list, [...path, key], problem));
}

/** Each phrase of a list has words to match; each regex compiles and cannot backtrack badly. */
function checkPhraseList(list: PhraseDefinition[] | undefined, path: PropertyKey[], problem: ProblemFactory): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  (list ?? []).forEach((phrase, i) => {
    const at = [...path, i];
    if (typeof phrase === 'string') {
      if (words(phrase).length === 0) problems.push(problem('empty-phrase', at, `"${phrase}" has no words to match`));
      return;
    }
    const bad = regexProblem(phrase.regex);
    if (bad) problems.push(problem(bad.code, [...at, 'regex'], bad.message, bad.hint));
  });
  return problems;
}

function conditionMismatch(question: QuestionDefinition, condition: ConditionDefinition): string | undefined {
  const isYesNo = typeof condition === 'boolean' || condition === 'yes' || condition === 'no';
  switch (question.type) {
    case 'yes_no':
      return isYesNo ? undefined : 'a yes/no question is tested with yes or no';
    case 'flag':
      return typeof condition === 'boolean' ? undefined : 'a flag is tested with true or false';
    case 'size':
      return isYesNo ? 'a size is tested with { below: N } or { at_least: N }' : undefined;
  }
}
