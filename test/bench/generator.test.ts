import { trainBaseline, trainingDocuments, NONE_CLASS } from '../../bench/baseline/bayesBaseline';
import { entryYaml, generateKnowledge } from '../../bench/generate/knowledgeGenerator';
import { generateMessages, LOG_PASTE_CHARS } from '../../bench/generate/messageGenerator';
import { parseEntryText } from '../../src/knowledge/load';

describe('bench knowledge generator', () => {
  const entries = generateKnowledge(60, 7);

  it('gives the same knowledge base for the same seed, and a smaller base is a prefix of a larger one', () => {
    const again = generateKnowledge(60, 7);
    expect(again.map(entryYaml)).toEqual(entries.map(entryYaml));
    expect(generateKnowledge(10, 7).map(entryYaml)).toEqual(entries.slice(0, 10).map(entryYaml));
    expect(generateKnowledge(60, 8).map(entryYaml)).not.toEqual(entries.map(entryYaml));
  });

  it('writes entries the core loads without a problem, with distinct ids and update ids', () => {
    for (const entry of entries) {
      const { entry: loaded, problems } = parseEntryText(`${entry.definition.id}.yaml`, entryYaml(entry));
      expect(problems).toEqual([]);
      expect(loaded?.definition.id).toBe(entry.definition.id);
    }
    const ids = entries.map((e) => e.definition.id);
    expect(new Set(ids).size).toBe(ids.length);
    const updates = entries.flatMap((e) => e.updates);
    expect(new Set(updates).size).toBe(updates.length);
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(['unlisted', 'cosmetic', 'escalate', 'howto']));
  });

  it('generates the same mixed messages for the same seed, near misses never naming a listed update', () => {
    const messages = generateMessages(entries, 200, 3);
    expect(generateMessages(entries, 200, 3)).toEqual(messages);
    expect(new Set(messages.map((m) => m.kind))).toEqual(new Set(['update', 'phrase', 'near-miss', 'chatter', 'log-paste']));
    const listed = new Set(entries.flatMap((e) => e.updates.map((u) => u.slice(2))));
    for (const m of messages.filter((x) => x.kind === 'near-miss')) {
      const digits = [...m.text.matchAll(/\d{7}/g)].map((x) => x[0]);
      expect(digits.length).toBeGreaterThan(0);
      for (const d of digits) expect(listed.has(d)).toBe(false);
    }
    for (const m of messages.filter((x) => x.kind === 'log-paste')) expect(m.text.length).toBe(LOG_PASTE_CHARS);
  });
});

describe('bench baseline', () => {
  it("trains natural's Bayes classifier with one class per entry plus none", () => {
    const defs = generateKnowledge(20, 7).map((e) => e.definition);
    const baseline = trainBaseline(defs);
    expect(baseline.classes).toBe(21);
    expect(baseline.documents).toBeGreaterThan(defs.length);
    const labels = new Set([...defs.map((d) => d.id), NONE_CLASS]);
    const example = defs.find((d) => d.examples?.match?.length)!;
    expect(labels.has(baseline.classify(example.examples!.match![0]))).toBe(true);
    expect(trainingDocuments(example).length).toBeGreaterThan(1);
  });
});
