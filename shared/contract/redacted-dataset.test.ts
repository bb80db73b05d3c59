import { describe, expect, it } from 'vitest';
import type { Dataset } from './dataset';
import { RedactedDatasetSchema, redactDataset } from './redacted-dataset';

const SIG = 'Zk3pQ9rT1vWx5yB7nM2cL8dF4gH6jK0a%2Bs%3D';
const TOKEN = `sv=2022-11-02&sr=c&sp=rl&se=2027-01-01T00:00:00Z&spr=https&sig=${SIG}`;

const dataset: Dataset = {
  name: 'shelf',
  annotationKind: 'imageObjectDetection',
  annotationFileUris: ['https://acct.blob.core.windows.net/data/train.json'],
  authentication: { kind: 'sas', sasToken: TOKEN },
  createdDateTime: '2026-01-01T00:00:00Z',
  updatedDateTime: '2026-01-02T00:00:00Z',
  eTag: '"1"',
};

describe('redactDataset', () => {
  it('gives the page what the token says about itself, never the token or its signature', () => {
    const redacted = redactDataset(dataset, () => 'fp-0000000000000');
    expect(redacted.authentication).toEqual({
      kind: 'sas',
      hasSasToken: true,
      sasTokenFingerprint: 'fp-0000000000000',
      sasInsight: expect.objectContaining({
        expiresAt: '2027-01-01T00:00:00.000Z',
        permissions: 'rl',
        canRead: true,
        canList: true,
        resource: 'Container',
        valid: true,
      }),
    });
    const json = JSON.stringify(redacted);
    expect(json).not.toContain(SIG);
    expect(json).not.toContain(decodeURIComponent(SIG));
    expect(RedactedDatasetSchema.strict().safeParse(redacted).success).toBe(true);
  });

  it('adds no insight when no token is saved', () => {
    const redacted = redactDataset(
      { ...dataset, authentication: { kind: 'managedIdentity' } },
      () => 'unused',
    );
    expect(redacted.authentication).toEqual({ kind: 'managedIdentity', hasSasToken: false });
  });
});
