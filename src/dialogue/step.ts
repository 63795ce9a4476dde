/**
 * One turn of a conversation, as a pure function: (state, message, knowledge) → (new state,
 * replies, outcome). Stores, clocks and sinks stay outside, in the bot that calls it.
 */
import type { CompiledEntry, CompiledQuestion, KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Lexicon } from '../knowledge/lexicon';
import { accountFor, type ClauseAccount } from '../reading/accounting';
import { saysAny } from '../reading/says';
import { exclusionsFor, matchMessage, type MatchResult } from '../matching/matcher';
import { nearMiss } from '../matching/nearMiss';
import { normalizeText } from '../matching/normalize';
import { tokenize, type Token } from '../matching/words';
import type { EscalationRecord, IncomingMessage, Outcome, Reply, ReplyOption } from '../messages';
import { findSizes, parseYesNo, saysDontKnow, unitOnly } from './answers';
import { evaluateTable } from './decisionTable';
import { asksToConfirm, closesResolution } from './closing';
import { TALK_TO_PERSON, wantsPerson } from './intents';
import { asksAboutRestart, describeSlot, readTurn } from './slots';
import { CONFIRM, STATE_VERSION, WHICH, type ConversationState, type SlotValue } from './state';
import { EXAMPLES, TEXTS } from './texts';

export interface StepResult {
  /** The state to keep; null when the conversation ended (or never started). */
  state: ConversationState | null;
  outcome: Outcome;
  entryId: string | null;
  replies: Reply[];
  escalation?: EscalationRecord;
  /** How the message was matched, when it was (for explanations and logs). */
  match: MatchResult | null;
  /** The message continued a conversation that looked finished (unmatched, or resolved). */
  followUp?: true;
}

/** How many misunderstood answers in a row before a person takes over. */
const MAX_MISUNDERSTOOD = 3;
/** How many "I don't know" answers to one question before a person takes over. */
const MAX_DONT_KNOW = 2;
/** How long after a hand-off anything the employee writes is taken as added to it. */
const HOLD_AFTER_ESCALATION_MS = 30 * 60 * 1000;
/** The most known issues offered as buttons when the bot asks which one it is. */
const MAX_CHOICES = 5;

/** What a turn may take from outside: the time, and fresh ids (kept out so `step` stays pure). */
export interface StepContext {
  now: Date;
  /** A new unique id, for escalation records (their idempotency key downstream). */
  newId: () => string;
}

/** The time of this turn, the id source, and the lexicon, handed down to whatever builds records or resolves. */
interface TurnMoment {
  at: string;
  newId: () => string;
  lexicon: Lexicon;
}

/** One turn, worked out once and read by every route. */
interface Turn {
  previous: ConversationState | null;
  message: IncomingMessage;
  normalized: string;
  tokens: Token[];
  kb: KnowledgeBase;
  t: TurnMoment;
  context: StepContext;
  askedForPerson: boolean;
  /**
   * Where the bot has not engaged (nothing matched), only a plain request counts: in a help
   * channel, "can someone look at this?" under an unmatched question is meant for colleagues.
   */
  askedPlainly: boolean;
}

/** A route: when it applies and what it does. A route may pass (null) to those after it. */
interface Route {
  name: string;
  when: (turn: Turn) => boolean;
  handle: (turn: Turn) => StepResult | null;
}

/** Whether a conversation in this phase is over, so that a new message starts afresh unless it follows up. */
function finished(phase: ConversationState['phase']): boolean {
  return phase === 'unmatched' || phase === 'resolved' || phase === 'escalated';
}

/** The routes of a turn, in order: the first that applies and does not pass decides. */
const ROUTES: readonly Route[] = [
  { name: 'a plain request for a person after an unmatched message', when: (u) => u.previous?.phase === 'unmatched' && u.askedPlainly, handle: personAfterUnmatched },
  { name: 'a message after a resolution', when: (u) => u.previous?.phase === 'resolved', handle: afterResolution },
  { name: 'a message after a hand-off', when: (u) => u.previous?.phase === 'escalated', handle: afterEscalation },
  { name: 'a new conversation', when: (u) => !u.previous || finished(u.previous.phase), handle: startConversation },
  { name: 'which known issue it is', when: (u) => u.previous?.phase === 'choosing', handle: (u) => choose(continued(u), u) },
  { name: 'whether a near miss is the issue', when: (u) => u.previous?.phase === 'confirming', handle: (u) => confirm(continued(u), u) },
  { name: 'an answer to the entry being followed', when: () => true, handle: answer },
];

