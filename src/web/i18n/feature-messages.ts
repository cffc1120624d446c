/**
 * One feature's messages in the three languages, kept in a file of its own beside the
 * feature and spread into en.ts, ru.ts and kk.ts with one line each. The type makes the
 * Russian and Kazakh parts carry exactly the English ids.
 */
export interface FeatureMessages<E extends Record<string, string>> {
  readonly en: E;
  readonly ru: Record<keyof E, string>;
  readonly kk: Record<keyof E, string>;
}

export function featureMessages<const E extends Record<string, string>>(messages: FeatureMessages<E>): FeatureMessages<E> {
  return messages;
}
