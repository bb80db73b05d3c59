import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, ipcContract } from '../../../shared/ipc/contract';
import type { Channel } from '../../../shared/ipc/contract';
import { ok } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/errors';
import { createDispatcher } from './dispatcher';
import type { HandlerTable } from './dispatcher';
import { createIpcGate } from './ipc-gate';

const ORIGIN = 'app://dataset-manager';
const page = { url: `${ORIGIN}/index.html`, isMainFrame: true };

/** A table whose every handler records its call and answers ok. */
function recordingTable() {
  const calls: { channel: Channel; request: unknown }[] = [];
  const table = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async (request: unknown): Promise<Result<unknown>> => {
        calls.push({ channel, request });
        return ok('handled');
      },
    ]),
  ) as unknown as HandlerTable;
  return { calls, table };
}

describe('the IPC gate', () => {
  it('passes a valid request from our page to its handler, parsed', async () => {
    const { calls, table } = recordingTable();
    const gate = createIpcGate(createDispatcher(table), [ORIGIN]);
    const result = await gate('connections:add', page, {
      name: '  Contoso prod ',
      endpoint: 'https://contoso.cognitiveservices.azure.com/',
      key: 'k1',
    });
    expect(result).toEqual({ ok: true, value: 'handled' });
    expect(calls).toEqual([
      {
        channel: 'connections:add',
        request: {
          name: 'Contoso prod',
          endpoint: 'https://contoso.cognitiveservices.azure.com/',
          key: 'k1',
        },
      },
    ]);
  });

  it.each([
    ['another origin', { url: 'https://evil.example/index.html', isMainFrame: true }],
    ['a look-alike scheme', { url: 'file:///work/out/renderer/index.html', isMainFrame: true }],
    ['an iframe of our own origin', { url: `${ORIGIN}/index.html`, isMainFrame: false }],
    ['a frame that is gone', { url: undefined, isMainFrame: true }],
    ['a malformed URL', { url: 'not a url', isMainFrame: true }],
  ])('refuses %s without calling any handler', async (_label, sender) => {
    const { calls, table } = recordingTable();
    const gate = createIpcGate(createDispatcher(table), [ORIGIN]);
    const result = await gate('connections:list', sender, {});
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('answers a malformed payload with the field and what is wrong', async () => {
    const { calls, table } = recordingTable();
    const gate = createIpcGate(createDispatcher(table), [ORIGIN]);
    const result = await gate('datasets:update', page, {
      connectionId: 'c1',
      name: 'flowers',
      ifMatch: 'e1',
      changes: { annotationFileUris: ['not-absolute'] },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'badRequest', details: [{ field: 'changes.annotationFileUris.0' }] },
    });
    expect(!result.ok && result.error.message).toMatch(/absolute https address/);
    expect(calls).toEqual([]);
  });

  it('turns a handler that throws into a structured internal error, without its message', async () => {
    const { table } = recordingTable();
    table['connections:list'] = () => Promise.reject(new Error('secret-detail key=abc'));
    const onError = vi.fn();
    const gate = createIpcGate(createDispatcher(table, onError), [ORIGIN]);
    const result = await gate('connections:list', page, {});
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret-detail');
    expect(onError).toHaveBeenCalledOnce();
  });

  it('never throws and never calls a handler with a payload its schema refuses (property-based)', async () => {
    const { calls, table } = recordingTable();
    const gate = createIpcGate(createDispatcher(table), [ORIGIN]);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...CHANNELS), fc.string()),
        fc.anything({ withObjectString: true, withNullPrototype: true, withMap: true }),
        fc.boolean(),
        async (channel, payload, fromPage) => {
          calls.length = 0;
          const sender = fromPage ? page : { url: 'https://evil.example/', isMainFrame: true };
          const result = await gate(channel, sender, payload);
          expect(typeof result.ok).toBe('boolean');
          if (!fromPage) {
            expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
            expect(calls).toEqual([]);
            return;
          }
          const known = (CHANNELS as string[]).includes(channel);
          const valid =
            known && ipcContract[channel as Channel].request.safeParse(payload ?? {}).success;
          if (valid) expect(result).toEqual({ ok: true, value: 'handled' });
          else {
            expect(result).toMatchObject({ ok: false, error: { kind: 'badRequest' } });
            expect(calls).toEqual([]);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
