/** `renderText` writes any view of a state in a notation; `renderSections` cuts it into provisions. */
import { createDelegationRegistry, type DelegationRegistry } from './delegations/index.ts';
import type { DocumentState } from './model/document-state.ts';
import type { Notation, RenderedSection } from './notations/notation.ts';
import { getNotation } from './notations/registry.ts';
import { compareTexts, type Comparison } from './views/compare.ts';
import { parseViewSpec, type ViewSpec } from './views/view-spec.ts';

export interface RenderOptions {
  /** "compiled", "agreed", "as:ISO3", or a parsed {@link ViewSpec}. */
  readonly view?: string | ViewSpec;
  /** Defaults to the notation the document was imported from. */
  readonly notation?: string;
  readonly registry?: DelegationRegistry;
}

export function renderText(state: DocumentState, options: RenderOptions = {}): string {
  const { notation, view, registry } = settle(state, options);
  return notation.render(state, view, registry);
}

/** The same text as {@link renderText}, cut into provisions (for a comparison provision by provision). */
export function renderSections(state: DocumentState, options: RenderOptions = {}): RenderedSection[] {
  const { notation, view, registry } = settle(state, options);
  return notation.renderSections(state, view, registry);
}

function settle(state: DocumentState, options: RenderOptions): { notation: Notation; view: ViewSpec; registry: DelegationRegistry } {
  const view = typeof options.view === 'string' ? parseViewSpec(options.view) : (options.view ?? { kind: 'compiled' as const });
  if (view === null) throw new RangeError(`Unknown view "${typeof options.view === 'string' ? options.view : ''}": use compiled, agreed or as:ISO3.`);
  const notationId = options.notation ?? state.notation;
  const notation = getNotation(notationId);
  if (!notation) throw new RangeError(`Unknown notation "${notationId}".`);
  const registry = options.registry ?? createDelegationRegistry();
  // "as:Thai", "as:Israel", "as:isr": positions are kept under the registry's code.
  const resolved = view.kind === 'as' ? { kind: 'as' as const, delegation: registry.resolve(view.delegation)?.code ?? view.delegation.toUpperCase() } : view;
  return { notation, view: resolved, registry };
}

/** Word-level comparison of two states (e.g. Rev.1 and Rev.2) in the same view and notation. */
export function compareRevisions(before: DocumentState, after: DocumentState, options: RenderOptions = {}): Comparison {
  return compareTexts(renderText(before, options), renderText(after, options));
}
