import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DisplayName } from '../../contract';
import { call, tempBackend } from '../../test-support/backend';
import { osAccount } from '../context';

/*
 * Issue 12 item 9: the display name accepted HTML, bidi overrides and NUL, and could pose as
 * another person ("Jane Smith (jsmith)"). Now printable text only, always shown with the OS account.
 */

let backend: ReturnType<typeof tempBackend>;
beforeEach(() => {
  backend = tempBackend();
});
afterEach(() => backend.cleanup());

describe('display name', () => {
  it('refuses HTML, bidi overrides, NUL, invisible characters and a posed account', async () => {
    for (const bad of ['<img src=x onerror=alert(1)>', 'Eve\u202Egnp.exe', 'Eve\u0000', 'Jane Smith (jsmith)', 'Ja\u200Bne', 'A\u2028B', 'x\uFFFE', 'lone\uD800']) {
      const result = await backend.dispatch('settings.update', { displayName: bad });
      expect(result, JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/printable/) } });
    }
    expect((await call(backend, 'settings.get')).displayName).toBe('');
  });

  it('accepts printable names in any script, and the trail shows them with the OS account', async () => {
    for (const good of ["Zoë O'Brien-Łukasz", '山田 太郎', 'د. ليلى', 'Dr. A. Smith, PhD']) {
      await call(backend, 'settings.update', { displayName: good });
      expect((await call(backend, 'app.info')).actor).toBe(`${good} (${osAccount()})`);
    }
  });

  it('over the whole Unicode range: whatever is accepted is printable, and the account is always beside it', () => {
    const anyUnit = fc.oneof(fc.integer({ min: 0, max: 0x10ffff }).map((cp) => (cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp))), fc.constantFrom('(', ')', '<', '\u202E', '\u0000'));
    fc.assert(
      fc.property(fc.array(anyUnit, { maxLength: 30 }).map((a) => a.join('')), (name) => {
        const parsed = DisplayName.safeParse(name);
        if (parsed.success) expect(parsed.data).not.toMatch(/[\p{C}<>()]/u);
      }),
      { numRuns: 2000 },
    );
  });
});
