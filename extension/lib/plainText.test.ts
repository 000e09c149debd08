import { describe, expect, it } from 'vitest';
import { toPlainText } from './plainText';

describe('toPlainText', () => {
  it('strips bidi controls, zero-width and control characters, and collapses whitespace', () => {
    expect(toPlainText('  Eve\u202Elyn\u200B\u200C\u200D\uFEFF  \n\t Rossi\u0007\u2066 \u2069 ', 300)).toBe(
      'Evelyn Rossi',
    );
    expect(toPlainText('\u202BDubai, United Arab Emirates\u202C', 300)).toBe('Dubai, United Arab Emirates');
    expect(toPlainText('soft\u00ADhyphen\u{E0041}\u{E0042}', 300)).toBe('softhyphen');
  });

  it('leaves markup-looking text as text: it is data, never HTML', () => {
    expect(toPlainText('<img src=x onerror=alert(1)>', 300)).toBe('<img src=x onerror=alert(1)>');
  });

  it('keeps every script intact', () => {
    expect(toPlainText('佐藤 遥', 300)).toBe('佐藤 遥');
    expect(toPlainText('مدير تقنية المعلومات', 300)).toBe('مدير تقنية المعلومات');
    expect(toPlainText('Universita\u0300 Beispiel', 300)).toBe('Università Beispiel');
  });

  it('caps the length in UTF-16 units without splitting a surrogate pair', () => {
    expect(toPlainText('x'.repeat(10_000), 300)).toHaveLength(300);
    expect(toPlainText(`ab😀`, 3)).toBe('ab');
    expect(toPlainText('word '.repeat(100), 12)).toBe('word word wo');
    expect(toPlainText('x\uD800y', 10)).toBe('xy');
  });

  it('returns an empty string when nothing visible is left', () => {
    expect(toPlainText('\u200B\u202E \n', 300)).toBe('');
    expect(toPlainText(null, 300)).toBe('');
  });
});
