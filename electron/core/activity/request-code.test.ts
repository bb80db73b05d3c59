import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RequestRecipe } from '../../../shared/activity/activity-types';
import { requestCode } from '../../../shared/activity/request-code';

const KEY = 'the-real-key-0123456789abcdef';
const TOKEN = "sv=2024-05-04&sp=rl&sig=a%2Bb%3D&x='q'";
const env = { ...process.env, AZURE_VISION_KEY: KEY, SAS_TOKEN: TOKEN };

/** Quotes, $, backticks, backslashes, newlines and typographic quotes, all in one value. */
const NASTY = 'it\'s "$HOME" `whoami` $(id)\nline two ‘curly’ \\ back %PATH% ${x}';

const patch: RequestRecipe = {
  method: 'PATCH',
  url: 'https://r.cognitiveservices.azure.com/computervision/datasets/a-b?api-version=2023-02-01-preview',
  sasTokenInUrl: false,
  keyHeader: 'Ocp-Apim-Subscription-Key',
  headers: [
    ['Accept', 'application/json'],
    ['Content-Type', 'application/json-patch+json'],
    ['If-Match', '"0x8D\'`$eTag"'],
  ],
  body: {
    kind: 'json',
    text: JSON.stringify({
      customProperties: { note: NASTY },
      authentication: { kind: 'sas', sasToken: '$SAS_TOKEN' },
    }),
    sasTokenPaths: [['authentication', 'sasToken']],
  },
};
const sentBody = {
  customProperties: { note: NASTY },
  authentication: { kind: 'sas', sasToken: TOKEN },
};

const storageGet: RequestRecipe = {
  method: 'GET',
  url: 'https://acct.blob.core.windows.net/c/coco.json?comp=list',
  sasTokenInUrl: true,
  headers: [['x-ms-version', '2023-11-03']],
};

/** Runs the generated bash with `curl` replaced by a function that prints its arguments. */
function curlArguments(code: string): string[] {
  const prelude = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n`;
  const out = execFileSync('bash', ['-c', prelude + code], { env, encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('curl', () => {
  it('survives bash with every character of the values intact, secrets from the environment', () => {
    const code = requestCode(patch, 'curl');
    expect(code).not.toContain(KEY);
    expect(code).toContain('$AZURE_VISION_KEY');
    const args = curlArguments(code);
    expect(args.slice(0, 3)).toEqual(['-X', 'PATCH', patch.url]);
    expect(args).toContain(`Ocp-Apim-Subscription-Key: ${KEY}`);
    expect(args).toContain('If-Match: "0x8D\'`$eTag"');
    const body = args[args.indexOf('--data-raw') + 1];
    expect(JSON.parse(body!)).toEqual(sentBody);
  });

  it('puts the SAS token from $SAS_TOKEN into the URL', () => {
    const args = curlArguments(requestCode(storageGet, 'curl'));
    expect(args[0]).toBe(`${storageGet.url}&${TOKEN}`);
    expect(args).not.toContain('-X');
  });
});

describe('Python', () => {
  // A stand-in for requests that prints what it was asked to send.
  const fakeRequests = mkdtempSync(join(tmpdir(), 'fake-requests-'));
  writeFileSync(
    join(fakeRequests, 'requests.py'),
    [
      'import json, sys',
      'class Answer:',
      '    status_code = 200',
      '    headers = {}',
      '    text = ""',
      'def request(method, url, headers=None, data=None, timeout=None):',
      '    if isinstance(data, bytes): data = data.decode("utf-8")',
      '    print(json.dumps({"method": method, "url": url, "headers": headers, "data": data}))',
      '    return Answer()',
      '',
    ].join('\n'),
  );
  const run = (code: string) => {
    const out = execFileSync('python3', ['-c', code], {
      env: { ...env, PYTHONPATH: fakeRequests },
      encoding: 'utf8',
    });
    return JSON.parse(out.split('\n')[0]!) as {
      method: string;
      url: string;
      headers: Record<string, string>;
      data: string | null;
    };
  };

  it('sends the same request, the key and token from os.environ', () => {
    const code = requestCode(patch, 'python');
    expect(code).not.toContain(KEY);
    const sent = run(code);
    expect(sent.method).toBe('PATCH');
    expect(sent.url).toBe(patch.url);
    expect(sent.headers['Ocp-Apim-Subscription-Key']).toBe(KEY);
    expect(sent.headers['If-Match']).toBe('"0x8D\'`$eTag"');
    expect(JSON.parse(sent.data!)).toEqual(sentBody);
    expect(run(requestCode(storageGet, 'python')).url).toBe(`${storageGet.url}&${TOKEN}`);
  });
});

/** PowerShell's single-quoted strings, joined with `+` and $env: variables: what they evaluate to. */
function evaluatePs(expression: string, vars: Record<string, string>): string {
  const text = expression.replace(/^\((.*)\)$/s, '$1');
  let result = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/[\s+]/.test(c)) {
      i += 1;
    } else if (/['\u2018\u2019\u201A\u201B]/.test(c)) {
      i += 1;
      for (;;) {
        const d = text[i]!;
        if (/['\u2018\u2019\u201A\u201B]/.test(d)) {
          if (/['\u2018\u2019\u201A\u201B]/.test(text[i + 1] ?? '')) {
            result += text[i + 1];
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        result += d;
        i += 1;
      }
    } else {
      const name = /^\$env:(\w+)/.exec(text.slice(i));
      if (!name) throw new Error(`unexpected at ${i}: ${text.slice(i, i + 20)}`);
      result += vars[name[1]!];
      i += name[0].length;
    }
  }
  return result;
}

describe('PowerShell', () => {
  it('quotes every value so PowerShell reads it back as it was', () => {
    const code = requestCode(patch, 'powershell');
    expect(code).not.toContain(KEY);
    expect(code).toContain('$env:AZURE_VISION_KEY');
    expect(code).toContain('-Method Patch');
    expect(code).toContain("-ContentType 'application/json-patch+json'");
    const body = /^\$body = (.*)$/ms.exec(code.split('\nInvoke-RestMethod')[0]!)?.[1];
    expect(JSON.parse(evaluatePs(body!, { SAS_TOKEN: TOKEN }))).toEqual(sentBody);
    const ifMatch = /^ {2}'If-Match' = (.*)$/m.exec(code)?.[1];
    expect(evaluatePs(ifMatch!, {})).toBe('"0x8D\'`$eTag"');
    const uri = /-Uri (.*) `$/m.exec(requestCode(storageGet, 'powershell'))?.[1];
    expect(evaluatePs(uri!, { SAS_TOKEN: TOKEN })).toBe(`${storageGet.url}&${TOKEN}`);
  });
});
