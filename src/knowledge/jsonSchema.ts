/** The entry JSON Schema (for editors) and the questions the loader asks of it. */
import { z } from 'zod/v4';
import { entrySchema } from './schema';

type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  [key: string]: unknown;
};

let cached: JsonSchema | undefined;

/** The JSON Schema of one knowledge entry, as written to schema/knowledge-entry.schema.json. */
export function entryJsonSchema(): JsonSchema {
  if (!cached) {
    cached = {
      ...(z.toJSONSchema(entrySchema, { io: 'input' }) as JsonSchema),
      $id: 'https://helpdesk-bot.local/schema/knowledge-entry.schema.json',
      title: 'Helpdesk bot knowledge entry',
    };
  }
  return cached;
}

/** The keys allowed in the object at `path` of `data`, for "did you mean" hints. */
export function allowedKeysAt(path: ReadonlyArray<PropertyKey>, data: unknown): string[] {
  let schemas: JsonSchema[] = [entryJsonSchema()];
  let value: unknown = data;
  for (const step of path) {
    const next: JsonSchema[] = [];
    for (const s of expand(schemas, value)) {
      if (typeof step === 'number' && s.items) next.push(s.items);
      else if (s.properties?.[String(step)]) next.push(s.properties[String(step)]);
      else if (typeof s.additionalProperties === 'object') next.push(s.additionalProperties);
    }
    schemas = next;
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[step] : undefined;
  }
  const keys = new Set<string>();
  for (const s of expand(schemas, value)) for (const k of Object.keys(s.properties ?? {})) keys.add(k);
  return [...keys];
}

// Unions are narrowed by the data where a branch pins `type` to a constant (questions).
function expand(schemas: JsonSchema[], value: unknown): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const s of schemas) {
    const branches = s.anyOf ?? s.oneOf;
    if (!branches) {
      out.push(s);
      continue;
    }
    const type = value && typeof value === 'object' ? (value as Record<string, unknown>).type : undefined;
    const pinned = branches.filter((b) => (b.properties?.type as JsonSchema | undefined)?.const !== undefined);
    const chosen = pinned.filter((b) => (b.properties?.type as JsonSchema).const === type);
    out.push(...expand(chosen.length > 0 ? chosen : branches.filter((b) => b.properties), value));
  }
  return out;
}
