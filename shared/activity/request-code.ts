import { KEY_VARIABLE, SAS_VARIABLE } from './activity-types';
import type { CodeLanguage, RequestRecipe } from './activity-types';

/** A piece of generated text: literal, or the SAS token read from the environment. */
type Piece = string | { sasToken: true };
const SAS: Piece = { sasToken: true };

function urlPieces(recipe: RequestRecipe): Piece[] {
  if (!recipe.sasTokenInUrl) return [recipe.url];
  return [`${recipe.url}${recipe.url.includes('?') ? '&' : '?'}`, SAS];
}

/** The body's text cut where each SAS token goes (inside its JSON quotes). */
function bodyPieces(recipe: RequestRecipe): Piece[] | undefined {
  const body = recipe.body;
  if (!body || body.kind === 'binary') return undefined;
  if (body.kind === 'text' || body.sasTokenPaths.length === 0) return [body.text];
  const value: unknown = JSON.parse(body.text);
  // A marker no JSON string the user typed can hold once serialised: it would be escaped.
  const marker = '\u0000SAS\u0000';
  for (const path of body.sasTokenPaths) setAt(value, path, marker);
  const text = JSON.stringify(value);
  const escaped = JSON.stringify(marker).slice(1, -1);
  const parts = text.split(escaped);
  return parts.flatMap((part, i) => (i === 0 ? [part] : [SAS, part]));
}

function setAt(value: unknown, path: string[], replacement: string): void {
  let at = value as Record<string, unknown> | undefined;
  for (const key of path.slice(0, -1)) {
    const next = at?.[key];
    if (typeof next !== 'object' || next === null) return;
    at = next as Record<string, unknown>;
  }
  const last = path.at(-1);
  if (at && last !== undefined && last in at) at[last] = replacement;
}

function usesSasToken(recipe: RequestRecipe): boolean {
  return (
    recipe.sasTokenInUrl || (recipe.body?.kind === 'json' && recipe.body.sasTokenPaths.length > 0)
  );
}

