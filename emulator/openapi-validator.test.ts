import { describe, expect, it } from 'vitest';
import { validateResponse } from './contract/openapi-validator';

const dataset = {
  name: 'flowers',
  annotationKind: 'imageClassification',
  annotationFileUris: ['https://example.blob.core.windows.net/flowers/train.json'],
  createdDateTime: '2023-02-01T10:00:00Z',
  updatedDateTime: '2023-02-01T10:00:00Z',
  eTag: 'kzktjgnqkjagdlkualdzikaseg',
};
const json = { 'content-type': 'application/json; charset=utf-8' };
const url = '/computervision/datasets/flowers?api-version=2023-02-01-preview';

function errorOf(code: string, message?: string) {
  return JSON.stringify({ error: { code, ...(message !== undefined ? { message } : {}) } });
}

describe('the contract validator', () => {
  it('accepts responses shaped like the contract examples', () => {
    expect(
      validateResponse({
        method: 'GET',
        url,
        status: 200,
        headers: json,
        body: JSON.stringify(dataset),
      }),
    ).toEqual([]);
    expect(
      validateResponse({
        method: 'GET',
        url: '/computervision/datasets?top=1',
        status: 200,
        headers: json,
        body: JSON.stringify({ value: [dataset], nextLink: 'http://h/computervision/datasets' }),
      }),
    ).toEqual([]);
    expect(validateResponse({ method: 'DELETE', url, status: 204, headers: {}, body: '' })).toEqual(
      [],
    );
    expect(
      validateResponse({
        method: 'PATCH',
        url,
        status: 412,
        headers: { ...json, 'x-ms-error-code': 'PreconditionFailed' },
        body: errorOf('PreconditionFailed', 'Changed.'),
      }),
    ).toEqual([]);
  });

  it('rejects a dataset with an unknown annotation kind or a relative URI', () => {
    const kind = validateResponse({
      method: 'GET',
      url,
      status: 200,
      headers: json,
      body: JSON.stringify({ ...dataset, annotationKind: 'x' }),
    });
    expect(kind.join('\n')).toMatch(/annotationKind must be equal to one of the allowed values/);
    const uri = validateResponse({
      method: 'PUT',
      url,
      status: 201,
      headers: json,
      body: JSON.stringify({ ...dataset, annotationFileUris: ['train.json'] }),
    });
    expect(uri.join('\n')).toMatch(/annotationFileUris\/0 must match format "uri"/);
  });

  it('rejects an error body without a message, or without a matching x-ms-error-code', () => {
    const noMessage = validateResponse({
      method: 'GET',
      url,
      status: 404,
      headers: { ...json, 'x-ms-error-code': 'NotFound' },
      body: errorOf('NotFound'),
    });
    expect(noMessage.join('\n')).toMatch(/must have required property 'message'/);
    const noHeader = validateResponse({
      method: 'GET',
      url,
      status: 404,
      headers: json,
      body: errorOf('NotFound', 'Dataset not found.'),
    });
    expect(noHeader.join('\n')).toMatch(/x-ms-error-code is missing/);
    const otherCode = validateResponse({
      method: 'GET',
      url,
      status: 404,
      headers: { ...json, 'x-ms-error-code': 'Other' },
      body: errorOf('NotFound', 'Dataset not found.'),
    });
    expect(otherCode.join('\n')).toMatch(/must equal error.code/);
  });

  it('rejects a 204 with a body, a success status the operation does not declare, and non-JSON', () => {
    expect(
      validateResponse({ method: 'DELETE', url, status: 204, headers: json, body: '{}' }).join(),
    ).toMatch(/must have no body/);
    expect(
      validateResponse({
        method: 'PUT',
        url,
        status: 200,
        headers: json,
        body: JSON.stringify(dataset),
      }).join(),
    ).toMatch(/success status not declared for Datasets_Register/);
    expect(
      validateResponse({ method: 'GET', url, status: 200, headers: json, body: '{"name":' }).join(),
    ).toMatch(/body is not JSON/);
    expect(
      validateResponse({
        method: 'GET',
        url,
        status: 200,
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(dataset),
      }).join(),
    ).toMatch(/Content-Type "text\/plain"/);
  });

  it('accepts an error for an undeclared route but not a success', () => {
    const unknown = '/computervision/other?api-version=2023-02-01-preview';
    expect(
      validateResponse({
        method: 'GET',
        url: unknown,
        status: 404,
        headers: { ...json, 'x-ms-error-code': 'ResourceNotFound' },
        body: errorOf('ResourceNotFound', 'No operation.'),
      }),
    ).toEqual([]);
    expect(
      validateResponse({ method: 'POST', url, status: 200, headers: json, body: '{}' }).join(),
    ).toMatch(/no such operation/);
  });
});
