import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets';

describe('what crosses to the page', () => {
  it('keeps no query string on any URL and no trace of the token', () => {
    const token = 'sv=2024-05-04&sp=r&se=2031-01-01&sig=AbC%2BdEf123456%3D';
    const redacted = redactSecrets(
      {
        files: [
          {
            uri: `https://a.blob.core.windows.net/c/x.json?${token}`,
            problems: [
              {
                message: `images[2].coco_url https://a.blob.core.windows.net/c/i.jpg?${token} is odd`,
              },
            ],
            note: `token ${token} pasted`,
          },
        ],
        count: 3,
      },
      token,
    );
    const text = JSON.stringify(redacted);
    expect(text).not.toContain('sig=AbC');
    expect(text).not.toContain('AbC%2BdEf123456');
    expect(text).not.toContain('AbC+dEf123456');
    expect(text).toContain('https://a.blob.core.windows.net/c/x.json');
    expect(redacted.count).toBe(3);
  });
});
