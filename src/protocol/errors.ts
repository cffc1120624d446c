/**
 * The one catalogue of API errors. Every error the server sends is an RFC 9457
 * problem+json whose `code` is a key of {@link ERRORS}; its `detail` is the template below
 * with `{name}` placeholders filled in, written so that the person reading it knows what to do.
 *
 * A test keeps this catalogue, the codes the server uses and the OpenAPI document in step.
 */
export interface ErrorSpec {
  readonly status: number;
  readonly title: string;
  /** Message template; `{name}` is replaced by the parameter of that name. */
  readonly detail: string;
}

export const ERRORS = {
  ERR_REQUEST_INVALID: {
    status: 400,
    title: 'The request is not valid',
    detail: 'Some fields are missing or malformed: {issues}. Correct them and send the request again.',
  },
  ERR_REQUEST_BAD_ADDRESS: {
    status: 400,
    title: 'The address is not valid',
    detail: 'The address of the request is not valid percent-encoded UTF-8. Encode each part of the path with encodeURIComponent and send it again.',
  },
  ERR_REQUEST_ADDRESS_TOO_LONG: {
    status: 414,
    title: 'Address too long',
    detail: 'A part of the address is longer than {limit} characters. No identifier is that long: check the address.',
  },
  ERR_REQUEST_TOO_LARGE: {
    status: 413,
    title: 'Request too large',
    detail: 'The request body is larger than {limit}. Split the draft or send a smaller file.',
  },
  ERR_REQUEST_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: 'Unsupported content type',
    detail: 'Send the body as JSON with the header content-type: application/json.',
  },
  ERR_REQUEST_UNSUPPORTED_VIEW: {
    status: 400,
    title: 'Unknown view',
    detail: 'The view "{view}" does not exist. Use compiled, agreed or as:ISO3 (for example as:IND); for a Word file of the language versions side by side, bilingual.',
  },
  ERR_ROUTE_NOT_FOUND: {
    status: 404,
    title: 'No such endpoint',
    detail: 'There is no {method} {path}. The list of endpoints is at /api/openapi.json.',
  },
  ERR_AUTH_REQUIRED: {
    status: 401,
    title: 'Sign in first',
    detail: 'This request needs a signed-in user. Sign in with POST /api/auth/login and send the session cookie.',
  },
  ERR_AUTH_INVALID_CREDENTIALS: {
    status: 401,
    title: 'Wrong user name or password',
    detail: 'The user name or the password is wrong, or the account is disabled. Check both and try again; after {limit} failures in a row the account is locked for {minutes} minutes.',
  },
  ERR_AUTH_LOCKED: {
    status: 429,
    title: 'Account temporarily locked',
    detail: 'Too many failed sign-ins for this account. Try again after {until}, or ask the secretariat to check the account.',
  },
  ERR_AUTH_RATE_LIMITED: {
    status: 429,
    title: 'Too many requests',
    detail: 'Too many sign-in attempts from this address. Wait {seconds} seconds and try again.',
  },
  ERR_AUTH_SECOND_FACTOR_REQUIRED: {
    status: 401,
    title: 'Second factor required',
    detail: 'Enter the six-digit code from your authenticator app with POST /api/auth/second-factor.',
  },
  ERR_AUTH_SECOND_FACTOR_INVALID: {
    status: 401,
    title: 'Wrong code',
    detail: 'The code is wrong or has expired. Enter the code your authenticator app shows now.',
  },
  ERR_AUTH_SECOND_FACTOR_ENROLMENT_REQUIRED: {
    status: 403,
    title: 'Set up a second factor',
    detail: 'Your organisation requires a second factor for your role. Set one up with POST /api/auth/second-factor/enrol, then confirm it with a code.',
  },
  ERR_AUTH_CSRF_MISSING: {
    status: 403,
    title: 'Missing or wrong CSRF token',
    detail: 'Requests that change data must send the header x-csrf-token with the token from GET /api/auth/me. Reload the page and try again.',
  },
  ERR_ACCESS_FORBIDDEN: {
    status: 403,
    title: 'Not allowed',
    detail: 'Your role does not allow this: {reason}',
  },
  ERR_ACCESS_OTHER_DELEGATION: {
    status: 403,
    title: 'Not your delegation',
    detail: 'You speak for {own}; you cannot act for {other}.',
  },
  ERR_ORGANISATION_NOT_FOUND: {
    status: 404,
    title: 'Organisation not found',
    detail: 'There is no organisation {organisationId} that you belong to. Check the address.',
  },
  ERR_DOCUMENT_NOT_FOUND: {
    status: 404,
    title: 'Document not found',
    detail: 'There is no document {documentId} that you can see. Check the address, or ask the secretariat to circulate it to you.',
  },
  ERR_DOCUMENT_PART_NOT_FOUND: {
    status: 404,
    title: 'Not in this document',
    detail: 'Document {documentId} has no {what} {id}. Reload the document to see its current contents.',
  },
  ERR_DOCUMENT_VERSION_CONFLICT: {
    status: 409,
    title: 'The document has changed',
    detail: 'You worked on version {expectedVersion} but the document is now at version {currentVersion}. Reload it, check your change still makes sense, and send it again with expectedVersion {currentVersion}.',
  },
  ERR_REGISTER_CHANGE_REFUSED: {
    status: 422,
    title: 'The change does not apply to the register',
    detail: '{message}',
  },
  ERR_CATALOGUE_NOT_CONFIGURED: {
    status: 409,
    title: 'No catalogue document chosen',
    detail: 'Organisation {organisationId} has not said which document its catalogue of measures is read from. The secretariat chooses it in the organisation settings (catalogueDocumentId).',
  },
  ERR_CATALOGUE_CHANGE_REFUSED: {
    status: 422,
    title: 'The change does not apply to the catalogue',
    detail: '{message}',
  },
  ERR_CATALOGUE_ALREADY_SEEDED: {
    status: 409,
    title: 'The coordinators are already recorded',
    detail: 'The catalogue register of this organisation already holds {count} coordinator steps, so the list cannot be seeded again. Record further changes step by step (volunteer, recommend, approve).',
  },
  ERR_CATALOGUE_NO_LIST: {
    status: 422,
    title: 'No list of coordinators in the document',
    detail: 'Document {documentId} has no list of coordinating and co-coordinating countries to seed from. Choose the document that has the list, or record the coordinators step by step.',
  },
  ERR_DOCUMENT_EVENT_REJECTED: {
    status: 422,
    title: 'The change does not apply to the document',
    detail: '{message}',
  },
  ERR_DOCUMENT_IMPORT_EMPTY: {
    status: 422,
    title: 'Nothing to import',
    detail: 'The draft text is empty. Paste the text of the draft and send it again.',
  },
  ERR_DOCX_NOT_ZIP: {
    status: 422,
    title: 'Not a Word document',
    detail: 'The file cannot be imported: {reason}',
  },
  ERR_DOCX_ENCRYPTED: {
    status: 422,
    title: 'Password-protected or old Word document',
    detail: 'The file cannot be imported: {reason}',
  },
  ERR_DOCX_NOT_WORD: {
    status: 422,
    title: 'Not a Word document',
    detail: 'The file cannot be imported: {reason}',
  },
  ERR_DOCX_NO_BODY: {
    status: 422,
    title: 'The Word document has no text',
    detail: 'The file cannot be imported: {reason}',
  },
  ERR_DOCX_TOO_LARGE: {
    status: 413,
    title: 'Word document too large',
    detail: 'The file cannot be imported: {reason}',
  },
  ERR_DOCX_AUTHORS_UNMAPPED: {
    status: 422,
    title: 'Whose changes are these?',
    detail: 'Say which delegation each author of tracked changes speaks for: {authors}. Send the mapping in `authors` (author → delegation code).',
  },
  ERR_AKN_INVALID: {
    status: 422,
    title: 'Not Akoma Ntoso as Parley writes it',
    detail: 'The file cannot be imported: {reason} (the rules are in docs/akoma-ntoso.md).',
  },
  ERR_REVISION_NOT_FOUND: {
    status: 404,
    title: 'Revision not found',
    detail: 'Document {documentId} has no revision {revision}. Revisions so far: {known}.',
  },
  ERR_DELEGATION_UNKNOWN: {
    status: 422,
    title: 'Unknown delegation',
    detail: '{delegation} is not a delegation of this organisation. Use an ISO 3166-1 alpha-3 code of a member state, such as IND.',
  },
  ERR_MEETING_NOT_ACTIVE: {
    status: 409,
    title: 'No meeting is running',
    detail: 'No meeting is running on document {documentId}. Start the meeting first (POST /api/documents/{documentId}/meeting/start).',
  },
  ERR_MEETING_NO_FLOOR: {
    status: 409,
    title: 'No delegation has the floor',
    detail: 'An oral proposal is recorded for the delegation that has the floor, and no delegation has it now. Give the floor to the delegation first.',
  },
  ERR_MEETING_FLOOR_CHANGED: {
    status: 409,
    title: 'The floor has changed',
    detail: '{floor} has the floor now, not {delegation}. Check who is speaking, give them the floor, and record the proposal again.',
  },
  ERR_CALENDAR_MEETING_NOT_FOUND: {
    status: 404,
    title: 'Meeting not found',
    detail: 'There is no meeting {meetingId} in this organisation. Reload the list of meetings.',
  },
  ERR_CALENDAR_ITEM_NOT_FOUND: {
    status: 404,
    title: 'Agenda item not found',
    detail: '{message} Reload the meeting to see its agenda as it stands.',
  },
  ERR_CALENDAR_CHANGE_REFUSED: {
    status: 422,
    title: 'The change does not apply to the meeting',
    detail: '{message} Nothing was recorded; correct the request and send it again.',
  },
  ERR_EXCHANGE_SUBMISSION_NOT_FOUND: {
    status: 404,
    title: 'Submission not found',
    detail: 'There is no submission {submissionId} that your state can see. A submission is seen by its provider, the states it is addressed to, and those the provider has let see it; reload your list of submissions.',
  },
  ERR_EXCHANGE_PERMISSION_NOT_FOUND: {
    status: 404,
    title: 'Permission not found',
    detail: 'There is no contingent permission {permissionId} that your state can see. A permission is seen by the state that gave it and the host state it was given to; reload your list of permissions.',
  },
  ERR_EXCHANGE_CHANGE_REFUSED: {
    status: 422,
    title: 'The exchange refused the change',
    detail: '{message} Nothing was recorded; correct the request and send it again.',
  },
  ERR_EXCHANGE_READ_LOG_PROVIDER_ONLY: {
    status: 403,
    title: 'The read log is the provider’s',
    detail: 'Only the delegates of {from}, which provided {registryNumber}, see who read it. Ask {from} if you need to know.',
  },
  ERR_EXCHANGE_NOT_A_PARTY: {
    status: 403,
    title: 'Not a party to the exchange',
    detail: 'As {role} you take no part in the information exchange: only the delegates of a state (and, for what they hold, the secretariat) send, request and answer. Ask a delegate of your state.',
  },
  ERR_NOTE_NOT_FOUND: {
    status: 404,
    title: 'Note verbale not found',
    detail: 'There is no note verbale {noteId} that you can see. A note is seen by the secretariat and, once circulated, by the delegations it is addressed to; reload the registry.',
  },
  ERR_NOTE_CHANGE_REFUSED: {
    status: 422,
    title: 'The registry of notes verbales refused the change',
    detail: '{message} Nothing was recorded; correct the request and send it again.',
  },
  ERR_NOTE_DRAFT_CHANGED: {
    status: 409,
    title: 'The draft has changed',
    detail: 'Draft {noteId} was saved by someone else after you opened it. Reload it, check your corrections still apply, and save again.',
  },
  ERR_NOTE_REGISTRY_NOT_CONFIGURED: {
    status: 409,
    title: 'The registry of notes verbales is not configured',
    detail: 'Organisation {organisationId} has no registry of notes verbales yet. The secretariat sets its numbering, languages and sender first (PUT /api/organisations/{organisationId}/notes-verbales/registry).',
  },
  ERR_NOTE_LANGUAGE_UNAVAILABLE: {
    status: 400,
    title: 'The note is not written in that language',
    detail: 'Note verbale {noteId} is written in {languages}. Ask for one of them, or for all.',
  },
  ERR_LANGUAGE_NOT_WORKING: {
    status: 422,
    title: 'Not a working language',
    detail: '{language} is not a working language of the organisation, which works in {working}. Choose among those, or have the working languages of the organisation changed first.',
  },
  ERR_LANGUAGE_SINGLE: {
    status: 409,
    title: 'The document has one language',
    detail: 'Document {documentId} exists in one language only. The secretariat sets its languages (PUT /api/documents/{documentId}/languages) before versions can be recorded or shown side by side.',
  },
  ERR_LANGUAGE_UNKNOWN: {
    status: 400,
    title: 'Not a language of the document',
    detail: '{language} is not one of the languages of document {documentId} ({languages}). Ask for those.',
  },
  ERR_LANGUAGE_EXPORT_FORMAT: {
    status: 400,
    title: 'The bilingual view is a Word file',
    detail: 'The bilingual view is exported as Word only: ask for format=docx.',
  },
  ERR_PDF_UNAVAILABLE: {
    status: 503,
    title: 'PDF printing is not available',
    detail: 'This server cannot print PDF: {reason}. Download the DOCX instead, or ask the administrator to install Chromium at /usr/bin/chromium.',
  },
  ERR_MODALITY_PROCESS_NOT_FOUND: {
    status: 404,
    title: 'Process not found',
    detail: 'There is no modality process {processId} in this organisation. Reload the list of processes.',
  },
  ERR_MODALITY_AREA_NOT_FOUND: {
    status: 422,
    title: 'No such priority area',
    detail: 'The catalogue in use has no priority area {areaId}. Choose an area from the catalogue (GET /api/organisations/{organisationId}/catalogue).',
  },
  ERR_MODALITY_NOT_YOUR_STEP: {
    status: 403,
    title: 'Not your step',
    detail: '{step} is taken by {actors}. Ask them, or record it in that capacity.',
  },
  ERR_MODALITY_STEP_REFUSED: {
    status: 422,
    title: 'The step does not apply',
    detail: '{message} Nothing was recorded.',
  },
  ERR_NOTIFICATION_NOT_FOUND: {
    status: 404,
    title: 'Notification not found',
    detail: 'You have no notification {notificationId}. Reload your notifications.',
  },
  ERR_NOTIFICATION_EMAIL_MISSING: {
    status: 422,
    title: 'No e-mail address',
    detail: 'You chose to receive {kinds} by e-mail but gave no e-mail address. Give one, or receive them in the app only.',
  },
  ERR_DRAFT_NOT_FOUND: {
    status: 404,
    title: 'Draft not found',
    detail: 'Document {documentId} has no draft {draftId} that your delegation can see. Drafts are seen only by the delegation that wrote them and the delegations it shared them with; reload the list of drafts.',
  },
  ERR_DRAFT_OWNER_ONLY: {
    status: 403,
    title: 'Not your delegation’s draft',
    detail: '{owner} shared this draft with your delegation to read; only the delegates of {owner} can {action} it. Ask them, or draft a proposal of your own.',
  },
  ERR_DRAFT_CLOSED: {
    status: 409,
    title: 'The draft is closed',
    detail: 'This draft was already {status}, so it can no longer be changed, shared or tabled. Reload the list of drafts to see where it stands.',
  },
  ERR_DRAFT_ANCHOR_MOVED: {
    status: 409,
    title: 'The text has changed under the draft',
    detail: 'The words this draft would change (“{words}”) are no longer as they were when the draft was saved: {why}. Nothing was tabled. Select the words again in the current text and save a new draft (or re-anchor this one), then table it.',
  },
  ERR_DRAFT_REVISION_CONFLICT: {
    status: 409,
    title: 'The draft has changed',
    detail: 'You worked on revision {expectedRevision} of this draft but it is now at revision {currentRevision}: someone in your delegation changed it. Reload it, check your change still makes sense, and send it again.',
  },
  ERR_DRAFT_SHARED_WITH_OWNER: {
    status: 422,
    title: 'A draft is not shared with its own delegation',
    detail: '{delegation} wrote this draft and always sees it. Share it with a partner delegation instead.',
  },
  ERR_USER_NOT_FOUND: {
    status: 404,
    title: 'User not found',
    detail: 'There is no user {userId} that you administer.',
  },
  ERR_USER_EXISTS: {
    status: 409,
    title: 'User name taken',
    detail: 'The user name {username} is already taken. Choose another one.',
  },
  ERR_SERVER_INTERNAL: {
    status: 500,
    title: 'Internal error',
    detail: 'Something went wrong on the server and nothing was changed. Try again; if it happens again, give the secretariat this reference: {reference}.',
  },
  ERR_DATABASE_UNAVAILABLE: {
    status: 503,
    title: 'The database cannot be reached',
    detail: 'The server lost its connection to the database ({reason}); this request was not recorded unless it shows up when you reload. Try again in a few seconds; if it lasts, the administrator checks the database server.',
  },
  ERR_DATABASE_STORAGE_FULL: {
    status: 507,
    title: 'The database\'s disk is full',
    detail: 'The database has no space left to record this change, so nothing was recorded; what was stored before is intact. The administrator frees space on the disk of the database (the data folder, PARLEY_DATA_DIR, or the PostgreSQL server), then you send it again.',
  },
  ERR_SERVER_UNAVAILABLE: {
    status: 503,
    title: 'Server busy',
    detail: 'The server cannot take the request now ({reason}). Try again in a few seconds.',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** The body of every error response. Extra members (such as `currentVersion`) are documented per code. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ErrorCode;
  readonly instance?: string;
  readonly [extra: string]: unknown;
}

/** Fills a template; a placeholder without a value stays visible rather than vanishing. */
export function formatDetail(code: ErrorCode, params: Readonly<Record<string, string | number>>): string {
  return ERRORS[code].detail.replace(/\{(\w+)\}/gu, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Where a problem's `type` points: the catalogue page served by the API. */
export function problemType(code: ErrorCode): string {
  return `/api/errors#${code}`;
}
