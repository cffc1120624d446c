/**
 * The steps of section 3's two modalities, as values: who acted, when, and what. Names are
 * dotted and past tense, like the rest of the event vocabulary.
 */
export type ModalityActor =
  | { readonly role: 'state'; readonly state: string }
  | { readonly role: 'chairman' | 'secretariat' | 'swg' | 'soc' | 'experts' };

export type ModalityActorRole = ModalityActor['role'];

interface Step<T extends string> {
  readonly type: T;
  /** A UTC instant, "…Z". */
  readonly at: string;
  readonly actor: ModalityActor;
}

export type ModalityEvent =
  // Modality A
  | (Step<'interest.expressed'> & { readonly state: string })
  | Step<'chairman.consulted'>
  | (Step<'coordinator.appointed'> & { readonly states: readonly string[] })
  | (Step<'concept-paper.drafted'> & { readonly documentId: string })
  | Step<'paper.circulated'>
  // Modality B
  | (Step<'views.exchanged'> & { readonly state: string })
  | Step<'database.compiled'>
  | (Step<'experts.nominated'> & { readonly state: string; readonly experts: readonly string[] })
  | (Step<'specialized-meeting.organised'> & { readonly meetingId: string; readonly hostState: string })
  | (Step<'working-paper.produced'> & { readonly documentId: string })
  // Both: the SWG, then the SOC, approving in session or by a silence procedure
  | (Step<'swg.considered'> & { readonly outcome: 'agreed' | 'not-agreed' })
  | Step<'soc.submitted'>
  | Step<'soc.approved'>
  | (Step<'silence.opened'> & { readonly deadline: string })
  | (Step<'silence.broken'> & { readonly objection: string })
  | Step<'silence.concluded'>;

export type ModalityEventType = ModalityEvent['type'];