/** Runs one employee message through the conversation. */
export function step(previous: ConversationState | null, message: IncomingMessage, kb: KnowledgeBase, context: StepContext): StepResult {
  const normalized = normalizeText(message.text);
  const turn: Turn = {
    previous,
    message,
    normalized,
    tokens: tokenize(normalized),
    kb,
    t: { at: context.now.toISOString(), newId: context.newId, lexicon: kb.lexicon },
    context,
    askedForPerson: wantsPerson(normalized, kb.lexicon, 'conversation'),
    askedPlainly: wantsPerson(normalized, kb.lexicon, 'unprompted'),
  };
  for (const route of ROUTES) {
    if (!route.when(turn)) continue;
    const result = route.handle(turn);
    if (result) return result;
  }
  // The last route always applies and never passes.
  throw new Error('no route handled the turn');
}

/** The previous state carried into this turn, with the message added. */
function continued({ previous, message, t }: Turn): ConversationState {
  const state: ConversationState = structuredClone(previous!);
  state.transcript.push({ from: 'employee', text: message.text, at: t.at });
  state.updatedAt = t.at;
  if (message.link) state.link = message.link;
  return state;
}

/** "Can someone look at this?" after a message the bot could not match: a person takes the question. */
function personAfterUnmatched({ previous, message, t }: Turn): StepResult {
  const state: ConversationState = structuredClone(previous!);
  state.transcript.push({ from: 'employee', text: message.text, at: t.at });
  return { ...escalate(state, null, 'asked_for_person', TEXTS.askedForPerson, t, null), followUp: true };
}

/** A first message, or one after a finished conversation that did not follow up on it. */
function startConversation({ message, kb, t, askedForPerson, askedPlainly }: Turn): StepResult {
  const match = matchMessage(kb, message.text);
  const decision = match.decision;
  const state = newState(message, t.at);
  if (decision.kind === 'none' && !askedPlainly) {
    // Close to one known issue but short of what it requires: asked, never assumed.
    const near = nearMiss(kb, match);
    if (near) return confirmQuestion(state, near, t, match);
    state.phase = 'unmatched';
    return { state, outcome: 'no_match', entryId: null, replies: [], match };
  }
  if (decision.kind === 'match') {
    const entry = kb.get(decision.entryId)!;
    enterEntry(state, entry, kb.lexicon, [message.text]);
    if (askedForPerson) return escalate(state, entry, 'asked_for_person', TEXTS.askedForPerson, t, match);
    return advance(state, entry, t, match);
  }
  if (askedForPerson) return escalate(state, null, 'asked_for_person', TEXTS.askedForPerson, t, match);
  // decision.kind === 'ambiguous'
  state.phase = 'choosing';
  // Beyond a handful, buttons stop helping (a common error code can sit on hundreds of
  // entries): then the bot only asks for the KB number, which the next match reads.
  const choices = decision.kind === 'ambiguous' ? decision.entryIds : [];
  state.candidates = choices.length <= MAX_CHOICES ? choices : [];
  state.pending = WHICH;
  return ask(state, whichQuestion(state, kb, TEXTS.which), null, t, match);
}

