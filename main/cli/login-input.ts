import { z } from 'zod';
import { storedCredentialsSchema, type StoredCredentials } from '../core/secrets/credential-store';
import type { InputSource } from './deps';
import { UsageError } from './exit-codes';
import type { Prompter } from './prompt';
import { readStdinLimited } from './stdin';
import { operatorIdSchema } from '../shared/model/settings-schema';
import {
  invalidCredentialFields,
  invalidCredentialTextMessage,
} from '../shared/rules/credential-text';

/**
 * What `auth login` is told: from a JSON document on stdin (scripts), or asked one field at a
 * time on a terminal, the SecretKey without echo. Messages name fields, never their values.
 */

export interface LoginInput {
  readonly credentials: StoredCredentials;
  readonly operatorId: string;
}

/** Far more than any real document; a runaway pipe is cut off instead of filling memory. */
const MAX_STDIN_BYTES = 64 * 1024;

const stdinSchema = z.object({
  appId: z.string(),
  // Absent, null or "" all mean "no SdkId assigned": the header is then left out.
  sdkId: z.string().nullish(),
  secretId: z.string(),
  secretKey: z.string(),
  operatorId: z.string(),
});

export async function readLoginFromStdin(input: InputSource): Promise<LoginInput> {
  const bytes = await readStdinLimited(
    input,
    MAX_STDIN_BYTES,
    `--stdin: the input is larger than ${MAX_STDIN_BYTES} bytes.`,
  );
  const text = bytes.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text, which holds the secrets: never shown.
    throw new UsageError(
      '--stdin: the input is not a JSON document.',
      'Send {"appId": "…", "sdkId": "…" (optional), "secretId": "…", "secretKey": "…", "operatorId": "…"}.',
    );
  }
  const parsed = stdinSchema.safeParse(json);
  if (!parsed.success) {
    const fields = [
      ...new Set(
        parsed.error.issues.map((issue) => {
          const key = issue.path[0];
          return typeof key === 'string' && Object.hasOwn(stdinSchema.shape, key)
            ? key
            : 'the document';
        }),
      ),
    ];
    throw new UsageError(
      `--stdin: ${fields.join(', ')} ${fields.length === 1 ? 'is' : 'are'} missing or not text.`,
      'Send {"appId": "…", "sdkId": "…" (optional), "secretId": "…", "secretKey": "…", "operatorId": "…"}.',
    );
  }
  const { sdkId, ...rest } = parsed.data;
  return check({ ...rest, sdkId: sdkId ?? '' });
}

/** Asks on the terminal. Ctrl-D ends the login; Ctrl-C is an InterruptedError. */
export async function askLogin(
  prompt: Prompter,
  operatorDefault: string | null,
): Promise<LoginInput> {
  const required = async (question: string, hidden = false): Promise<string> => {
    const answer = hidden ? await prompt.askHidden(question) : await prompt.ask(question);
    if (answer === null) throw new UsageError('Login cancelled: nothing was saved.');
    return answer.trim();
  };
  const appId = await required('AppId: ');
  const sdkId = await required('SdkId (leave empty if Tencent assigned none): ');
  const secretId = await required('SecretId: ');
  const secretKey = await required('SecretKey (not shown): ', true);
  const operatorQuestion =
    operatorDefault === null ? 'Operator userid: ' : `Operator userid [${operatorDefault}]: `;
  const operatorAnswer = await required(operatorQuestion);
  const operatorId =
    operatorAnswer === '' && operatorDefault !== null ? operatorDefault : operatorAnswer;
  return check({ appId, sdkId, secretId, secretKey, operatorId });
}

function check(input: {
  appId: string;
  sdkId: string;
  secretId: string;
  secretKey: string;
  operatorId: string;
}): LoginInput {
  const candidate = {
    appId: input.appId.trim(),
    ...(input.sdkId.trim() === '' ? {} : { sdkId: input.sdkId.trim() }),
    secretId: input.secretId.trim(),
    secretKey: input.secretKey.trim(),
  };
  const credentials = storedCredentialsSchema.safeParse(candidate);
  const operator = operatorIdSchema.safeParse(input.operatorId.trim());
  // One rule for all five (shared/rules/credential-text): checked here, before any request.
  const bad = invalidCredentialFields({ ...candidate, operatorId: input.operatorId.trim() });
  if (!credentials.success || !operator.success || bad.length > 0) {
    throw new UsageError(
      invalidCredentialTextMessage(bad.length > 0 ? bad : ['operatorId']),
      'Copy them again from the Tencent Meeting enterprise console (REST API application).',
    );
  }
  const { sdkId, ...rest } = credentials.data;
  return {
    credentials: sdkId === undefined ? rest : { ...rest, sdkId },
    operatorId: operator.data,
  };
}
