import { describe, expect, it } from 'vitest';
import { expandTemplate, parseTemplate, templateProblem } from './name-template';

const known = (name: string): boolean => ['nickname', 'familyName', 'birthPrefix'].includes(name);

describe('parseTemplate', () => {
  it('reads text, {token}, {token:N} and {token:N+}', () => {
    const parsed = parseTemplate('{nickname:1+}.{familyName} ({birthPrefix:2})');
    expect(parsed).toEqual({
      ok: true,
      parts: [
        { kind: 'token', name: 'nickname', length: 1, grows: true },
        { kind: 'text', text: '.' },
        { kind: 'token', name: 'familyName', length: null, grows: false },
        { kind: 'text', text: ' (' },
        { kind: 'token', name: 'birthPrefix', length: 2, grows: false },
        { kind: 'text', text: ')' },
      ],
    });
  });
});

describe('templateProblem', () => {
  it.each([
    ['{nickname', '"{" without "}"'],
    ['nickname}', '"}" without "{"'],
    ['{nick name}', 'is not a token'],
    ['{nickname:0}', 'the length must be at least 1'],
    ['{nickname:x}', 'is not a token'],
    ['{nicknaem}.{familyName}', 'unknown token {nicknaem}'],
    ['{nickname:1+}{familyName:2+}', 'at most one token may grow'],
    ['  ', 'can only give an empty value'],
    ['', 'can only give an empty value'],
  ])('refuses %j', (template, problem) => {
    expect(templateProblem(template, known)).toContain(problem);
  });

  it('accepts valid templates and custom fields', () => {
    expect(templateProblem('{nickname:1}.{familyName}', known)).toBeNull();
    expect(templateProblem('Medewerker {custom.Locatie}', known)).toBeNull();
    expect(templateProblem('fixed text', known)).toBeNull();
  });

  it('judges literal text by what the attribute keeps of it', () => {
    expect(templateProblem(' - ', known, (t) => t.replace(/[^a-z]/g, ''))).toContain('empty value');
  });
});

describe('expandTemplate', () => {
  const values: Record<string, string> = { nickname: 'Jan', familyName: 'Berg' };
  const parts = (t: string) => {
    const p = parseTemplate(t);
    if (!p.ok) throw new Error(p.error);
    return p.parts;
  };

  it('gives one value per length of the growing token, up to the whole token', () => {
    expect(expandTemplate(parts('{nickname:1+}{familyName}'), (n) => values[n] ?? '')).toEqual(['JBerg', 'JaBerg', 'JanBerg']);
    expect(expandTemplate(parts('{nickname:5+}{familyName}'), (n) => values[n] ?? '')).toEqual(['JanBerg']);
  });

  it('cuts {token:N} to N characters', () => {
    expect(expandTemplate(parts('{nickname:2}.{familyName:1}'), (n) => values[n] ?? '')).toEqual(['Ja.B']);
  });
});