/** A message in a conversation following an entry: its answers, read and weighed. */
function answer(turn: Turn): StepResult {
  const { message, normalized, tokens, kb, t, askedForPerson } = turn;
  const state = continued(turn);
  const entry = state.entryId ? kb.get(state.entryId) : undefined;
  if (!entry) return escalate(state, null, 'entry_removed', TEXTS.entryRemoved, t, null);
  if (askedForPerson) return escalate(state, entry, 'asked_for_person', TEXTS.askedForPerson, t, null);

  // New facts can rule the entry out ("actually it's KB5034441"): then the whole conversation
  // is matched again, and the bot follows the entry that now fits or hands over.
  const match = matchMessage(kb, message.text);
  if (exclusionsFor(entry, match).length > 0) {
    const again = matchMessage(kb, employeeText(state));
    if (again.decision.kind === 'match' && again.decision.entryId !== entry.id) {
      const next = kb.get(again.decision.entryId)!;
      enterEntry(state, next, kb.lexicon, employeeTurns(state));
      return advance(state, next, t, again);
    }
    return escalate(state, entry, 'conflicting_information', TEXTS.conflicting, t, again);
  }

  const reading = readTurn(entry, kb.lexicon, normalized, state.pending, normalizeText(employeeTurns(state).slice(0, -1).join('\n')));
  // "MB, sorry!" after a figure without its unit: the figure, in that unit.
  const unitless = state.pending ? state.slots[state.pending] : undefined;
  if (Object.keys(reading.filled).length === 0 && unitless?.type === 'size' && unitless.bound === 'unitless') {
    const question = entry.questions.get(state.pending!);
    const unit = unitOnly(tokens, kb.lexicon);
    if (unit && question?.type === 'size') {
      const figure = unitless.mb / question.unitMb;
      reading.filled[question.name] = { type: 'size', mb: figure * unit.mb, said: `${figure} ${unit.word.toUpperCase()}` };
      reading.dontKnow = false;
    }
  }
  // "Actually no, I didn't": a "no" that takes back the one "yes" given so far.
  if (Object.keys(reading.filled).length === 0) Object.assign(reading.filled, takenBack(state, kb.lexicon, normalized));
  const understood = Object.keys(reading.filled).length > 0;
  remember(state, reading.filled);
  // "Not sure, and now it won't boot": what the message did say may already decide.
  const decided = understood && evaluateTable(entry, state.slots).kind === 'fire';
  if (reading.dontKnow && state.pending && !decided) {
    state.dontKnow += 1;
    const question = entry.questions.get(state.pending);
    if (state.dontKnow >= MAX_DONT_KNOW || !question || question.type === 'flag' || !question.help) {
      return escalate(state, entry, 'answer_unknown', TEXTS.dontKnowTwice, t, match);
    }
    return ask(state, questionReply(entry, question, question.help), entry, t, match);
  }
  if (!understood && state.pending) {
    state.misunderstood += 1;
    const question = entry.questions.get(state.pending);
    if (state.misunderstood >= MAX_MISUNDERSTOOD || !question || question.type === 'flag') {
      return escalate(state, entry, 'answers_not_understood', TEXTS.notUnderstoodTwice, t, match);
    }
    const text =
      state.misunderstood === 1 ? `${TEXTS.notUnderstood} ${question.ask} For example: ${EXAMPLES[question.type]}.` : `${TEXTS.offerPerson}\n\n${question.ask}`;
    return ask(state, questionReply(entry, question, text), entry, t, match);
  }
  state.misunderstood = 0;
  return advance(state, entry, t, match);
}

/**
 * A message after the bot said it is safe to ignore. A request for a person, or anything that
 * would change that answer (a symptom, "actually I didn't restart", another update), goes to a
 * person with the whole conversation, as the resolution promised; anything else starts afresh.
 */
