import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** One module a file depends on: the specifier as written, how it was written, and where. */
export interface ImportUse {
  specifier: string;
  form: 'import' | 'export' | 'dynamic import' | 'require' | 'import =';
  typeOnly: boolean;
  line: number;
}

/** A read of the clock, of randomness or of the process: what was used, and where. */
export interface ImpureCall {
  what: 'new Date()' | 'Date.now' | 'performance.now' | 'Math.random' | 'process';
  line: number;
}

/** What a source file imports and which clocks and random sources it touches, read from its syntax tree (comments and strings do not count). */
export function scanFile(path: string): { imports: ImportUse[]; impure: ImpureCall[] } {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const imports: ImportUse[] = [];
  const impure: ImpureCall[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const literal = (node: ts.Node | undefined) => (node && ts.isStringLiteralLike(node) ? node.text : undefined);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      imports.push({ specifier: literal(node.moduleSpecifier)!, form: 'import', typeOnly: node.importClause?.isTypeOnly ?? false, line: lineOf(node) });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      imports.push({ specifier: literal(node.moduleSpecifier)!, form: 'export', typeOnly: node.isTypeOnly, line: lineOf(node) });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      imports.push({ specifier: literal(node.moduleReference.expression) ?? '?', form: 'import =', typeOnly: node.isTypeOnly, line: lineOf(node) });
    } else if (ts.isCallExpression(node)) {
      const [first] = node.arguments;
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) imports.push({ specifier: literal(first) ?? '(computed)', form: 'dynamic import', typeOnly: false, line: lineOf(node) });
      else if (ts.isIdentifier(node.expression) && node.expression.text === 'require') imports.push({ specifier: literal(first) ?? '(computed)', form: 'require', typeOnly: false, line: lineOf(node) });
    } else if (ts.isImportTypeNode(node)) {
      const argument = ts.isLiteralTypeNode(node.argument) ? literal(node.argument.literal) : undefined;
      if (argument) imports.push({ specifier: argument, form: 'import', typeOnly: true, line: lineOf(node) });
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date' && (node.arguments?.length ?? 0) === 0) {
      impure.push({ what: 'new Date()', line: lineOf(node) });
    } else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const name = `${node.expression.text}.${node.name.text}`;
      if (name === 'Date.now' || name === 'performance.now' || name === 'Math.random') impure.push({ what: name, line: lineOf(node) });
      else if (node.expression.text === 'process') impure.push({ what: 'process', line: lineOf(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, impure };
}
