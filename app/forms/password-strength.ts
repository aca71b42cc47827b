import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as enDictionary, translations as enTranslations } from '@zxcvbn-ts/language-en';

// How guessable a new password is, by zxcvbn-ts with its common-password and English dictionaries, offline.
// The server's check (every place a password is set) is the authority; the new-password field loads this
// module with import() to show the same verdict while the person types.

/** zxcvbn's score, 0–4: 3 is "safely unguessable" (about 10^8 guesses and more). */
export const MIN_PASSWORD_SCORE = 3;

/**
 * What Chinese users build passwords from, which the English dictionaries do not know: pinyin of love
 * phrases and of the commonest surnames and given names, and the numbers that stand for phrases
 * (5201314 "我爱你一生一世"). Most common first: zxcvbn ranks a word by its place in the list.
 */
const PINYIN: readonly string[] = [
  'woaini', '5201314', '1314', '520', 'aini', '1314520', 'woaiwojia', 'zhongguo', 'beijing', 'shanghai', 'nihao',
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo',
  'he', 'lin', 'luo', 'gao', 'zheng', 'liang', 'xie', 'song', 'tang', 'han', 'feng', 'deng', 'cao', 'peng', 'zeng',
  'xiao', 'tian', 'dong', 'pan', 'yuan', 'cai', 'jiang', 'yu', 'du', 'ye', 'cheng', 'wei', 'su', 'lu', 'ding', 'ren',
  'jing', 'ming', 'hong', 'hui', 'jun', 'lei', 'tao', 'bin', 'jie', 'yan', 'xin', 'fang', 'ping', 'qiang',
  'xiaoming', 'xiaohong', 'baobao', 'tiantian', 'lele', 'dandan', 'qq', 'woaiwo', 'iloveyou', 'nimabi', 'caonima',
  'aiqing', 'kuaile', 'xingfu', 'pengyou', 'mima', 'tianshi', 'shengri',
];

/** The site's own words: a password built on them is the first thing a guesser tries here. */
export const SITE_WORDS: readonly string[] = ['WishBridge', 'wishbridge', '心愿桥', 'xinyuanqiao', 'xinyuan'];

export const WARNING_CODES = Object.keys(enTranslations.warnings) as Array<keyof typeof enTranslations.warnings>;
export const SUGGESTION_CODES = Object.keys(enTranslations.suggestions) as Array<keyof typeof enTranslations.suggestions>;

// zxcvbn's feedback comes back as its codes (the "translation" of each code is the code itself), which the
// catalogues turn into zh-CN or English text.
const identity = <K extends string>(codes: K[]) => Object.fromEntries(codes.map((c): [K, string] => [c, c])) as Record<K, string>;

let factory: ZxcvbnFactory | null = null;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...enDictionary, 'pinyin-zh': [...PINYIN] },
    graphs: adjacencyGraphs,
    translations: { warnings: identity(WARNING_CODES), suggestions: identity(SUGGESTION_CODES), timeEstimation: enTranslations.timeEstimation },
  });
  return factory;
}

/** Whose password it is: their address and name are guessable inputs too. */
export interface PasswordOwner {
  email?: string | null;
  name?: string | null;
}

/** The words a guesser would try for this person on this site. */
export function personalWords(owner: PasswordOwner): string[] {
  const words = new Set<string>(SITE_WORDS);
  const add = (w: string | null | undefined) => {
    const s = w?.trim().toLowerCase();
    if (s && s.length >= 2) words.add(s);
  };
  if (owner.email) {
    const email = owner.email.trim().toLowerCase();
    add(email);
    const [local, domain] = email.split('@');
    add(local);
    for (const part of (local ?? '').split(/[._+\-\d]+/)) add(part);
    add(domain?.split('.')[0]);
  }
  if (owner.name) {
    add(owner.name);
    add(owner.name.replace(/\s+/g, ''));
    for (const part of owner.name.split(/[\s.·・,_-]+/)) add(part);
  }
  return [...words];
}

export interface PasswordStrength {
  /** 0–4. */
  score: number;
  acceptable: boolean;
  /** Catalogue keys: zxcvbn's warning first, then its suggestions. */
  feedback: string[];
}

export function passwordStrength(password: string, owner: PasswordOwner = {}): PasswordStrength {
  const result: ZxcvbnResult = estimator().check(password, personalWords(owner));
  const feedback: string[] = [];
  if (result.feedback.warning) feedback.push(`password.warning.${result.feedback.warning}`);
  for (const code of result.feedback.suggestions) feedback.push(`password.suggestion.${code}`);
  return { score: result.score, acceptable: result.score >= MIN_PASSWORD_SCORE, feedback };
}

/** The field messages for a password too easy to guess, or null when it will do. */
export function weakPasswordMessages(password: string, owner: PasswordOwner = {}): string[] | null {
  const strength = passwordStrength(password, owner);
  if (strength.acceptable) return null;
  return ['form.password.weak', ...strength.feedback];
}
