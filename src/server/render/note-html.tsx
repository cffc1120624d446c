/**
 * The one HTML of a note verbale: what the web shows (in a frame), what Chromium prints to PDF.
 * Each language on a page of its own, laid out as the seed's note No. 17-1/298: the bilingual
 * letterhead, the number, the opening formula, the body, the enclosure block (under the number
 * in Russian and Kazakh, after the body in English), the closing formula, place and date, and
 * the addressee block at the foot.
 *
 * Every field is text in React elements, so renderToStaticMarkup escapes it: nothing the
 * secretariat types can become markup. Fonts are named, not fetched: DejaVu Serif covers
 * Latin, Cyrillic and Kazakh's letters (ә ғ қ ң ө ұ ү һ і) on the server's Debian.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { ComposedNote } from '../../core/index.ts';

export interface NotePage {
  readonly note: ComposedNote;
}

const CSS = `
@page { size: A4; margin: 20mm 18mm 20mm 25mm; }
html { font-family: 'DejaVu Serif', 'Times New Roman', serif; font-size: 12pt; line-height: 1.35; color: #000; background: #fff; }
body { margin: 0; }
.note { max-width: 170mm; margin: 0 auto; padding: 8mm 0; }
.note + .note { break-before: page; }
.letterhead { text-align: center; font-weight: bold; margin: 0 0 6mm; }
.letterhead p { margin: 0; }
.letterhead p.block-start { margin-top: 4mm; }
.number { margin: 0 0 6mm; }
.text p { text-align: justify; text-indent: 12mm; margin: 0 0 4mm; }
.enclosures { font-style: italic; margin: 0 0 4mm; }
.enclosures p { margin: 0; }
.place-date { margin: 6mm 0 10mm; text-align: right; }
.addressee { font-weight: bold; margin: 0; }
.addressee p { margin: 0; }
@media screen { .note + .note { border-top: 1px solid #999; margin-top: 10mm; } }
`;

/** The letterhead's lines, with a gap where the script changes (the English half, then the Russian). */
function Letterhead({ lines }: { lines: readonly string[] }) {
  const cyrillic = (line: string): boolean => /\p{Script=Cyrillic}/u.test(line);
  return (
    <header className="letterhead">
      {lines.map((line, index) => (
        <p key={index} className={index > 0 && cyrillic(line) !== cyrillic(lines[index - 1] ?? '') ? 'block-start' : undefined}>
          {line}
        </p>
      ))}
    </header>
  );
}

function Enclosures({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <div className="enclosures">
      {lines.map((line, index) => (
        <p key={index}>{line}</p>
      ))}
    </div>
  );
}

export function NotePageView({ note }: NotePage) {
  return (
    <article className="note" lang={note.language}>
      <Letterhead lines={note.letterhead} />
      <p className="number">{note.number}</p>
      {note.enclosuresBeforeOpening ? <Enclosures lines={note.enclosures} /> : null}
      <div className="text">
        <p>{note.opening}</p>
        {note.body.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      {note.enclosuresBeforeOpening ? null : <Enclosures lines={note.enclosures} />}
      <div className="text">
        <p>{note.closing}</p>
      </div>
      <p className="place-date">{note.placeAndDate}</p>
      <footer className="addressee">
        {note.addressee.map((line, index) => (
          <p key={index}>{line}</p>
        ))}
      </footer>
    </article>
  );
}

/** The whole page: one note in one or several languages, printable as it stands. */
export function noteHtml(notes: readonly ComposedNote[], title: string): string {
  const language = notes[0]?.language ?? 'en';
  const markup = renderToStaticMarkup(
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
        <link rel="icon" href="data:," />
        {/* Our own constant, not user data: a style element's text must not be entity-escaped. */}
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        {notes.map((note) => (
          <NotePageView key={note.language} note={note} />
        ))}
      </body>
    </html>,
  );
  return `<!doctype html>${markup}`;
}
