/**
 * The notes verbales registry, loaded on demand (like the catalogue): the list with its
 * search, one note (its printed page in the chosen language, PDF and DOCX), and for the
 * secretariat the form for a new note (the same form corrects a draft, from its screen) and the
 * registry's settings (/notes-verbales/settings; anyone else who types it in is told it is the secretariat's). What a reader may see is the server's rule: the list
 * holds only the notes circulated to their delegation (the secretariat's: all).
 */
import { NoteForm } from './NoteForm.tsx';
import { NoteRegistry } from './NoteRegistry.tsx';
import { NoteScreen } from './NoteScreen.tsx';
import { RegistrySettings } from './RegistrySettings.tsx';
import './notes-verbales.css';

interface Props {
  readonly organisationId: string;
  /** null: the registry; 'new': the form; 'settings': the registry's settings; otherwise a note's id. */
  readonly noteId: string | null;
  readonly isSecretariat: boolean;
  readonly onOpen: (noteId: string | null) => void;
}

export default function NotesArea({ organisationId, noteId, isSecretariat, onOpen }: Props) {
  return (
    <main id="content" className="notes-verbales">
      {noteId === 'new' && isSecretariat ? (
        <NoteForm organisationId={organisationId} onSaved={(note) => onOpen(note.id)} onBack={() => onOpen(null)} />
      ) : noteId === 'settings' ? (
        <RegistrySettings organisationId={organisationId} isSecretariat={isSecretariat} onBack={() => onOpen(null)} />
      ) : noteId !== null && noteId !== 'new' ? (
        <NoteScreen key={noteId} organisationId={organisationId} noteId={noteId} isSecretariat={isSecretariat} onBack={() => onOpen(null)} />
      ) : (
        <NoteRegistry organisationId={organisationId} isSecretariat={isSecretariat} onOpen={onOpen} />
      )}
    </main>
  );
}
