import { describe, expect, it } from 'vitest';
import {
  MIN_PASSWORD_SCORE,
  SUGGESTION_CODES,
  WARNING_CODES,
  passwordStrength,
  personalWords,
  weakPasswordMessages,
} from '../../app/forms/password-strength';
import { translator } from '../../app/i18n/index';

describe('password strength (zxcvbn-ts)', () => {
  it('refuses breached-style passwords that a length rule lets through', () => {
    for (const password of ['P@ssw0rd!', 'Password1!', 'Qwerty123!', 'Summer2024', 'wishbridge1', 'demo-password', 'iloveyou', '19880808', 'WOAINI1314']) {
      const strength = passwordStrength(password);
      expect(strength.score, password).toBeLessThan(MIN_PASSWORD_SCORE);
      expect(weakPasswordMessages(password)?.[0], password).toBe('form.password.weak');
    }
  });

  it('accepts long passphrases', () => {
    for (const password of ['Quiet-River-Bridge-42', 'kite ladder plum harbour', 'Warm-Winter-Coat-2025']) {
      expect(passwordStrength(password).acceptable, password).toBe(true);
      expect(weakPasswordMessages(password), password).toBeNull();
    }
  });

  it('counts the site’s words and the person’s address and name as guessable', () => {
    expect(personalWords({ email: 'Mei.Lin@example.org', name: 'Lin Mei' })).toEqual(
      expect.arrayContaining(['wishbridge', '心愿桥', 'mei.lin@example.org', 'mei.lin', 'mei', 'lin', 'lin mei', 'linmei']),
    );
    // Strong-looking for a stranger, weak for this person.
    const password = 'qiu.xuezhen88';
    expect(passwordStrength(password).acceptable).toBe(true);
    const mine = passwordStrength(password, { email: 'qiu.xuezhen@example.org', name: 'Xuezhen Qiu' });
    expect(mine.acceptable).toBe(false);
    expect(mine.feedback).toContain('password.warning.userInputs');
    expect(passwordStrength('WishBridge-2025').feedback).toContain('password.warning.userInputs');
    expect(passwordStrength('心愿桥心愿桥2025').acceptable).toBe(false);
  });

  it('gives its feedback as catalogue keys, each written in both languages', () => {
    const zh = translator('zh-CN');
    const en = translator('en');
    const keys = [...WARNING_CODES.map((c) => `password.warning.${c}`), ...SUGGESTION_CODES.map((c) => `password.suggestion.${c}`), 'form.password.weak'];
    expect(keys.length).toBeGreaterThan(25);
    for (const key of keys) {
      expect(zh(key), key).not.toBe(key);
      expect(en(key), key).not.toBe(key);
      expect(zh(key), key).toMatch(/[\u4e00-\u9fff]/);
    }
    const feedback = weakPasswordMessages('P@ssw0rd!')!;
    expect(feedback).toContain('password.warning.similarToCommon');
    expect(feedback).toContain('password.suggestion.l33t');
  });
});