function afterResolution(turn: Turn): StepResult | null {
  const { message, normalized, kb, t, askedForPerson } = turn;
  const previous = turn.previous!;
  const entry = previous.entryId ? kb.get(previous.entryId) : undefined;
  if (!entry) return null;
  const state: ConversationState = structuredClone(previous);
  state.phase = 'asking';
  state.transcript.push({ from: 'employee', text: message.text, at: t.at });
  state.updatedAt = t.at;
  if (askedForPerson) return { ...escalate(state, entry, 'asked_for_person', TEXTS.askedForPerson, t, null), followUp: true };
  const match = matchMessage(kb, message.text);
  // Another known issue ("KB5034441 fails too", "actually it's KB5034441") is followed as such.
  if (match.decision.kind === 'match' && match.decision.entryId !== entry.id) return null;
  const filled = correctionsAfterResolution(entry, kb.lexicon, state, normalized);
  // "Thanks! Oh, and Outlook crashes since then": trouble the answer did not cover reopens it.
  const heldBack = accountFor(entry, t.lexicon, [message.text]).heldBackBy;
  if (heldBack) {
    Object.assign(state.slots, filled);
    return { ...escalate(state, entry, 'reopened_after_resolution', TEXTS.reopened, t, match, heldBack), followUp: true };
  }
  // "Hmm actually I'm not sure that was free space": the answer it rested on is asked again.
  if (Object.keys(filled).length === 0 && saysAny(kb.lexicon, 'correction', normalized) && saysAny(kb.lexicon, 'doubt', normalized)) {
    const doubted = doubtedQuestion(entry, state, normalized);
    if (doubted) {
      delete state.slots[doubted.name];
      state.pending = doubted.name;
      state.dontKnow = 0;
      state.misunderstood = 0;
      return { ...ask(state, questionReply(entry, doubted, doubted.type === 'flag' ? '' : (doubted.help ?? doubted.ask)), entry, t, match), followUp: true };
    }
  }
  const verdict = evaluateTable(entry, { ...state.slots, ...filled });
  const stillSafe = verdict.kind === 'fire' && verdict.rule.resolve !== undefined;
  if (exclusionsFor(entry, match).length > 0 || !stillSafe) {
    Object.assign(state.slots, filled);
    return { ...escalate(state, entry, 'reopened_after_resolution', TEXTS.reopened, t, match), followUp: true };
  }
  // "Thanks!", "800 MB yes", "MB, sorry": nothing new, so the answer given stands and the
  // conversation stays resolved; anything else starts afresh.
  if (match.decision.kind === 'none' && (Object.keys(filled).length > 0 || closesResolution(normalized, kb.lexicon))) {
    Object.assign(state.slots, filled);
    state.phase = 'resolved';
    return { state, outcome: 'resolved', entryId: entry.id, replies: [], match, followUp: true };
  }
  // "So I can just ignore it then?": yes, on what was said.
  if (match.decision.kind === 'none' && asksToConfirm(normalized, kb.lexicon)) {
    const reply: Reply = { kind: 'notice', text: TEXTS.confirmed, options: [] };
    state.transcript.push({ from: 'bot', text: reply.text, at: t.at });
    state.phase = 'resolved';
    return { state, outcome: 'resolved', entryId: entry.id, replies: [reply], match, followUp: true };
  }
  return null;
}

/**
 * A message after an escalation stays with it ("yes I restarted", "it's 400 MB", "thanks"): the
 * bot does not start over on a conversation a person has taken, and says once that support has
 * it. A corrected answer ("sorry, it's 800 MB") is theirs to weigh too: a person is on it, and
 * the bot does not contradict the hand-off. Another known issue is a conversation of its own.
 */
function afterEscalation(turn: Turn): StepResult | null {
  const { message, normalized, kb, t, askedForPerson } = turn;
  const previous = turn.previous!;
  const match = matchMessage(kb, message.text);
  const decision = match.decision;
  if (decision.kind === 'match' && decision.entryId !== previous.entryId) return null;
  if (previous.entryId === null && decision.kind !== 'none') return null;
  const entry = previous.entryId ? kb.get(previous.entryId) : undefined;
  // Long after the hand-off, something else altogether ("how do I reset my password?") is a
  // question of its own; right after it, whatever the employee adds is for the person coming.
  const since = Date.parse(t.at) - Date.parse(previous.escalatedAt ?? previous.updatedAt);
  if (!askedForPerson && decision.kind === 'none' && since > HOLD_AFTER_ESCALATION_MS && !addsToEscalation(entry, kb.lexicon, normalized)) return null;
  const state: ConversationState = structuredClone(previous);
  state.transcript.push({ from: 'employee', text: message.text, at: t.at });
  state.updatedAt = t.at;
  const replies: Reply[] = [];
  if (askedForPerson || (!state.toldWithSupport && !closesResolution(normalized, kb.lexicon))) {
    const reply: Reply = { kind: 'notice', text: TEXTS.withSupport, options: [] };
    state.transcript.push({ from: 'bot', text: reply.text, at: t.at });
    state.toldWithSupport = true;
    replies.push(reply);
  }
  return { state, outcome: 'escalated', entryId: previous.entryId, replies, match, followUp: true };
}

/**
 * Whether a message reads as more of the conversation handed over: a closing, a yes or no, a
 * figure, or an answer to one of the entry's questions ("yes I restarted", "it's 120 MB",
 * "it bluescreens now").
 */
function addsToEscalation(entry: CompiledEntry | undefined, lexicon: Lexicon, normalized: string): boolean {
  if (closesResolution(normalized, lexicon) || parseYesNo(normalized, lexicon) !== null || findSizes(normalized, 1, lexicon).length > 0) return true;
  return entry !== undefined && Object.keys(readTurn(entry, lexicon, normalized, null).filled).length > 0;
}