function headerOf(recipe: RequestRecipe, name: string): string | undefined {
  return recipe.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

// ---- bash (curl) ----

/** Single quotes keep everything literal in bash: $, backticks, backslashes and newlines. */
function bashQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function bashWord(pieces: Piece[]): string {
  return pieces
    .map((piece) => (typeof piece === 'string' ? bashQuote(piece) : `"$${SAS_VARIABLE}"`))
    .join('');
}

function curl(recipe: RequestRecipe): string {
  const lines: string[] = [];
  const needs = [KEY_VARIABLE, ...(usesSasToken(recipe) ? [SAS_VARIABLE] : [])];
  lines.push(`# bash; reads ${needs.map((v) => `$${v}`).join(' and ')} from the environment.`);
  if (usesSasToken(recipe)) lines.push('# SAS_TOKEN is the token without a leading "?".');
  const method =
    recipe.method === 'GET' ? '' : recipe.method === 'HEAD' ? ' --head' : ` -X ${recipe.method}`;
  const args: string[] = [`curl${method} ${bashWord(urlPieces(recipe))}`];
  if (recipe.keyHeader) {
    args.push(`-H ${bashQuote(`${recipe.keyHeader}: `)}"$${KEY_VARIABLE}"`);
  }
  for (const [name, value] of recipe.headers) args.push(`-H ${bashQuote(`${name}: ${value}`)}`);
  const body = bodyPieces(recipe);
  if (body) args.push(`--data-raw ${bashWord(body)}`);
  else if (recipe.body?.kind === 'binary') {
    args.push(`--data-binary @FILE`);
    lines.push(`# FILE: the ${recipe.body.bytes} bytes that were sent.`);
  }
  lines.push(args.join(' \\\n  '));
  return `${lines.join('\n')}\n`;
}

// ---- PowerShell 7 (Invoke-RestMethod) ----

/** PowerShell also takes the typographic single quotes as quotes: each is doubled. */
function psQuote(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}

function psExpression(pieces: Piece[]): string {
  const parts = pieces
    .filter((piece) => piece !== '')
    .map((piece) => (typeof piece === 'string' ? psQuote(piece) : `$env:${SAS_VARIABLE}`));
  if (parts.length === 0) return "''";
  return parts.length === 1 ? parts[0]! : `(${parts.join(' + ')})`;
}

function titleCase(method: string): string {
  return method.charAt(0) + method.slice(1).toLowerCase();
}

function powershell(recipe: RequestRecipe): string {
  const lines: string[] = [];
  const needs = [KEY_VARIABLE, ...(usesSasToken(recipe) ? [SAS_VARIABLE] : [])];
  lines.push(
    `# PowerShell 7; reads ${needs.map((v) => `$env:${v}`).join(' and ')} from the environment.`,
  );
  if (usesSasToken(recipe)) lines.push('# SAS_TOKEN is the token without a leading "?".');
  const contentType = headerOf(recipe, 'Content-Type');
  lines.push('$headers = @{');
  if (recipe.keyHeader) lines.push(`  ${psQuote(recipe.keyHeader)} = $env:${KEY_VARIABLE}`);
  for (const [name, value] of recipe.headers) {
    if (name.toLowerCase() !== 'content-type') lines.push(`  ${psQuote(name)} = ${psQuote(value)}`);
  }
  lines.push('}');
  // Invoke-WebRequest for HEAD: Invoke-RestMethod would show nothing of the answer.
  const command = recipe.method === 'HEAD' ? 'Invoke-WebRequest' : 'Invoke-RestMethod';
  const args = [
    command,
    `-Method ${titleCase(recipe.method)}`,
    `-Uri ${psExpression(urlPieces(recipe))}`,
    '-Headers $headers',
  ];
  if (contentType !== undefined) args.push(`-ContentType ${psQuote(contentType)}`);
  const body = bodyPieces(recipe);
  if (body) {
    lines.push(`$body = ${psExpression(body)}`);
    args.push('-Body $body');
  } else if (recipe.body?.kind === 'binary') {
    lines.push(`# FILE: the ${recipe.body.bytes} bytes that were sent.`);
    args.push("-InFile 'FILE'");
  }
  // Values such as an eTag in quotes are sent as they are.
  args.push('-SkipHeaderValidation');
  lines.push(args.join(' `\n  '));
  return `${lines.join('\n')}\n`;
}

// ---- Python (requests) ----

/** A JSON string literal is a valid Python string literal with the same value. */
function pyString(text: string): string {
  return JSON.stringify(text);
}

function pyExpression(pieces: Piece[]): string {
  const parts = pieces
    .filter((piece) => piece !== '')
    .map((piece) =>
      typeof piece === 'string' ? pyString(piece) : `os.environ["${SAS_VARIABLE}"]`,
    );
  return parts.length === 0 ? '""' : parts.join(' + ');
}

function python(recipe: RequestRecipe): string {
  const lines = ['import os', '', 'import requests', ''];
  const needs = [KEY_VARIABLE, ...(usesSasToken(recipe) ? [SAS_VARIABLE] : [])];
  lines.splice(
    0,
    0,
    `# Python 3 with requests; reads ${needs.join(' and ')} from the environment.`,
  );
  if (usesSasToken(recipe)) lines.splice(1, 0, '# SAS_TOKEN is the token without a leading "?".');
  lines.push(`url = ${pyExpression(urlPieces(recipe))}`);
  lines.push('headers = {');
  if (recipe.keyHeader)
    lines.push(`    ${pyString(recipe.keyHeader)}: os.environ["${KEY_VARIABLE}"],`);
  for (const [name, value] of recipe.headers)
    lines.push(`    ${pyString(name)}: ${pyString(value)},`);
  lines.push('}');
  const body = bodyPieces(recipe);
  let data = '';
  if (body) {
    lines.push(`body = ${pyExpression(body)}`);
    data = ', data=body.encode("utf-8")';
  } else if (recipe.body?.kind === 'binary') {
    lines.push(`# FILE: the ${recipe.body.bytes} bytes that were sent.`);
    lines.push('with open("FILE", "rb") as file:', '    body = file.read()');
    data = ', data=body';
  }
  lines.push(
    `response = requests.request(${pyString(recipe.method)}, url, headers=headers${data}, timeout=30)`,
  );
  lines.push(
    'print(response.status_code, response.headers.get("apim-request-id") or response.headers.get("x-ms-request-id"))',
  );
  lines.push('print(response.text)');
  return `${lines.join('\n')}\n`;
}

/** The request as code to run in a terminal, with the key and any SAS token from the environment. */
export function requestCode(recipe: RequestRecipe, language: CodeLanguage): string {
  switch (language) {
    case 'curl':
      return curl(recipe);
    case 'powershell':
      return powershell(recipe);
    case 'python':
      return python(recipe);
  }
}
