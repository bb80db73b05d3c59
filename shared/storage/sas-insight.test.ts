import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeExpiry, sasInsight } from './sas-insight';
import { SasInsightSchema } from './sas-insight-schema';

const SIG = 'q3V9tM2bX8Lr0nWcYk4FhZ1pJd6sAeGu7oTi5yRxN%2Bw%3D';
const CONTAINER_TOKEN = `sv=2022-11-02&sr=c&sp=rl&st=2026-11-01T08:00:00Z&se=2026-12-31T23:59:00Z&spr=https&sig=${SIG}`;
const ACCOUNT_TOKEN = `sv=2022-11-02&ss=b&srt=co&sp=rl&se=2027-01-01T00:00:00Z&st=2024-01-01T00:00:00Z&spr=https,http&sig=${SIG}`;

describe('sasInsight', () => {
  it('reads a container token: dates, permissions, resource, protocol', () => {
    expect(sasInsight(CONTAINER_TOKEN)).toEqual({
      expiresAt: '2026-12-31T23:59:00.000Z',
      startsAt: '2026-11-01T08:00:00.000Z',
      permissions: 'rl',
      canRead: true,
      canList: true,
      resource: 'Container',
      protocol: 'https',
      valid: true,
      problems: [],
    });
  });

  it('describes an account token’s resource types', () => {
    const insight = sasInsight(ACCOUNT_TOKEN);
    expect(insight.resource).toBe('Account: container, object');
    expect(insight.protocol).toBe('https,http');
    expect(insight.problems).toEqual([]);
  });

  it('takes a leading "?" and spaces around the token', () => {
    expect(sasInsight(`  ?${CONTAINER_TOKEN}\n`)).toEqual(sasInsight(CONTAINER_TOKEN));
  });

  it('reads a whole address, but says to paste only the token', () => {
    const insight = sasInsight(`https://acct.blob.core.windows.net/data?${CONTAINER_TOKEN}`);
    expect(insight.expiresAt).toBe('2026-12-31T23:59:00.000Z');
    expect(insight.problems).toEqual([
      'Paste only the token, the part after “?”, not the whole address.',
    ]);
  });

  it('reads percent-encoded times and the SAS date-only and minutes forms', () => {
    expect(sasInsight('se=2027-03-04T05%3A06%3A07Z').expiresAt).toBe('2027-03-04T05:06:07.000Z');
    expect(sasInsight('se=2027-03-04').expiresAt).toBe('2027-03-04T00:00:00.000Z');
    expect(sasInsight('se=2027-03-04T05:06Z').expiresAt).toBe('2027-03-04T05:06:00.000Z');
    expect(sasInsight('se=2027-03-04T05:06:07.1234567Z').expiresAt).toBe(
      '2027-03-04T05:06:07.123Z',
    );
  });

  it('says what is wrong with an expiry that is not a real UTC date', () => {
    for (const se of [
      '2027-02-30',
      'tomorrow',
      '2027-01-01T25:00:00Z',
      '2027-01-01T00:00:00+01:00',
    ]) {
      const insight = sasInsight(`sv=1&sp=r&se=${encodeURIComponent(se)}&sig=x`);
      expect(insight.expiresAt, se).toBeUndefined();
      expect(insight.valid, se).toBe(false);
      expect(insight.problems, se).toContain(
        'The expiry (se) is not a UTC date such as 2027-01-31T00:00:00Z.',
      );
    }
  });

  it('is not valid without a signature or an expiry, and says so', () => {
    const noSig = sasInsight('sv=2022-11-02&sp=r&se=2027-01-01');
    expect(noSig.valid).toBe(false);
    expect(noSig.problems).toContain('The token has no signature (sig); copy the whole token.');
    const noExpiry = sasInsight(`sv=2022-11-02&sp=r&sig=${SIG}`);
    expect(noExpiry.valid).toBe(false);
    expect(noExpiry.expiresAt).toBeUndefined();
    expect(noExpiry.problems).toContain(
      'The token has no expiry date (se); generate a token with one.',
    );
  });

  it('tells read and list apart', () => {
    expect(sasInsight('sp=r')).toMatchObject({ canRead: true, canList: false, permissions: 'r' });
    expect(sasInsight('sp=wl')).toMatchObject({ canRead: false, canList: true });
    expect(sasInsight('sv=1&se=2027-01-01&sig=x')).toMatchObject({
      canRead: false,
      canList: false,
    });
  });

  it('warns about a token for one blob, for Azure Files, or without objects', () => {
    expect(sasInsight('sr=b&sp=r').problems).toContain(
      'The token is for one blob (sr=b), but the images are read with it too: use a container or account token.',
    );
    expect(sasInsight('sr=s&sp=r').problems).toContain(
      'The token is for Azure Files; annotation files must be in Blob Storage.',
    );
    expect(sasInsight('ss=b&srt=sc&sp=rl').problems).toContain(
      'The account token does not cover objects (srt has no o), so no file can be read.',
    );
    expect(sasInsight('ss=q&srt=co&sp=rl').problems).toContain(
      'The account token is not for Blob Storage (ss has no b).',
    );
  });

  it('flags a start after the expiry, a bad protocol and repeated parameters', () => {
    const insight = sasInsight('st=2027-02-01&se=2027-01-01&spr=ftp&sp=r&sp=l');
    expect(insight.problems).toEqual(
      expect.arrayContaining([
        'The token starts (st) after it expires (se); generate a new token.',
        'The protocol (spr) must be https or https,http.',
        'These parameters appear more than once: sp; copy the token again.',
      ]),
    );
    expect(insight.protocol).toBeUndefined();
  });

  it('keeps permissions only when they are letters', () => {
    const insight = sasInsight('sp=<script>');
    expect(insight.permissions).toBeUndefined();
    expect(insight.problems).toContain(
      'The permissions (sp) are not letters such as rl; copy the token again.',
    );
  });

  it('never throws, and always gives a result its own schema accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        expect(SasInsightSchema.safeParse(sasInsight(text)).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('never carries the signature, whatever else the token holds', () => {
    const name = fc.constantFrom('sv', 'se', 'st', 'sp', 'sr', 'srt', 'ss', 'spr', 'si', 'x');
    const pair = fc.tuple(name, fc.string()).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
    // A real signature is 44 base64 characters; a digit and a "+" make it unlike any word or date.
    const sig = fc.stringMatching(/^[A-Za-z0-9/]{20,44}$/).map((s) => `${s}7+`);
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 8 }), sig, fc.nat(8), (pairs, signature, at) => {
        const parts = [...pairs];
        parts.splice(at, 0, `sig=${encodeURIComponent(signature)}`);
        const json = JSON.stringify(sasInsight(parts.join('&')));
        expect(json).not.toContain(signature);
        expect(json).not.toContain(encodeURIComponent(signature));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('describeExpiry', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const at = (iso: string) => describeExpiry({ expiresAt: iso }, now);

  it('says there is no expiry date', () => {
    expect(describeExpiry({}, now)).toEqual({ text: 'No expiry date', state: 'none' });
  });

  it('counts whole days left, and calls 7 days or fewer "soon"', () => {
    expect(at('2027-01-01T12:00:00Z')).toEqual({ text: 'Expires in 31 days', state: 'ok' });
    expect(at('2026-12-08T12:00:01Z')).toEqual({ text: 'Expires in 7 days', state: 'ok' });
    expect(at('2026-12-08T12:00:00Z')).toEqual({ text: 'Expires in 7 days', state: 'soon' });
    expect(at('2026-12-03T11:59:59Z')).toEqual({ text: 'Expires in 1 day', state: 'soon' });
    expect(at('2026-12-01T12:00:01Z')).toEqual({
      text: 'Expires in less than a day',
      state: 'soon',
    });
  });

  it('counts whole days since it expired', () => {
    expect(at('2026-12-01T12:00:00Z')).toEqual({
      text: 'Expired less than a day ago',
      state: 'expired',
    });
    expect(at('2026-11-30T11:00:00Z')).toEqual({ text: 'Expired 1 day ago', state: 'expired' });
    expect(at('2026-11-21T12:00:00Z')).toEqual({ text: 'Expired 10 days ago', state: 'expired' });
  });
});
