/**
 * openapi-typescript marks every response header given by `$ref` as present
 * (`"$ref" in headerObject || headerObject.required`), whatever the header component
 * says: a `Location` or `Sunset` the spec calls optional, or an `ETag` a spec edit makes
 * optional, would stay promised by the types. This pass gives such a property its `?`
 * back when the component it points to is not `required: true` (OpenAPI's default is
 * false, section 4.8.21), and keeps the reference itself.
 */
import { ts, type TypeScript } from "./typescript-compiler.ts";

type HeaderComponents = Record<string, { required?: boolean } | undefined>;

/** `components["headers"]["X"]` → "X"; anything else → undefined. */
function referencedHeaderName(type: TypeScript.TypeNode | undefined): string | undefined {
  if (!type || !ts.isIndexedAccessTypeNode(type) || !ts.isIndexedAccessTypeNode(type.objectType)) return undefined;
  const { objectType: components, indexType: section } = type.objectType;
  const isComponentsHeaders =
    ts.isTypeReferenceNode(components) &&
    ts.isIdentifier(components.typeName) &&
    components.typeName.text === "components" &&
    ts.isLiteralTypeNode(section) &&
    ts.isStringLiteral(section.literal) &&
    section.literal.text === "headers";
  if (!isComponentsHeaders || !ts.isLiteralTypeNode(type.indexType) || !ts.isStringLiteral(type.indexType.literal)) return undefined;
  return type.indexType.literal.text;
}

/** The generated nodes, with `?` on each property that references an optional header component. */
export function markOptionalHeaderRefs(nodes: TypeScript.Node[], document: { components?: { headers?: HeaderComponents } }): TypeScript.Node[] {
  const headers = document.components?.headers ?? {};
  const isOptional = (name: string) => name in headers && headers[name]?.required !== true;
  const transformer: TypeScript.TransformerFactory<TypeScript.Node> = (context) => {
    const visit = (node: TypeScript.Node): TypeScript.Node => {
      if (ts.isPropertySignature(node) && !node.questionToken) {
        const name = referencedHeaderName(node.type);
        if (name !== undefined && isOptional(name)) {
          const optional = ts.factory.updatePropertySignature(
            node,
            node.modifiers,
            node.name,
            ts.factory.createToken(ts.SyntaxKind.QuestionToken),
            node.type,
          );
          // updatePropertySignature keeps the node's position but not openapi-typescript's
          // synthetic JSDoc; copy it over so the header's description stays in the output.
          ts.setSyntheticLeadingComments(optional, ts.getSyntheticLeadingComments(node));
          return optional;
        }
      }
      return ts.visitEachChild(node, visit, context);
    };
    return (root) => ts.visitNode(root, visit) as TypeScript.Node;
  };
  const result = ts.transform(nodes, [transformer]);
  const transformed = [...result.transformed];
  result.dispose();
  return transformed;
}
