/**
 * What a change of the generated declarations means to code that uses them, type by
 * type: a property added (optional or required), removed, made required or optional, its
 * `@default` changed; a union or a constant list that gains or loses literals; a type
 * rewritten. Both sides are read with the TypeScript parser and walked together, so a new
 * object type is one entry, not the list of every string literal its lines happen to hold
 * (schema names in `components["schemas"]["…"]`, the values of an enum it references).
 */
import { ts, type TypeScript } from "../../packages/types/scripts/typescript-compiler.ts";
import { code } from "./values.ts";

/** One change a user of the declarations meets. */
export interface TypeChange {
  /** The type as code names it: `components["schemas"]["FileObject"]`, `contentTypes`. */
  type: string;
  /** What changed about it: ``+optional `size` (`number`)``, ``−`"image/png"` ``. */
  change: string;
}

interface Member {
  optional: boolean;
  /** The member's `@default` tag: what the API assumes when the value is left out. */
  defaultValue: string | undefined;
  shape: Shape;
}

type Shape =
  | { kind: "object"; text: string; members: Map<string, Member>; isValue: boolean }
  | { kind: "union"; text: string; literals: string[]; others: string[] }
  | { kind: "list"; text: string; elements: Shape[] }
  | { kind: "array"; text: string; element: Shape }
  | { kind: "other"; text: string };

/** A type shown inline is cut here: the declarations diff below the list has it whole. */
const SHOWN = 80;
const printer = ts.createPrinter({ removeComments: true });

function printed(node: TypeScript.Node, source: TypeScript.SourceFile): string {
  return printer.printNode(ts.EmitHint.Unspecified, node, source).replace(/\s+/g, " ").trim();
}

const cut = (text: string) => (text.length > SHOWN ? text.slice(0, SHOWN).trimEnd() + " …" : text);

function nameOf(name: TypeScript.PropertyName | undefined): string | undefined {
  if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name))) return name.text;
  return undefined;
}

function defaultOf(node: TypeScript.Node): string | undefined {
  const tag = ts.getJSDocTags(node).find((candidate) => candidate.tagName.text === "default");
  return tag ? (ts.getTextOfJSDocComment(tag.comment) ?? "").trim() : undefined;
}

function isLiteral(node: TypeScript.Node): boolean {
  if (ts.isLiteralTypeNode(node)) return true;
  return ts.isStringLiteral(node) || ts.isNumericLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isPrefixUnaryExpression(node) ||
    [ts.SyntaxKind.TrueKeyword, ts.SyntaxKind.FalseKeyword, ts.SyntaxKind.NullKeyword].includes(node.kind);
}

/**
 * `whole` is the object type or value the members belong to. Its text is printed when
 * first read: an object is compared member by member and rarely shown whole, and printing
 * every nesting level of a generated file (`paths`, `components`) cost more than the rest.
 */
function objectOf(members: readonly TypeScript.Node[], whole: TypeScript.Node, isValue: boolean, source: TypeScript.SourceFile): Shape {
  const shaped = new Map<string, Member>();
  for (const member of members) {
    const name = nameOf((member as TypeScript.PropertySignature).name);
    if (name === undefined) continue;
    if (ts.isPropertySignature(member) && member.type)
      shaped.set(name, { optional: member.questionToken !== undefined, defaultValue: defaultOf(member), shape: typeShape(member.type, source) });
    else if (ts.isPropertyAssignment(member)) shaped.set(name, { optional: false, defaultValue: undefined, shape: valueShape(member.initializer, source) });
  }
  let text: string | undefined;
  return {
    kind: "object",
    get text() {
      return (text ??= printed(whole, source));
    },
    members: shaped,
    isValue,
  };
}

function typeShape(node: TypeScript.TypeNode, source: TypeScript.SourceFile): Shape {
  if (ts.isParenthesizedTypeNode(node) || (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword)) return typeShape(node.type, source);
  if (ts.isTypeLiteralNode(node)) return objectOf(node.members, node, false, source);
  const text = printed(node, source);
  if (ts.isArrayTypeNode(node)) return { kind: "array", text, element: typeShape(node.elementType, source) };
  if (ts.isTupleTypeNode(node)) return { kind: "list", text, elements: node.elements.map((element) => typeShape(element as TypeScript.TypeNode, source)) };
  if (ts.isUnionTypeNode(node) || isLiteral(node)) {
    const members = ts.isUnionTypeNode(node) ? node.types : [node];
    return {
      kind: "union",
      text,
      literals: members.filter(isLiteral).map((member) => printed(member, source)),
      others: members.filter((member) => !isLiteral(member)).map((member) => printed(member, source)),
    };
  }
  return { kind: "other", text };
}

