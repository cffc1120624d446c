import type { ModalityActorRole, ModalityEventType } from './modality-event.ts';
import type { Modality, ModalityStage } from './modality-process.ts';

/**
 * Section 3 as a table: for each event, in which modality, from which stages, who may act,
 * and where it leads. The SWG's "not agreed" sends the paper back to whoever drafts it, which
 * is why `to` may depend on the modality and the outcome (see apply-modality-event).
 */
export interface ModalityTransition {
  readonly modalities: readonly Modality[];
  readonly from: Readonly<Partial<Record<Modality, readonly ModalityStage[]>>>;
  readonly actors: readonly ModalityActorRole[];
  readonly to: ModalityStage;
  /** What is due, in words, for the "what next" view. */
  readonly due: string;
}

export const MODALITY_TRANSITIONS: Readonly<Record<ModalityEventType, ModalityTransition>> = {
  'interest.expressed': {
    modalities: ['A'],
    from: { A: ['open', 'interest-expressed'] },
    actors: ['state'],
    to: 'interest-expressed',
    due: 'Member states may express interest in the priority area.',
  },
  'chairman.consulted': {
    modalities: ['A'],
    from: { A: ['interest-expressed'] },
    actors: ['chairman'],
    to: 'chairman-consulting',
    due: 'The CICA Chairman consults the interested states on coordinators.',
  },
  'coordinator.appointed': {
    modalities: ['A'],
    from: { A: ['chairman-consulting'] },
    actors: ['chairman'],
    to: 'coordinator-appointed',
    due: 'The Chairman appoints the coordinating country or countries.',
  },
  'concept-paper.drafted': {
    modalities: ['A'],
    from: { A: ['coordinator-appointed'] },
    actors: ['state'],
    to: 'paper-drafted',
    due: 'The coordinator drafts the concept paper.',
  },
  'paper.circulated': {
    modalities: ['A'],
    from: { A: ['paper-drafted'] },
    actors: ['secretariat'],
    to: 'paper-circulated',
    due: 'The Secretariat circulates the concept paper among the member states.',
  },
  'views.exchanged': {
    modalities: ['B'],
    from: { B: ['open', 'views-exchanged'] },
    actors: ['state'],
    to: 'views-exchanged',
    due: 'Member states share views via the Chairman and the Secretariat.',
  },
  'database.compiled': {
    modalities: ['B'],
    from: { B: ['views-exchanged'] },
    actors: ['chairman', 'secretariat'],
    to: 'database-compiled',
    due: 'The Chairman and the Secretariat compile the views into the database.',
  },
  'experts.nominated': {
    modalities: ['B'],
    from: { B: ['database-compiled', 'experts-nominated'] },
    actors: ['state'],
    to: 'experts-nominated',
    due: 'Member states nominate experts and academicians.',
  },
  'specialized-meeting.organised': {
    modalities: ['B'],
    from: { B: ['experts-nominated'] },
    actors: ['secretariat'],
    to: 'meeting-organised',
    due: 'The Secretariat organises a specialized meeting of experts.',
  },
  'working-paper.produced': {
    modalities: ['B'],
    from: { B: ['meeting-organised'] },
    actors: ['experts'],
    to: 'paper-produced',
    due: 'The experts produce a working paper.',
  },
  'swg.considered': {
    modalities: ['A', 'B'],
    from: { A: ['paper-circulated'], B: ['paper-produced'] },
    actors: ['swg'],
    to: 'agreed-by-swg',
    due: 'The SWG considers the paper.',
  },
  'soc.submitted': {
    modalities: ['A', 'B'],
    from: { A: ['agreed-by-swg'], B: ['agreed-by-swg'] },
    actors: ['chairman', 'secretariat'],
    to: 'submitted-to-soc',
    due: 'The paper agreed by the SWG is submitted to the SOC.',
  },
  'soc.approved': {
    modalities: ['A', 'B'],
    from: { A: ['submitted-to-soc'], B: ['submitted-to-soc'] },
    actors: ['soc'],
    to: 'approved',
    due: 'The SOC approves the paper in session.',
  },
  'silence.opened': {
    modalities: ['A', 'B'],
    from: { A: ['submitted-to-soc'], B: ['submitted-to-soc'] },
    actors: ['chairman', 'secretariat'],
    to: 'silence-procedure',
    due: 'Or the SOC approves it by a silence procedure with a deadline.',
  },
  'silence.broken': {
    modalities: ['A', 'B'],
    from: { A: ['silence-procedure'], B: ['silence-procedure'] },
    actors: ['state'],
    to: 'submitted-to-soc',
    due: 'Any member state may break the silence with a written objection before the deadline.',
  },
  'silence.concluded': {
    modalities: ['A', 'B'],
    from: { A: ['silence-procedure'], B: ['silence-procedure'] },
    actors: ['chairman', 'secretariat'],
    to: 'approved',
    due: 'After the deadline, unbroken silence is recorded as approval.',
  },
};
