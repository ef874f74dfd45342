/**
 * Redoc lists every schema under a section named by its `schemaDefinitionsTagName` option.
 * When the spec groups its tags (`x-tagGroups`), Redoc hides any tag left out of a group,
 * that section included: the docs copy adds it to the last group, the reference's.
 */
import { schemasSectionName } from "./redoc-options.ts";

export function withSchemasSection<T>(document: T): T {
  const copy: any = structuredClone(document);
  const groups: { name: string; tags: string[] }[] | undefined = copy["x-tagGroups"];
  const last = groups?.at(-1);
  if (last && !groups!.some(({ tags }) => tags.includes(schemasSectionName))) last.tags = [...last.tags, schemasSectionName];
  return copy;
}