/** Whether a message uses any word of a yes/no question's phrases, in any form ("restarted" for "restart done"). */
function speaksOf(question: Extract<CompiledQuestion, { type: 'yes_no' }>, normalized: string): boolean {
  const said = new Set(tokenize(normalized).map((t) => t.stem));
  return question.yesWhen.some((d) => (d.stems ?? []).some((s) => s.length > 3 && said.has(s)));
}

/** The question a doubt is about: the restart when it speaks of one, else the one answered last. */
function doubtedQuestion(entry: CompiledEntry, state: ConversationState, normalized: string): CompiledQuestion | undefined {
  const restart = [...entry.questions.values()].find(asksAboutRestart);
  if (restart && speaksOf(restart, normalized)) return restart;
  return state.lastAsked ? entry.questions.get(state.lastAsked) : undefined;
}

/**
 * What a message after a resolution says about the answers it rested on. Statements count as
 * anywhere ("oh wait, it bluescreens now"). A figure alone corrects the size asked last ("wait,
 * actually it was 200 MB"), and with a correction word every question is read as if just asked
 * ("sorry, I misread: not restarted yet"). A "no worries" is not a "no": yes/no answers need the
 * correction word.
 */
function correctionsAfterResolution(entry: CompiledEntry, lexicon: Lexicon, state: ConversationState, normalized: string): Record<string, SlotValue> {
  const filled = readTurn(entry, lexicon, normalized, null).filled;
  const correcting = saysAny(lexicon, 'correction', normalized);
  for (const question of entry.questions.values()) {
    if (filled[question.name]) continue;
    const direct = correcting || (question.type === 'size' && question.name === state.lastAsked);
    if (!direct) continue;
    const value = readTurn(entry, lexicon, normalized, question.name).filled[question.name];
    // Without a correction word only a figure with its unit corrects: "floor 3" is no size.
    if (value && (correcting || (value.type === 'size' && value.said !== undefined))) filled[question.name] = value;
  }
  if (Object.keys(filled).length === 0) Object.assign(filled, takenBack(state, lexicon, normalized));
  return filled;
}


/** The yes/no answer a correction takes back: only a "no", and only the latest "yes". */
function takenBack(state: ConversationState, lexicon: Lexicon, normalized: string): Record<string, SlotValue> {
  // ("750 MB, 100% free... no wait, 612 MB free" corrects a figure, not the yes.)
  if (!saysAny(lexicon, 'correction', normalized) || parseYesNo(normalized, lexicon) !== 'no' || !state.lastYes || findSizes(normalized, null, lexicon).length > 0) return {};
  const given = state.slots[state.lastYes];
  return given?.type === 'yes_no' && given.value === 'yes' ? { [state.lastYes]: { type: 'yes_no', value: 'no' } } : {};
}

/** Keeps a message's answers, and which "yes" came last (the one a correction takes back). */
function remember(state: ConversationState, filled: Record<string, SlotValue>): void {
  Object.assign(state.slots, filled);
  for (const [name, value] of Object.entries(filled)) if (value.type === 'yes_no' && value.value === 'yes') state.lastYes = name;
}