function valueShape(node: TypeScript.Expression, source: TypeScript.SourceFile): Shape {
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node)) return valueShape(node.expression, source);
  if (ts.isObjectLiteralExpression(node)) return objectOf(node.properties, node, true, source);
  const text = printed(node, source);
  if (ts.isArrayLiteralExpression(node)) return { kind: "list", text, elements: node.elements.map((element) => valueShape(element, source)) };
  if (isLiteral(node)) return { kind: "union", text, literals: [text], others: [] };
  return { kind: "other", text };
}

/** Each top-level declaration of a generated file, by name. */
function declarationsOf(fileName: string, text: string): Map<string, Shape> {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const shapes = new Map<string, Shape>();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) shapes.set(statement.name.text, objectOf(statement.members, statement, false, source));
    else if (ts.isTypeAliasDeclaration(statement)) shapes.set(statement.name.text, typeShape(statement.type, source));
    else if (ts.isVariableStatement(statement))
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        const shape = declaration.type ? typeShape(declaration.type, source) : declaration.initializer ? valueShape(declaration.initializer, source) : undefined;
        if (shape) shapes.set(declaration.name.text, shape);
      }
  }
  return shapes;
}

const onlyIn = (side: string[], other: string[]) => side.filter((value) => !other.includes(value));
const signed = (removed: string[], added: string[]) => [...removed.map((value) => `−${code(value)}`), ...added.map((value) => `+${code(value)}`)].join(" ");
const isLiteralShape = (shape: Shape) => shape.kind === "union" && shape.literals.length === 1 && shape.others.length === 0;

function compareMembers(type: string, before: Shape & { kind: "object" }, after: Shape & { kind: "object" }, out: TypeChange[]): void {
  const names = [...new Set([...before.members.keys(), ...after.members.keys()])].sort();
  for (const name of names) {
    const [old, now] = [before.members.get(name), after.members.get(name)];
    const how = (member: Member) => (after.isValue ? "" : member.optional ? "optional " : "required ");
    if (!old && now) out.push({ type, change: `+${how(now)}${code(name)} (${code(cut(now.shape.text))})` });
    else if (old && !now) out.push({ type, change: `−${how(old)}${code(name)}` });
    else if (old && now) {
      if (old.optional !== now.optional) out.push({ type, change: `${code(name)} became ${now.optional ? "optional" : "required"}` });
      if (old.defaultValue !== now.defaultValue)
        out.push({ type, change: `${code(name)}: \`@default\` ${old.defaultValue === undefined ? "none" : code(old.defaultValue)} → ${now.defaultValue === undefined ? "none" : code(now.defaultValue)}` });
      compare(`${type}[${JSON.stringify(name)}]`, old.shape, now.shape, out);
    }
  }
}

function compare(type: string, before: Shape, after: Shape, out: TypeChange[]): void {
  if (before.kind === "object" && after.kind === "object") return compareMembers(type, before, after, out);
  if (before.text === after.text) return;
  if (before.kind === "union" && after.kind === "union" && !(isLiteralShape(before) && isLiteralShape(after))) {
    const change = signed([...onlyIn(before.literals, after.literals), ...onlyIn(before.others, after.others).map(cut)], [...onlyIn(after.literals, before.literals), ...onlyIn(after.others, before.others).map(cut)]);
    return void out.push({ type, change: change || "reordered" });
  }
  if (before.kind === "array" && after.kind === "array") return compare(`${type}[number]`, before.element, after.element, out);
  if (before.kind === "list" && after.kind === "list") {
    if (before.elements.every(isLiteralShape) && after.elements.every(isLiteralShape)) {
      const [old, now] = [before.elements.map((element) => element.text), after.elements.map((element) => element.text)];
      return void out.push({ type, change: signed(onlyIn(old, now), onlyIn(now, old)) || "reordered" });
    }
    if (before.elements.length === after.elements.length) return before.elements.forEach((element, index) => compare(`${type}[${index}]`, element, after.elements[index]!, out));
  }
  out.push({ type, change: `${code(cut(before.text))} → ${code(cut(after.text))}` });
}

/** The changes a user of a generated file meets, in the order of its declarations. */
export function typeChanges(fileName: string, before: string, after: string): TypeChange[] {
  const [old, now] = [declarationsOf(fileName, before), declarationsOf(fileName, after)];
  const out: TypeChange[] = [];
  for (const name of new Set([...now.keys(), ...old.keys()])) {
    const [was, is] = [old.get(name), now.get(name)];
    if (!was) out.push({ type: name, change: "new" });
    else if (!is) out.push({ type: name, change: "removed" });
    else compare(name, was, is, out);
  }
  return out;
}
