// The facts about a child that the privacy check (app/domain/privacy.ts) looks for in public text.
// The domain cannot know how a name is written in pinyin or traditional characters (that needs
// dictionaries), so the spellings are computed here and passed in. Every place that runs the check
// builds its facts through this module, so none of them misses a spelling or the birth date.

import { pinyin } from 'pinyin-pro';
import { Converter } from 'opencc-js';
import { deriveGivenName, type ChildIdentity } from '../domain/privacy';

/**
 * OpenCC's converters hold about 40 MB of heap each: they are built the first time a child's facts are
 * needed, not when the module loads, so a process that never checks a text (most requests, the jobs,
 * the compiled server around the Remix build) never carries them (README D34).
 */
let converters: { toTaiwan: (text: string) => string; toHongKong: (text: string) => string } | null = null;
function traditionalConverters() {
  converters ??= { toTaiwan: Converter({ from: 'cn', to: 'tw' }), toHongKong: Converter({ from: 'cn', to: 'hk' }) };
  return converters;
}

/** The child's name and birth date as the privacy check needs them. */
export function childPrivacyFacts(child: { realName: string; birthDate?: string | null }): ChildIdentity {
  const realName = child.realName.trim();
  const given = deriveGivenName({ realName });
  // One reading per character, the surname read as a surname (单 shàn, not dān).
  const forms = syllableForms(realName);
  const givenCount = given && HAN_ONLY.test(realName) && realName.endsWith(given) ? [...given].length : 0;
  const surnameCount = givenCount ? [...realName].length - givenCount : 0;
  return {
    realName,
    ...(child.birthDate ? { birthDate: child.birthDate } : {}),
    realNameVariants: unique([
      ...traditional(realName),
      ...spellings(forms),
      // Western order, as in an English text: "Xiaohe Wang".
      ...(surnameCount ? spellings(forms.map((f) => [...f.slice(surnameCount), ...f.slice(0, surnameCount)])) : []),
    ]).filter((v) => v !== realName),
    givenNameVariants: given
      ? unique([
          ...traditional(given),
          // A one-character given name in pinyin ("lei") is an ordinary syllable; it is not looked for.
          ...(givenCount >= 2 ? spellings(forms.map((f) => f.slice(surnameCount))) : []),
        ]).filter((v) => v !== given)
      : [],
  };
}

const HAN_ONLY = /^\p{Script=Han}+$/u;

function traditional(name: string): string[] {
  const { toTaiwan, toHongKong } = traditionalConverters();
  return [toTaiwan(name), toHongKong(name)];
}

/** The name's syllables with tone marks, without, and with ü written v or u. Non-Han characters are dropped. */
function syllableForms(name: string): string[][] {
  const han = [...name].filter((c) => /\p{Script=Han}/u.test(c)).join('');
  if (!han) return [];
  const marked = pinyin(han, { mode: 'surname', surname: 'head', type: 'array' });
  const plain = pinyin(han, { mode: 'surname', surname: 'head', type: 'array', toneType: 'none' });
  return [marked, plain, plain.map((s) => s.replace(/ü/g, 'v')), plain.map((s) => s.replace(/ü/g, 'u'))];
}

/** Each form with spaces between the syllables and without. */
function spellings(forms: string[][]): string[] {
  return forms.flatMap((syllables) => [syllables.join(' '), syllables.join('')]);
}

function unique(xs: string[]): string[] {
  return [...new Set(xs.filter((x) => x.length > 0))];
}
