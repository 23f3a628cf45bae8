import { z } from 'zod';
import { MAPPING_TOKENS, refusedMapping, type AttributeMapping } from '../engine/ad/attribute-mappings';
import { templateProblem } from '../engine/policy/name-template';

/**
 * The `ad.attributes` section: directory attributes filled from templates. An attribute that decides
 * access or identity, or that the product writes already, is refused at load with the reason; so is a
 * template with an unknown token. Whether the directory's schema has the attribute is checked at the
 * first preview, which reads the schema.
 */

const mappingSchema = z.union([
  z.string(),
  z.strictObject({ value: z.string(), on: z.enum(['always', 'create']).default('always') }),
]);

const known = (name: string): boolean => MAPPING_TOKENS.includes(name);

/** `ad.attributes` as written: attribute name to template, or to `{ value, on }`. */
export const attributesSchema = z.record(z.string(), mappingSchema).superRefine((mappings, ctx) => {
  for (const [attribute, mapping] of Object.entries(mappings)) {
    const refused = refusedMapping(attribute);
    if (refused !== null) {
      ctx.addIssue({ code: 'custom', path: [attribute], message: `${attribute} ${refused}` });
      continue;
    }
    const template = typeof mapping === 'string' ? mapping : mapping.value;
    // An empty template is allowed: it keeps the attribute cleared.
    const problem = template.trim() === '' ? null : templateProblem(template, known);
    if (problem !== null) ctx.addIssue({ code: 'custom', path: typeof mapping === 'string' ? [attribute] : [attribute, 'value'], message: problem });
  }
});

/** The engine's mappings for a validated `ad.attributes`, in the order written. */
export function attributeMappings(config: z.infer<typeof attributesSchema> | undefined): readonly AttributeMapping[] {
  return Object.entries(config ?? {}).map(([attribute, mapping]) =>
    typeof mapping === 'string' ? { attribute, template: mapping, on: 'always' } : { attribute, template: mapping.value, on: mapping.on });
}