/** While the bot asked which known issue applies: read the answer, or ask again. */
function choose(state: ConversationState, { message, kb, t, askedForPerson, tokens }: Turn): StepResult {
  if (askedForPerson) return escalate(state, null, 'asked_for_person', TEXTS.askedForPerson, t, null);
  const answer = message.text.trim().toLowerCase();
  // A clicked option carries the entry's label; typed answers are matched with the whole conversation.
  const picked = state.candidates.map((id) => kb.get(id)).find((e) => e && (e.label.toLowerCase() === answer || e.id === answer));
  if (picked) {
    enterEntry(state, picked, kb.lexicon, employeeTurns(state));
    return advance(state, picked, t, null);
  }
  const match = matchMessage(kb, employeeText(state));
  // "Not sure, maybe KB5057589?" is a guess: the advice depends on the update, so the bot shows
  // where to look rather than follow it.
  const guessing = saysDontKnow(tokens, kb.lexicon) || saysAny(kb.lexicon, 'guess', normalizeText(message.text)) || /\?\s*$/.test(message.text);
  if (match.decision.kind === 'match' && !guessing) {
    const entry = kb.get(match.decision.entryId)!;
    enterEntry(state, entry, kb.lexicon, employeeTurns(state));
    return advance(state, entry, t, match);
  }
  if (guessing || answer === TEXTS.dontKnowWhich.toLowerCase()) {
    state.dontKnow += 1;
    if (state.dontKnow >= MAX_DONT_KNOW) return escalate(state, null, 'update_unknown', TEXTS.dontKnowTwice, t, match);
    return ask(state, whichQuestion(state, kb, TEXTS.whichHelp), null, t, match);
  }
  state.misunderstood += 1;
  if (state.misunderstood >= MAX_MISUNDERSTOOD) return escalate(state, null, 'answers_not_understood', TEXTS.notUnderstoodTwice, t, match);
  const example = state.candidates.map((id) => kb.get(id)?.updates.values().next().value).find(Boolean) ?? 'KB5057589';
  const text = state.misunderstood === 1 ? `${TEXTS.notUnderstood} ${TEXTS.which} For example: "${example}".` : `${TEXTS.offerPerson}\n\n${TEXTS.which}`;
  return ask(state, whichQuestion(state, kb, text), null, t, match);
}

/** Asks whether a message that nearly named one known issue is about it, with Yes and No. */
function confirmQuestion(state: ConversationState, entry: CompiledEntry, t: TurnMoment, match: MatchResult): StepResult {
  state.phase = 'confirming';
  state.candidates = [entry.id];
  state.pending = CONFIRM;
  const options: ReplyOption[] = [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }, { label: TALK_TO_PERSON, value: TALK_TO_PERSON }];
  return ask(state, { kind: 'question', text: TEXTS.confirmIssue.replace('{title}', entry.title), options, questionId: CONFIRM, acceptsText: true }, entry, t, match);
}

/**
 * The answer to "is this about ...?". A yes follows the entry as if its words had matched: its
 * questions still ask for what the message did not say (a confirmation names no update). A no
 * leaves it unmatched; anything else is read as a message of its own.
 */
function confirm(state: ConversationState, { message, normalized, kb, t, askedForPerson, context }: Turn): StepResult {
  const entry = state.candidates[0] ? kb.get(state.candidates[0]) : undefined;
  if (askedForPerson) return escalate(state, entry ?? null, 'asked_for_person', TEXTS.askedForPerson, t, null);
  const answer = parseYesNo(normalized, kb.lexicon);
  if (entry && answer === 'yes') {
    enterEntry(state, entry, kb.lexicon, employeeTurns(state));
    return advance(state, entry, t, null);
  }
  if (answer === 'no' || !entry) {
    state.phase = 'unmatched';
    state.pending = null;
    state.candidates = [];
    const reply: Reply = { kind: 'notice', text: TEXTS.notConfirmed, options: [{ label: TALK_TO_PERSON, value: TALK_TO_PERSON }] };
    state.transcript.push({ from: 'bot', text: reply.text, at: t.at });
    return { state, outcome: 'no_match', entryId: null, replies: [reply], match: null };
  }
  return step(null, message, kb, context);
}

