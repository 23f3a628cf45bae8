import { describe, expect, it } from 'vitest';
import { redactSecrets } from './secret-forms';
import { SecretRedactor } from '../visma/errors';
import { redact } from '../ad/directory-errors';

const SECRET = 'p@ss "word"\\  with\ttabs&=+';

describe('secret redaction', () => {
  const echoes = [
    `plain ${SECRET} end`,
    `json {"client_secret":${JSON.stringify(SECRET)}}`,
    `url ?client_secret=${encodeURIComponent(SECRET)}&x=1`,
    `form ${new URLSearchParams({ client_secret: SECRET }).toString()}`,
    `collapsed ${SECRET.replace(/\s+/g, ' ')} end`,
  ];

  it.each(echoes)('masks the secret as a server may echo it: %s', (echo) => {
    const masked = redactSecrets(echo, [SECRET], '***', 4);
    expect(masked).toContain('***');
    for (const part of ['p@ss', 'word', 'tabs']) expect(masked).not.toContain(part);
  });

  it('is what the Visma client and the directory adapter use', () => {
    const redactor = new SecretRedactor([SECRET]);
    for (const echo of echoes) expect(redactor.redact(echo)).not.toContain('p@ss');
    for (const echo of echoes) expect(redact(echo, [SECRET])).not.toContain('p@ss');
    expect(redactor.redact('the word tab stays')).toBe('the word tab stays');
  });
});
