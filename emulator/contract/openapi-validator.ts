import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Checks observed HTTP responses against the Swagger 2.0 contract, independently of the zod
 * schemas the emulator validates with, so a mistake shared by both cannot hide.
 */

const DEFAULT_SPEC = new URL(
  '../../spec/datasets-2023-02-01-preview.swagger.json',
  import.meta.url,
);
const SPEC_ID = 'swagger';
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;

interface SwaggerSchema {
  $ref?: string;
  [keyword: string]: unknown;
}

interface SwaggerResponse {
  $ref?: string;
  description?: string;
  schema?: SwaggerSchema;
  headers?: Record<string, { type?: string }>;
}

interface SwaggerOperation {
  operationId?: string;
  produces?: string[];
  responses: Record<string, SwaggerResponse>;
}

type SwaggerPathItem = Partial<Record<(typeof METHODS)[number], SwaggerOperation>>;

interface SwaggerDocument {
  produces?: string[];
  paths: Record<string, SwaggerPathItem>;
  responses?: Record<string, SwaggerResponse>;
  definitions?: Record<string, SwaggerSchema>;
}

/** A response as a client saw it. */
export interface ObservedResponse {
  method: string;
  /** The request path, with or without the query, or the full URL. */
  url: string;
  status: number;
  headers: Headers | Record<string, string | undefined>;
  /** The raw body text ('' for none). */
  body: string;
}

export interface OpenApiValidator {
  /** Every way the response breaks the contract; empty when it conforms. */
  validateResponse(response: ObservedResponse): string[];
}

interface PathTemplate {
  template: string;
  pattern: RegExp;
  item: SwaggerPathItem;
}

function templatePattern(template: string): RegExp {
  const escaped = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${escaped}$`);
}

function header(headers: ObservedResponse['headers'], name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

function pathnameOf(url: string): string {
  return new URL(url, 'http://contract.invalid').pathname;
}

/** Makes the document's local refs ("#/definitions/X") point into the document added to ajv. */
function anchorRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(anchorRefs);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#')
        ? `${SPEC_ID}${value}`
        : anchorRefs(value),
    ]),
  );
}

export function loadOpenApiValidator(specPath: string | URL = DEFAULT_SPEC): OpenApiValidator {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as SwaggerDocument;
  // strict: false because Swagger adds keywords JSON Schema does not know (x-ms-*, discriminator...).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: SPEC_ID, definitions: anchorRefs(spec.definitions ?? {}) });

  const templates: PathTemplate[] = Object.entries(spec.paths).map(([template, item]) => ({
    template,
    pattern: templatePattern(template),
    item,
  }));
  const compiled = new Map<SwaggerSchema, ValidateFunction>();
  const compile = (schema: SwaggerSchema): ValidateFunction => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(anchorRefs(schema) as object);
      compiled.set(schema, validate);
    }
    return validate;
  };

  const resolveResponse = (response: SwaggerResponse): SwaggerResponse => {
    const ref = response.$ref;
    if (!ref) return response;
    const name = ref.replace(/^#\/responses\//, '');
    const target = spec.responses?.[name];
    if (!target) throw new Error(`The contract refers to a missing response ${ref}.`);
    return target;
  };

  /** Errors of undeclared routes follow the service's common error shape: any operation's default. */
  const commonErrorResponse = (): SwaggerResponse | undefined => {
    for (const item of Object.values(spec.paths)) {
      for (const method of METHODS) {
        const fallback = item[method]?.responses.default;
        if (fallback) return resolveResponse(fallback);
      }
    }
    return undefined;
  };

  return {
    validateResponse(observed) {
      const problems: string[] = [];
      const method = observed.method.toLowerCase() as (typeof METHODS)[number];
      const path = pathnameOf(observed.url);
      const where = `${observed.method.toUpperCase()} ${path} -> ${observed.status}`;
      const matched = templates.find((t) => t.pattern.test(path));
      const operation = matched?.item[method];

      let declared: SwaggerResponse | undefined;
      let produces = operation?.produces ?? spec.produces ?? ['application/json'];
      if (!operation) {
        if (observed.status < 400) {
          problems.push(
            `${where}: the contract has no such operation, yet the status is a success`,
          );
        }
        declared = commonErrorResponse();
        produces = ['application/json'];
      } else {
        const exact = operation.responses[String(observed.status)];
        const fallback = operation.responses.default;
        if (exact) declared = resolveResponse(exact);
        else if (fallback) {
          declared = resolveResponse(fallback);
          if (observed.status < 400) {
            problems.push(
              `${where}: success status not declared for ${operation.operationId ?? method} (declared: ${Object.keys(operation.responses).join(', ')})`,
            );
          }
        } else {
          problems.push(`${where}: status not declared and no default response`);
        }
      }
      if (!declared) return problems;

      if (!declared.schema) {
        if (observed.body !== '')
          problems.push(`${where}: must have no body, got ${observed.body.length} characters`);
        return problems;
      }

      const contentType = (header(observed.headers, 'content-type') ?? '').split(';')[0]!.trim();
      if (!produces.includes(contentType)) {
        problems.push(
          `${where}: Content-Type "${contentType}" is not one of ${produces.join(', ')}`,
        );
      }
      let body: unknown;
      try {
        body = JSON.parse(observed.body);
      } catch {
        problems.push(`${where}: body is not JSON: ${JSON.stringify(observed.body.slice(0, 80))}`);
        return problems;
      }
      const validate = compile(declared.schema);
      if (!validate(body)) {
        for (const error of validate.errors ?? []) {
          problems.push(`${where}: body${error.instancePath} ${error.message ?? 'is invalid'}`);
        }
      }

      for (const [name, spec] of Object.entries(declared.headers ?? {})) {
        const value = header(observed.headers, name);
        if (value === undefined) problems.push(`${where}: header ${name} is missing`);
        else if (spec.type === 'integer' && !/^-?[0-9]+$/.test(value)) {
          problems.push(`${where}: header ${name} must be an integer, got "${value}"`);
        }
      }
      if (observed.status >= 400) {
        const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
        const headerCode = header(observed.headers, 'x-ms-error-code');
        if (headerCode !== code) {
          problems.push(
            `${where}: header x-ms-error-code (${String(headerCode)}) must equal error.code (${String(code)})`,
          );
        }
      }
      return problems;
    },
  };
}

let shared: OpenApiValidator | undefined;

/** Checks against the project's contract (spec/datasets-2023-02-01-preview.swagger.json). */
export function validateResponse(response: ObservedResponse): string[] {
  shared ??= loadOpenApiValidator();
  return shared.validateResponse(response);
}