/** Follows the entry's decision table as far as the answers allow. */
function advance(state: ConversationState, entry: CompiledEntry, t: TurnMoment, match: MatchResult | null): StepResult {
  const result = evaluateTable(entry, state.slots);
  // An all-clear is earned: everything the employee wrote must be accounted for. Once something
  // is not, "safe to ignore" can no longer come, so the bot hands over now rather than ask on
  // (an escalation the table decides goes first: its reason is the more precise).
  const escalates = result.kind === 'fire' && result.rule.escalate !== undefined;
  const heldBack = !escalates && canResolve(entry) ? accountFor(entry, t.lexicon, employeeTurns(state)).heldBackBy : null;
  if (heldBack) {
    const text = TEXTS.heldBack.replace('{clause}', quoted(heldBack.text)).replace('{label}', entry.label);
    return escalate(state, entry, 'unaccounted_trouble', text, t, match, heldBack);
  }
  if (result.kind === 'none') return escalate(state, entry, 'no_rule_applies', TEXTS.noRule, t, match);
  if (result.kind === 'ask') {
    const question = entry.questions.get(result.question)!;
    if (state.pending !== question.name) {
      state.misunderstood = 0;
      state.dontKnow = 0;
    }
    state.pending = question.name;
    const given = state.slots[question.name];
    if (result.unsettled && given) {
      // "Less than 1 GB" against a 250 MB limit: an estimate is a "don't know" with a hint.
      // A figure without its unit stays, for a unit said next ("MB, sorry!").
      const unitless = given.type === 'size' && given.bound === 'unitless';
      if (!unitless) delete state.slots[question.name];
      state.dontKnow += 1;
      if (state.dontKnow >= MAX_DONT_KNOW) return escalate(state, entry, 'answer_unknown', TEXTS.dontKnowTwice, t, match);
      // Only the unit is missing, so only the unit is asked for.
      if (unitless) {
        const figure = String(Math.round((given.mb / (question.type === 'size' ? question.unitMb : 1)) * 100) / 100);
        return ask(state, questionReply(entry, question, TEXTS.unitNeeded.replaceAll('{figure}', figure)), entry, t, match);
      }
      const said = TEXTS.unsettled.replace('{answer}', describeSlot(given)).replace('{limit}', limitsOf(entry, question.name));
      const text = `${said} ${question.type !== 'flag' ? (question.help ?? question.ask) : ''}`;
      return ask(state, questionReply(entry, question, text.trim()), entry, t, match);
    }
    return ask(state, questionReply(entry, question, question.type === 'flag' ? '' : question.ask), entry, t, match);
  }
  const rule = result.rule;
  if (rule.resolve !== undefined) {
    const reply: Reply = { kind: 'resolution', text: fill(entry.replies[rule.resolve], state.slots, entry), options: [] };
    state.transcript.push({ from: 'bot', text: reply.text, at: t.at });
    // Kept (until the idle time) so that "oh wait, it bluescreens now" reaches a person.
    state.phase = 'resolved';
    if (state.pending) state.lastAsked = state.pending;
    state.pending = null;
    return { state, outcome: 'resolved', entryId: entry.id, replies: [reply], match };
  }
  if (rule.escalate !== undefined) return escalate(state, entry, rule.escalate, fill(entry.replies[rule.escalate], state.slots, entry), t, match);
  // say + then_ask: the answer is forgotten and the question asked again with the message.
  const question = entry.questions.get(rule.then_ask!)!;
  delete state.slots[question.name];
  state.pending = question.name;
  state.misunderstood = 0;
  return ask(state, questionReply(entry, question, fill(entry.replies[rule.say!], state.slots, entry)), entry, t, match);
}

/** The thresholds the flow sets on a size question, as the employee reads them ("250 MB"). */
function limitsOf(entry: CompiledEntry, name: string): string {
  const question = entry.questions.get(name);
  const unitMb = question?.type === 'size' ? question.unitMb : 1;
  const limits = new Set<string>();
  for (const rule of entry.flow) {
    const c = rule.when?.[name];
    if (c && typeof c === 'object') limits.add(describeSlot({ type: 'size', mb: ('below' in c ? c.below : c.at_least) * unitMb }));
  }
  return [...limits].join(' or ');
}

function escalate(
  state: ConversationState,
  entry: CompiledEntry | null,
  reason: string,
  explanation: string,
  t: TurnMoment,
  match: MatchResult | null,
  heldBack?: ClauseAccount,
): StepResult {
  const reply: Reply = { kind: 'escalation', text: `${explanation}\n\n${TEXTS.handedOver}`, options: [] };
  state.transcript.push({ from: 'bot', text: reply.text, at: t.at });
  const answers: Record<string, string> = {};
  for (const [name, value] of Object.entries(state.slots)) answers[name] = describeSlot(value);
  const escalation: EscalationRecord = {
    // Unique even for two escalations of one conversation in the same millisecond.
    id: `${state.conversationId}#${t.newId()}`,
    conversationId: state.conversationId,
    channel: state.channel,
    user: state.user,
    entryId: entry?.id ?? null,
    entryTitle: entry?.title ?? null,
    reason,
    answers,
    ...(heldBack && { heldBack: { clause: heldBack.text, why: heldBack.why } }),
    transcript: [...state.transcript],
    link: state.link,
    createdAt: t.at,
  };
  // Kept (until the idle time) so that what the employee adds next stays with the escalation.
  state.phase = 'escalated';
  state.escalatedAt = t.at;
  if (state.pending && state.pending !== WHICH) state.lastAsked = state.pending;
  state.pending = null;
  return { state, outcome: 'escalated', entryId: entry?.id ?? null, replies: [reply], escalation, match };
}

