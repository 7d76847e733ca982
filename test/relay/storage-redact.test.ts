import { describe, expect, it } from 'vitest';
import { connectionError, redactUrl, scrubSecret } from '../../main/relay/storage/redact';

/** Connection URLs carry passwords: what the storage's messages may say about them. */
describe('connection URL redaction', () => {
  it('replaces the password and keeps what helps find the server', () => {
    expect(redactUrl('postgres://relay:s3cret@db.internal:5432/roomcall')).toBe(
      'postgres://relay:***@db.internal:5432/roomcall',
    );
    expect(redactUrl('redis://:s3cret@cache:6379/2')).toBe('redis://:***@cache:6379/2');
    expect(redactUrl('redis://cache:6379')).toBe('redis://cache:6379');
  });

  it('shows nothing of a URL it cannot parse', () => {
    expect(redactUrl('relay:s3cret@ nowhere')).toBe('<unparseable connection URL>');
    // No scheme: parses as scheme "relay:" with the secret in its path. Not shown either.
    expect(redactUrl('relay:s3cret@db:5432/roomcall')).toBe('<unparseable connection URL>');
    expect(scrubSecret('bad url relay:s3cret@ nowhere here', 'relay:s3cret@ nowhere')).toBe(
      'bad url <connection URL> here',
    );
  });

  it('removes the password from a message, raw or percent-encoded, and the whole URL', () => {
    const url = 'postgres://relay:p%40ss%2Fword@db:5432/x';
    const message = `failed for ${url} (password p@ss/word, encoded p%40ss%2Fword)`;
    const scrubbed = scrubSecret(message, url);
    expect(scrubbed).toBe('failed for postgres://relay:***@db:5432/x (password ***, encoded ***)');
  });

  it('builds an error that names the server and the cause without the secret', () => {
    const url = 'redis://:hunter2@cache:6379';
    const error = connectionError(
      'Connecting to Redis',
      url,
      new Error(`WRONGPASS for ${url}`),
      'Check Redis.',
    );
    expect(error.message).toBe(
      'Connecting to Redis at redis://:***@cache:6379 failed: WRONGPASS for redis://:***@cache:6379',
    );
    expect(error.message).not.toContain('hunter2');
    expect(error.hint).toBe('Check Redis.');
  });
});
