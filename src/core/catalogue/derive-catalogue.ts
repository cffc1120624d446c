/**
 * `deriveCatalogue` reads dimensions, priority areas and measures from a negotiated document,
 * by the shape every CICA catalogue has:
 * - a dimension is a heading numbered with two levels ("2.1 Military-political dimension");
 * - a priority area is an unnumbered heading inside a dimension ("Energy security");
 * - a measure is a provision numbered under its dimension ("2.3.2", "2.2.x", "2.5.12(a)"),
 *   whatever kind the importer gave it (a short measure without a full stop reads as a heading);
 * - a lettered sub-item ("c) presence of foreign military contingents …") is a part of the
 *   measure before it, not a measure of its own: states choose 2.1.1, and the information
 *   exchange cites "2.1.1 c)" as the legal basis of one of its forms;
 * - a dimension ends at the next dimension or at the next top-level heading ("3. Modalities …").
 *
 * Only labels and kinds are read, never the words, so the same rules hold in any language.
 */
import type { DocumentState } from '../model/document-state.ts';
import type { Provision } from '../model/provision.ts';
import { cleanProvisionText, tidy } from '../views/clean-text.ts';
import { resolve, type Resolution } from '../views/resolution.ts';
import { implicitAreaId, type Catalogue, type CatalogueDimension, type CatalogueNote, type Measure, type PriorityArea, type SubMeasure } from './catalogue.ts';
import { openBracketReader, type OpenBrackets } from './open-brackets.ts';

const DIMENSION_LABEL = /^\d+\.\d+$/u;
const TOP_LEVEL_LABEL = /^\d+$/u;
const FINAL_NUMBER = /^\d+(?:\.\d+)*$/u;

interface DimensionDraft {
  readonly heading: Provision;
  /** "2.1": its measures are numbered "2.1.…". */
  readonly label: string;
  readonly areas: { heading: Provision; measures: MeasureDraft[] }[];
  readonly unassigned: MeasureDraft[];
}

interface MeasureDraft {
  readonly provision: Provision;
  readonly parts: Provision[];
}

export function deriveCatalogue(state: DocumentState): Catalogue {
  const notes: CatalogueNote[] = [];
  const drafts: DimensionDraft[] = [];
  let dimension: DimensionDraft | null = null;
  let lastMeasure: MeasureDraft | null = null;

  for (const id of state.order) {
    const provision = state.provisions.get(id);
    if (!provision) continue;
    const label = provision.label;
    if (provision.kind === 'heading' && label !== null && DIMENSION_LABEL.test(label)) {
      dimension = { heading: provision, label, areas: [], unassigned: [] };
      drafts.push(dimension);
      lastMeasure = null;
      continue;
    }
    if (dimension === null) continue;
    if (provision.kind === 'heading' && label !== null && TOP_LEVEL_LABEL.test(label)) {
      dimension = null;
      continue;
    }
    if (provision.kind === 'heading' && label === null) {
      dimension.areas.push({ heading: provision, measures: [] });
      lastMeasure = null;
      continue;
    }
    if (label !== null && label.startsWith(`${dimension.label}.`) && provision.kind !== 'sub-item') {
      lastMeasure = { provision, parts: [] };
      (dimension.areas.at(-1)?.measures ?? dimension.unassigned).push(lastMeasure);
      continue;
    }
    if (provision.kind === 'sub-item' && lastMeasure !== null) {
      lastMeasure.parts.push(provision);
      continue;
    }
    if (label !== null) {
      notes.push({
        code: 'STRAY_ITEM',
        provisionId: provision.id,
        message: `"${label}" stands in dimension ${dimension.label} but is numbered neither as one of its measures nor as a sub-item of one; it is left out of the catalogue. Check its number.`,
      });
    }
    // Unnumbered paragraphs are the dimension's introduction ("In order to ensure lasting stability …").
  }

  const build = new Builder(state, notes);
  const dimensions = drafts.map((draft) => build.dimension(draft));
  noteDuplicateNumbers(dimensions, notes);
  return { documentId: state.id, version: state.version, dimensions, notes };
}

class Builder {
  readonly #state: DocumentState;
  readonly #notes: CatalogueNote[];
  readonly #agreed: Resolution;
  readonly #open: (provisionId: string) => OpenBrackets;
  readonly #alternatives: Map<string, string[]>;

  constructor(state: DocumentState, notes: CatalogueNote[]) {
    this.#state = state;
    this.#notes = notes;
    this.#agreed = resolve(state, { kind: 'agreed' });
    this.#open = openBracketReader(state);
    this.#alternatives = alternativesByProvision(state);
  }

