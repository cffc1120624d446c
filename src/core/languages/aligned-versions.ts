/**
 * The document's language versions aligned by provision and by proposal: what the
 * bilingual view shows side by side and the bilingual Word file prints in two columns.
 */
import type { DocumentState } from '../model/document-state.ts';
import type { ProposalKind } from '../model/proposal.ts';
import type { ProvisionKind } from '../model/provision.ts';
import { allLanguages, type LanguageCode } from './document-languages.ts';
import { proposalLanguage, versionsOf, type LanguageVersion } from './translation-status.ts';

export interface AlignedProposal {
  readonly id: string;
  readonly kind: ProposalKind;
  readonly proponent: string | null;
  /** The language it was made in. */
  readonly language: LanguageCode;
  readonly versions: readonly LanguageVersion[];
}

export interface AlignedProvision {
  readonly id: string;
  readonly kind: ProvisionKind;
  readonly label: string | null;
  /** Set while a new-paragraph proposal puts it forward. */
  readonly proposedBy: string | null;
  readonly versions: readonly LanguageVersion[];
  /** Open proposals with words of their own on it, in the order they were made. */
  readonly proposals: readonly AlignedProposal[];
}

export interface AlignedVersions {
  readonly documentId: string;
  readonly version: number;
  /** The original first; empty for a document in one language. */
  readonly languages: readonly LanguageCode[];
  readonly provisions: readonly AlignedProvision[];
  /** How many provision and proposal versions are pending or outdated: what stands between the text and adoption. */
  readonly unfinished: { readonly pending: number; readonly outdated: number };
}

export function alignedVersions(state: DocumentState): AlignedVersions {
  const languages = state.languages === null ? [] : allLanguages(state.languages);
  const byProvision = new Map<string, AlignedProposal[]>();
  if (state.languages !== null) {
    for (const proposal of state.proposals.values()) {
      if (proposal.status !== 'open') continue;
      const provisionId = proposal.anchor?.provisionId ?? proposal.about;
      if (provisionId === null) continue;
      const versions = versionsOf(state, 'proposal', proposal.id);
      if (versions.length === 0) continue;
      const list = byProvision.get(provisionId) ?? [];
      list.push({ id: proposal.id, kind: proposal.kind, proponent: proposal.proponent, language: proposalLanguage(state, proposal) ?? state.languages.original, versions });
      byProvision.set(provisionId, list);
    }
  }
  let pending = 0;
  let outdated = 0;
  const count = (versions: readonly LanguageVersion[]): void => {
    for (const v of versions) {
      if (v.status === 'pending') pending += 1;
      else if (v.status === 'outdated') outdated += 1;
    }
  };
  const provisions: AlignedProvision[] = [];
  for (const id of state.order) {
    const provision = state.provisions.get(id);
    if (!provision) continue;
    const versions = versionsOf(state, 'provision', id);
    const proposals = byProvision.get(id) ?? [];
    count(versions);
    for (const proposal of proposals) count(proposal.versions);
    provisions.push({ id, kind: provision.kind, label: provision.label, proposedBy: provision.proposedBy, versions, proposals });
  }
  return { documentId: state.id, version: state.version, languages, provisions, unfinished: { pending, outdated } };
}
