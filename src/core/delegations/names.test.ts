import { describe, expect, it } from 'vitest';
import { cleanName, foldName, isCapitalised } from './names.ts';

describe('cleanName', () => {
  it.each([
    [' the Netherlands. ', 'Netherlands'],
    ['THE  Gambia', 'Gambia'],
    ['Thai.', 'Thai'],
    ['U.S.', 'U.S'],
    ['Viet\u00a0 Nam', 'Viet Nam'],
    ['The', 'The'],
    ['Thereafter', 'Thereafter'],
    ['   ', ''],
  ])('cleans %j to %j', (raw, cleaned) => {
    expect(cleanName(raw)).toBe(cleaned);
  });
});

describe('foldName', () => {
  it.each([
    ['Côte d’Ivoire', "cote d'ivoire"],
    ['TÜRKIYE', 'turkiye'],
    ['Guinea–Bissau', 'guinea-bissau'],
    ['ТУРЦИЯ', 'турция'],
    ['Ёлка', 'елка'],
  ])('folds %j to %j', (cleaned, folded) => {
    expect(foldName(cleaned)).toBe(folded);
  });
});

describe('isCapitalised', () => {
  it.each(['US', 'G77', 'U.S.A', 'США', '77'])('treats %j as capitalised', (name) => {
    expect(isCapitalised(name)).toBe(true);
  });

  it.each(['LDCs', 'Thai', 'us', 'Россия'])('treats %j as a word', (name) => {
    expect(isCapitalised(name)).toBe(false);
  });
});