function ask(state: ConversationState, reply: Reply, entry: CompiledEntry | null, t: TurnMoment, match: MatchResult | null): StepResult {
  state.transcript.push({ from: 'bot', text: reply.text, at: t.at });
  return { state, outcome: 'pending', entryId: entry?.id ?? null, replies: [reply], match };
}

function questionReply(entry: CompiledEntry, question: CompiledQuestion, text: string): Reply {
  const options: ReplyOption[] = [];
  if (question.type === 'yes_no') options.push({ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' });
  if (question.type === 'size') {
    for (const c of question.choices) options.push({ label: c.label, value: c.answer });
  }
  if (question.type !== 'flag' && question.help) options.push({ label: TEXTS.dontKnowWhich, value: TEXTS.dontKnowWhich });
  options.push({ label: TALK_TO_PERSON, value: TALK_TO_PERSON });
  return { kind: 'question', text: fill(text, {}, entry), options, questionId: `${entry.id}/${question.name}`, acceptsText: question.type === 'size' };
}

function whichQuestion(state: ConversationState, kb: KnowledgeBase, text: string): Reply {
  const options: ReplyOption[] = [];
  for (const id of state.candidates) {
    const entry = kb.get(id);
    if (entry) options.push({ label: entry.label, value: entry.label });
  }
  options.push({ label: TEXTS.dontKnowWhich, value: TEXTS.dontKnowWhich });
  options.push({ label: TALK_TO_PERSON, value: TALK_TO_PERSON });
  return { kind: 'question', text, options, questionId: WHICH, acceptsText: true };
}

function enterEntry(state: ConversationState, entry: CompiledEntry, lexicon: Lexicon, turns: string[]): void {
  state.phase = 'asking';
  state.entryId = entry.id;
  state.candidates = [];
  state.slots = {};
  delete state.lastYes;
  state.pending = null;
  state.misunderstood = 0;
  state.dontKnow = 0;
  // Everything said so far counts: what the employee already told us is never asked again.
  // Answers are read from the same normalized text as matches (Teams HTML, Slack markup).
  turns.forEach((text, i) => remember(state, readTurn(entry, lexicon, normalizeText(text), null, normalizeText(turns.slice(0, i).join('\n'))).filled));
}

function newState(message: IncomingMessage, at: string): ConversationState {
  return {
    version: STATE_VERSION,
    conversationId: message.conversationId,
    channel: message.channel,
    user: message.user,
    link: message.link,
    phase: 'asking',
    entryId: null,
    candidates: [],
    slots: {},
    pending: null,
    misunderstood: 0,
    dontKnow: 0,
    transcript: [{ from: 'employee', text: message.text, at }],
    startedAt: at,
    updatedAt: at,
  };
}

function employeeTurns(state: ConversationState): string[] {
  return state.transcript.filter((t) => t.from === 'employee').map((t) => t.text);
}

function employeeText(state: ConversationState): string {
  return employeeTurns(state).join('\n');
}

/** Whether any row of the entry's table resolves: only then is there an all-clear to hold back. */
function canResolve(entry: CompiledEntry): boolean {
  return entry.flow.some((rule) => rule.resolve !== undefined);
}

/** A clause to quote back: long ones are cut at a word. */
function quoted(clause: string): string {
  const MAX = 120;
  if (clause.length <= MAX) return clause;
  return `${clause.slice(0, clause.lastIndexOf(' ', MAX) > 40 ? clause.lastIndexOf(' ', MAX) : MAX)}…`;
}

/** Replaces `{question}` with its answer, or "unknown" when it has none. */
function fill(text: string, slots: Record<string, SlotValue>, entry: CompiledEntry): string {
  return text.replace(/\{([a-z][a-z0-9_]*)\}/g, (whole, name: string) => {
    if (!entry.questions.has(name)) return whole;
    const value = slots[name];
    return value ? describeSlot(value) : 'unknown';
  });
}
