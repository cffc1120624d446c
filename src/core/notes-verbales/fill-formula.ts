/**
 * Fills "{name}" slots in a fixed formula. Strict both ways: a slot without a value and a
 * value without a slot are errors, so a template and its fields cannot drift apart silently.
 */
export function fillFormula(formula: string, values: Readonly<Record<string, string>>): string {
  const used = new Set<string>();
  const filled = formula.replace(/\{([a-zA-Z]+)\}/g, (_slot, name: string) => {
    const value = values[name];
    if (value === undefined) throw new RangeError(`The formula "${formula}" needs a value for {${name}}.`);
    used.add(name);
    return value;
  });
  const unused = Object.keys(values).filter((name) => !used.has(name));
  if (unused.length > 0) throw new RangeError(`The formula "${formula}" has no slot for ${unused.map((name) => `{${name}}`).join(', ')}.`);
  return filled;
}

/** The slot names a formula uses, in order of first use. */
export function formulaSlots(formula: string): string[] {
  return [...new Set([...formula.matchAll(/\{([a-zA-Z]+)\}/g)].map((match) => match[1] ?? ''))];
}
