/**
 * A notation is a plug-in that reads drafts written in a convention and writes the
 * state back in it. Both directions live together so that round trips can be tested.
 */
import type { DelegationRegistry } from '../delegations/index.ts';
import type { DocumentState } from '../model/document-state.ts';
import type { DraftBuilder } from './draft-builder.ts';
import type { ImportWarning } from './warnings.ts';
import type { ViewSpec } from '../views/view-spec.ts';

export interface ImportContext {
  readonly registry: DelegationRegistry;
  readonly builder: DraftBuilder;
  readonly warn: (warning: ImportWarning) => void;
}

/**
 * One provision's share of a rendered text: the paragraphs written for it (its line, the
 * remarks and footnote texts after it), so that two renderings can be compared provision by
 * provision. `provisionId` is null for what belongs to no provision (notes after the last).
 */
export interface RenderedSection {
  readonly provisionId: string | null;
  readonly paragraphs: readonly string[];
}

/** The whole text of a rendering: every section's paragraphs, a blank line between each. */
export function joinSections(sections: readonly RenderedSection[]): string {
  return sections.flatMap((section) => section.paragraphs).join('\n\n') + '\n';
}

export interface Notation {
  readonly id: string;
  /** How strongly the text looks written in this notation: 0 (not at all) upwards. */
  detect(text: string): number;
  /** Decomposes `text` into the builder; never throws on any input. */
  read(text: string, context: ImportContext): void;
  /** Writes the state's chosen view in this notation. */
  render(state: DocumentState, view: ViewSpec, registry: DelegationRegistry): string;
  /** The same rendering cut into provisions: `render` is {@link joinSections} of it. */
  renderSections(state: DocumentState, view: ViewSpec, registry: DelegationRegistry): RenderedSection[];
}
