import { describe, expect, it } from 'vitest';
import { UsageError } from '../../main/cli/exit-codes';
import { askLogin, readLoginFromStdin } from '../../main/cli/login-input';
import type { Prompter } from '../../main/cli/prompt';
import { rejectionOf } from '../helpers/rejection';

const KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';

function stdin(...chunks: string[]) {
  return {
    isTTY: false,
    chunks: (async function* () {
      await Promise.resolve();
      yield* chunks;
    })(),
  };
}

const doc = { appId: '200000001', secretId: 'AKIDxyz', secretKey: KEY, operatorId: 'tester1' };

describe('readLoginFromStdin', () => {
  it('reads the document across chunks; sdkId absent, null or "" all mean none', async () => {
    const text = JSON.stringify(doc);
    const parsed = await readLoginFromStdin(stdin(text.slice(0, 10), text.slice(10)));
    expect(parsed).toEqual({
      credentials: { appId: '200000001', secretId: 'AKIDxyz', secretKey: KEY },
      operatorId: 'tester1',
    });
    for (const sdkId of [null, '', '  ']) {
      const none = await readLoginFromStdin(stdin(JSON.stringify({ ...doc, sdkId })));
      expect(none.credentials).not.toHaveProperty('sdkId');
    }
    const some = await readLoginFromStdin(stdin(JSON.stringify({ ...doc, sdkId: '1900' })));
    expect(some.credentials.sdkId).toBe('1900');
  });

  it('refuses bad documents without quoting them', async () => {
    const broken = await rejectionOf(
      readLoginFromStdin(stdin(`{"secretKey":"${KEY}"`)),
      UsageError,
    );
    expect(broken.message).not.toContain(KEY);
    const wrongType = await rejectionOf(
      readLoginFromStdin(stdin(JSON.stringify({ ...doc, secretId: 5 }))),
      UsageError,
    );
    expect(wrongType.message).toBe('--stdin: secretId is missing or not text.');
    const badOperator = await rejectionOf(
      readLoginFromStdin(stdin(JSON.stringify({ ...doc, operatorId: 'a\tb' }))),
      UsageError,
    );
    expect(badOperator.message).toContain('operator userid is missing or invalid');
    const huge = await rejectionOf(readLoginFromStdin(stdin('x'.repeat(70_000))), UsageError);
    expect(huge.message).toContain('larger than');
  });
});

describe('askLogin', () => {
  function prompter(answers: (string | null)[]): Prompter & { hidden: string[] } {
    const hidden: string[] = [];
    return {
      hidden,
      ask: () => Promise.resolve(answers.shift() ?? null),
      askHidden: (question) => {
        hidden.push(question);
        return Promise.resolve(answers.shift() ?? null);
      },
    };
  }

  it('asks the SecretKey hidden; an empty operator takes the saved one', async () => {
    const p = prompter(['200000001', ' 1900 ', 'AKIDxyz', KEY, '']);
    const login = await askLogin(p, 'alice');
    expect(p.hidden).toEqual(['SecretKey (not shown): ']);
    expect(login).toEqual({
      credentials: { appId: '200000001', sdkId: '1900', secretId: 'AKIDxyz', secretKey: KEY },
      operatorId: 'alice',
    });
  });

  it('Ctrl-D ends it; an empty required field is refused', async () => {
    expect(
      (await rejectionOf(askLogin(prompter(['1', null]), null), UsageError)).message,
    ).toContain('Login cancelled');
    expect(
      (await rejectionOf(askLogin(prompter(['', '', 'id', 'key', 'op']), null), UsageError))
        .message,
    ).toContain('AppId is missing or invalid');
  });
});
