/** The colour rule lives in core, so the DOCX export colours a delegation as the workspace does. */
export { delegationColour } from '../core/views/delegation-colour.ts';
