import { describe, expect, it } from 'vitest';
import { API_VERSION } from '../../../shared/contract/limits';
import { TEST_KEY, recordingFetch } from '../../test-support/datasets-service';
import { createDatasetsClient } from '../datasets/client';
import { saveRequestRecipe } from './save-request';

const ENDPOINT = 'https://my-vision.cognitiveservices.azure.com/';

describe('the request a Save would send', () => {
  it('is the client’s PATCH: same URL, headers and body, the key and token left out', async () => {
    const typedToken = 'sv=2024-05-04&sp=rl&sig=TypedSecret0123%3D';
    const changes = {
      customProperties: { team: 'zoology' },
      authentication: { kind: 'sas' as const, sasToken: typedToken },
    };
    const recipe = await saveRequestRecipe({
      endpoint: ENDPOINT,
      name: 'birds',
      ifMatch: '"0x1"',
      changes,
    });
    expect(recipe.ok).toBe(true);
    if (!recipe.ok) return;

    // What the client itself sends for the same save.
    const recorder = recordingFetch(fetch, async () => new Response(null, { status: 400 }));
    const client = createDatasetsClient({
      endpoint: ENDPOINT,
      key: TEST_KEY,
      fetch: recorder.fetch,
      retry: { attempts: 1 },
      timeoutMs: 200,
    });
    await client.updateDataset('birds', changes, { ifMatch: '"0x1"' });
    const sent = recorder.requests[0]!;

    expect(recipe.value.method).toBe('PATCH');
    expect(recipe.value.url).toBe(sent.url.toString());
    expect(recipe.value.url).toBe(
      `https://my-vision.cognitiveservices.azure.com/computervision/datasets/birds?api-version=${API_VERSION}`,
    );
    expect(recipe.value.keyHeader).toBe('Ocp-Apim-Subscription-Key');
    expect(recipe.value.headers).toContainEqual(['If-Match', '"0x1"']);
    expect(recipe.value.headers).toContainEqual(['Content-Type', 'application/json-patch+json']);
    const body = recipe.value.body;
    expect(body?.kind).toBe('json');
    expect(JSON.parse(body?.kind === 'json' ? body.text : '')).toEqual({
      ...JSON.parse(sent.body ?? '{}'),
      authentication: { kind: 'sas', sasToken: '$SAS_TOKEN' },
    });
    expect(JSON.stringify(recipe.value)).not.toContain('TypedSecret');
  });

  it('puts $SAS_TOKEN where the token kept with a draft would go', async () => {
    const recipe = await saveRequestRecipe({
      endpoint: ENDPOINT,
      name: 'birds',
      ifMatch: '"0x1"',
      changes: { authentication: { kind: 'sas' } },
    });
    expect(recipe.ok && recipe.value.body).toMatchObject({
      sasTokenPaths: [['authentication', 'sasToken']],
    });
  });

  it('says what is wrong with an unusable endpoint', async () => {
    const recipe = await saveRequestRecipe({
      endpoint: 'not a url',
      name: 'birds',
      ifMatch: '"0x1"',
      changes: {},
    });
    expect(recipe.ok).toBe(false);
    expect(!recipe.ok && recipe.error.kind).toBe('invalidEndpoint');
  });
});
