/**
 * What an importer could not take at face value. Import never throws: it keeps
 * everything and reports each doubt here, with where it is and what to check.
 */
export type ImportWarningCode =
  | 'UNMATCHED_OPEN'
  | 'UNMATCHED_CLOSE'
  | 'UNKNOWN_DELEGATION'
  | 'DUPLICATE_NUMBER'
  | 'AMBIGUOUS_DELETION'
  | 'CASE_TOGGLE'
  | 'FOOTNOTE_WITHOUT_TEXT'
  | 'FOOTNOTE_TEXT_WITHOUT_MARKER'
  | 'UNATTRIBUTED_BRACKET'
  | 'DUPLICATE_POSITION'
  | 'LOOSE_MARKER'
  | 'PARAGRAPH_JOINED'
  | 'REMARK'
  | 'MIXED_BLOCK'
  | 'BINARY_INPUT'
  | 'EMPTY_INPUT'
  | 'UNCLOSED_STRIKE'
  | 'INVALID_TEXT'
  | 'EMPTY_BRACKET'
  | 'EMPTY_OPTION'
  | 'NESTING_TOO_DEEP';

export interface ImportWarning {
  readonly code: ImportWarningCode;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}
