/**
 * Redocly's diff matches the items of a list by likeness, not by a key: a server whose
 * description and variables changed enough (their descriptions moved into the server's,
 * say) comes out as that server removed (`server-removed`, breaking) and one added, at the
 * same URL. A server's URL is what clients are configured with, so such a pair is one
 * server: it is replaced by the changes Redocly reports when it does match the two, one per
 * property that differs (`modified`, rated a patch), which the project's rules on server
 * variables (a default changed, an enum narrowed) then rate as usual.
 */
import type { Json } from "./document.ts";
import type { Documents } from "./locate.ts";
import type { RedoclyChange } from "./redocly-diff.ts";
import { same } from "./values.ts";

/** The index of a whole server (`#/servers/2`), else undefined. */
function serverIndex(pointer: string | undefined): number | undefined {
  const match = /^#\/servers\/(\d+)$/.exec(pointer ?? "");
  return match ? Number(match[1]) : undefined;
}

/** One `modified` change per property that differs between the two nodes (variables aside), as Redocly's JSON report gives it. */
function propertyChanges(path: string, base: { pointer: string; node: Json }, revision: { pointer: string; node: Json }): RedoclyChange[] {
  const properties = [...new Set([...Object.keys(base.node ?? {}), ...Object.keys(revision.node ?? {})])];
  return properties
    .filter((property) => property !== "variables" && !same(base.node?.[property], revision.node?.[property]))
    .map((property) => ({
      path,
      kind: "modified",
      impact: "patch",
      verdicts: [],
      property,
      base: { pointer: `${base.pointer}/${property}`, ...(base.node?.[property] === undefined ? {} : { value: base.node[property] }) },
      revision: { pointer: `${revision.pointer}/${property}`, ...(revision.node?.[property] === undefined ? {} : { value: revision.node[property] }) },
    }));
}

/** The changes between two servers with the same URL: the server's own properties, then each variable's. */
function serverChanges(baseIndex: number, revisionIndex: number, documents: Documents): RedoclyChange[] {
  const [base, revision] = [documents.base.servers[baseIndex], documents.revision.servers[revisionIndex]];
  const [basePointer, revisionPointer] = [`#/servers/${baseIndex}`, `#/servers/${revisionIndex}`];
  const changes = propertyChanges(revisionPointer, { pointer: basePointer, node: base }, { pointer: revisionPointer, node: revision });
  const names = [...new Set([...Object.keys(base.variables ?? {}), ...Object.keys(revision.variables ?? {})])];
  for (const name of names) {
    const [before, after] = [base.variables?.[name], revision.variables?.[name]];
    const [baseAt, revisionAt] = [`${basePointer}/variables/${name}`, `${revisionPointer}/variables/${name}`];
    if (before === undefined || after === undefined)
      changes.push({
        path: revisionAt,
        kind: before === undefined ? "added" : "removed",
        impact: "patch",
        verdicts: [],
        ...(before === undefined ? { revision: { pointer: revisionAt, value: after } } : { base: { pointer: baseAt, value: before } }),
      });
    else changes.push(...propertyChanges(revisionAt, { pointer: baseAt, node: before }, { pointer: revisionAt, node: after }));
  }
  return changes;
}

/** Redocly's changes with every server "removed" and "added" again at the same URL turned into that server's property changes. */
export function pairServersByUrl(changes: RedoclyChange[], documents: Documents): RedoclyChange[] {
  const added = changes.filter((change) => change.kind === "added" && serverIndex(change.revision?.pointer) !== undefined);
  const paired = new Set<RedoclyChange>();
  const replacements = new Map<RedoclyChange, RedoclyChange[]>();
  for (const removed of changes) {
    const baseIndex = serverIndex(removed.base?.pointer);
    if (removed.kind !== "removed" || baseIndex === undefined) continue;
    const url = documents.base.servers?.[baseIndex]?.url;
    const match = added.find((change) => !paired.has(change) && documents.revision.servers?.[serverIndex(change.revision?.pointer)!]?.url === url);
    if (!match) continue;
    paired.add(match);
    replacements.set(removed, serverChanges(baseIndex, serverIndex(match.revision?.pointer)!, documents));
  }
  return changes.flatMap((change) => (paired.has(change) ? [] : (replacements.get(change) ?? [change])));
}