  dimension(draft: DimensionDraft): CatalogueDimension {
    const id = draft.heading.id;
    const { label } = draft;
    const title = headingTitle(draft.heading.text);
    if (draft.areas.length === 0) {
      this.#notes.push({
        code: 'IMPLICIT_AREA',
        provisionId: id,
        message: `Dimension ${label} "${title}" has no priority-area headings; its measures form one area named after the dimension.`,
      });
      const area: PriorityArea = {
        id: implicitAreaId(id),
        provisionId: null,
        dimensionId: id,
        title,
        implicit: true,
        measures: draft.unassigned.map((m) => this.measure(m, id, implicitAreaId(id))),
      };
      return { id, provisionId: id, label, title, areas: [area], unassigned: [] };
    }
    for (const measure of draft.unassigned) {
      this.#notes.push({
        code: 'OUTSIDE_AREA',
        provisionId: measure.provision.id,
        message: `Measure ${measure.provision.label ?? ''} stands before the first priority area of dimension ${label}; the draft does not say which area it belongs to.`,
      });
    }
    const areas = draft.areas.map(
      (area): PriorityArea => ({
        id: area.heading.id,
        provisionId: area.heading.id,
        dimensionId: id,
        title: headingTitle(area.heading.text),
        implicit: false,
        measures: area.measures.map((m) => this.measure(m, id, area.heading.id)),
      }),
    );
    return { id, provisionId: id, label, title, areas, unassigned: draft.unassigned.map((m) => this.measure(m, id, null)) };
  }

  measure(draft: MeasureDraft, dimensionId: string, areaId: string | null): Measure {
    const { provision } = draft;
    const label = provision.label ?? '';
    const proposal = provision.proposedBy === null ? undefined : this.#state.proposals.get(provision.proposedBy);
    return {
      id: provision.id,
      provisionId: provision.id,
      dimensionId,
      areaId,
      label,
      text: this.text(provision),
      status: provision.status,
      ...this.openOf(provision.id),
      provisional: !FINAL_NUMBER.test(label) || provision.layout.labelBracketed === true || provision.proposedBy !== null,
      proposedBy: provision.proposedBy === null ? null : { proposalId: provision.proposedBy, proponent: proposal?.proponent ?? null },
      alternatives: this.#alternatives.get(provision.id) ?? [],
      parts: draft.parts.map((part) => this.part(part, provision.id, label)),
    };
  }

  part(provision: Provision, measureId: string, measureLabel: string): SubMeasure {
    const label = provision.label ?? '';
    return {
      id: provision.id,
      provisionId: provision.id,
      measureId,
      label,
      fullLabel: `${measureLabel} ${provision.layout.labelRaw ?? `${label})`}`,
      text: this.text(provision),
      status: provision.status,
      ...this.openOf(provision.id),
    };
  }

  openOf(provisionId: string): { openBrackets: number; proposedWords: readonly string[] } {
    const open = this.#open(provisionId);
    return { openBrackets: open.count, proposedWords: open.proposedWords };
  }

  text(provision: Provision): string {
    return tidy(cleanProvisionText(this.#state, provision, this.#agreed));
  }
}

/** Provision id → the provisions standing against it in an open option set. */
function alternativesByProvision(state: DocumentState): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const set of state.optionSets.values()) {
    if (set.status !== 'open') continue;
    const members = set.members.flatMap((member) => {
      if (member.t === 'provision') return [member.id];
      const proposal = state.proposals.get(member.id);
      return proposal?.status === 'open' && proposal.kind === 'new-provision' ? proposal.provisionIds : [];
    });
    for (const id of members) result.set(id, [...(result.get(id) ?? []), ...members.filter((other) => other !== id)]);
  }
  return result;
}

/** A number used by two measures that are not alternatives of each other (the seed's two 2.3.3). */
function noteDuplicateNumbers(dimensions: readonly CatalogueDimension[], notes: CatalogueNote[]): void {
  const seen = new Map<string, Measure[]>();
  for (const dimension of dimensions) {
    for (const measure of [...dimension.unassigned, ...dimension.areas.flatMap((area) => area.measures)]) {
      const earlier = seen.get(measure.label) ?? [];
      const clash = earlier.find((other) => !measure.alternatives.includes(other.id));
      if (clash) {
        notes.push({
          code: 'DUPLICATE_NUMBER',
          provisionId: measure.provisionId,
          message: `Number ${measure.label} is used twice ("${excerpt(clash.text)}" and "${excerpt(measure.text)}"); they are kept as two measures. Renumber one of them.`,
        });
      }
      seen.set(measure.label, [...earlier, measure]);
    }
  }
}

function excerpt(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 40).trimEnd()}…`;
}

/** A heading's words without the emphasis marks a draft may keep ("**Energy security**"). */
function headingTitle(text: string): string {
  return text.replace(/\*\*|__/gu, '').replace(/\s+/gu, ' ').trim();
}
