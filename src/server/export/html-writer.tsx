/**
 * A {@link RichDocument} written as one printable HTML page, for Chromium to print to PDF:
 * A4, the title block, headings and provisions with the labels they were negotiated with,
 * each bracket and marker in its delegation's colour (the code is written in the text too:
 * colour is never the only signal), the chair's deletions as <del>, comparison additions as
 * <ins>, and footnotes as endnotes at the foot, each with a link back to its reference.
 * What the page says was decided in core (export-view.ts); this only maps it onto HTML.
 *
 * Every word is text in React elements, so renderToStaticMarkup escapes it. Fonts are named,
 * not fetched: DejaVu Serif / Sans cover Latin, Cyrillic and Kazakh's letters on Debian.
 * Page numbers are Chromium's footer ({@link PDF_FOOTER}), in the bottom margin the @page
 * rule leaves for it.
 */
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { RichDocument, RichParagraph, RichRun } from '../../core/export/rich-document.ts';
import { delegationColour } from '../../core/views/delegation-colour.ts';

/** Words a comparison added: the colour the workspace and the DOCX give additions. */
const INSERTED_COLOUR = '#26734d';

const CSS = `
@page { size: A4; margin: 20mm 18mm 22mm 22mm; }
html { font-family: 'DejaVu Serif', 'Times New Roman', serif; font-size: 11.5pt; line-height: 1.4; color: #000; background: #fff; }
body { margin: 0; }
.title-block { text-align: center; margin: 0 0 8mm; }
.title-block p { margin: 0 0 1.5mm; }
.title-block .organisation { font-weight: bold; }
.title-block .document { font-weight: bold; font-size: 16pt; }
.title-block .view { font-style: italic; }
.legend { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; }
.legend .code { font-weight: bold; }
h1, h2, h3 { font-family: 'DejaVu Sans', 'Arial', sans-serif; break-after: avoid; margin: 5mm 0 2.5mm; }
h1 { font-size: 13.5pt; }
h2 { font-size: 12.5pt; }
h3 { font-size: 11.5pt; }
p.provision, p.other { margin: 0 0 2.5mm; text-align: justify; }
p.connector { text-align: center; font-weight: bold; margin: 0 0 2.5mm; }
del { text-decoration: line-through; }
ins { text-decoration: underline; color: ${INSERTED_COLOUR}; }
sup.ref a, a.back { color: inherit; text-decoration: none; }
section.notes { margin-top: 8mm; border-top: 0.5pt solid #000; padding-top: 3mm; font-size: 9.5pt; }
section.notes h2 { font-size: 10.5pt; margin-top: 0; }
section.notes ol { margin: 0; padding-left: 8mm; }
section.notes li { margin: 0 0 1.5mm; }
`;

/**
 * Chromium's footer: "page / pages", centred. Chromium fills the classes in; the template is
 * rendered by React like the page (its font-size must be set: the default is tiny).
 */
export const PDF_FOOTER = `${renderToStaticMarkup(
  <div style={{ width: '100%', textAlign: 'center', fontSize: '9pt', fontFamily: "'DejaVu Sans', sans-serif", color: '#000' }}>
    <span className="pageNumber" /> / <span className="totalPages" />
  </div>,
)}`;

/** The endnote number of each footnote id, in the order the footnotes come. */
function numbersOf(document: RichDocument): Map<string, number> {
  const numbers = new Map<string, number>();
  document.footnotes.forEach((footnote, index) => numbers.set(footnote.id, index + 1));
  return numbers;
}

/** The endnotes' numbers, and each note's first reference in the text (where its back link goes). */
interface Notes {
  readonly numbers: ReadonlyMap<string, number>;
  readonly firstReferences: ReadonlySet<RichRun>;
  readonly referenced: ReadonlySet<number>;
}

function notesOf(document: RichDocument): Notes {
  const numbers = numbersOf(document);
  const firstReferences = new Set<RichRun>();
  const referenced = new Set<number>();
  for (const paragraph of document.paragraphs) {
    for (const run of paragraph.runs) {
      const number = run.footnote === undefined ? undefined : numbers.get(run.footnote);
      if (number === undefined || referenced.has(number)) continue;
      referenced.add(number);
      firstReferences.add(run);
    }
  }
  return { numbers, firstReferences, referenced };
}

const NO_NOTES: Notes = { numbers: new Map(), firstReferences: new Set(), referenced: new Set() };

function Runs({ runs, notes }: { runs: readonly RichRun[]; notes: Notes }) {
  return (
    <>
      {runs.map((run, index) => {
        if (run.lineBreak) return <br key={index} />;
        const number = run.footnote === undefined ? undefined : notes.numbers.get(run.footnote);
        if (number !== undefined) {
          return (
            <sup key={index} className="ref" id={notes.firstReferences.has(run) ? `ref-${number}` : undefined}>
              <a href={`#note-${number}`}>{number}</a>
            </sup>
          );
        }
        const style = run.delegation !== undefined ? { color: delegationColour(run.delegation) } : undefined;
        let content: ReactNode = run.text;
        if (run.strike) content = <del>{content}</del>;
        if (run.inserted) content = <ins>{content}</ins>;
        return (
          <span key={index} style={style} data-delegation={run.delegation}>
            {content}
          </span>
        );
      })}
    </>
  );
}

function Paragraph({ paragraph, notes }: { paragraph: RichParagraph; notes: Notes }) {
  const runs = <Runs runs={paragraph.runs} notes={notes} />;
  if (paragraph.role === 'heading') {
    const level = Math.max(1, Math.min(3, paragraph.level));
    return level === 1 ? <h1>{runs}</h1> : level === 2 ? <h2>{runs}</h2> : <h3>{runs}</h3>;
  }
  return <p className={paragraph.role}>{runs}</p>;
}

function TitleBlockView({ document }: { document: RichDocument }) {
  const { title } = document;
  return (
    <header className="title-block">
      <p className="organisation">{title.organisation}</p>
      <p className="document">{title.document}</p>
      <p className="revision">
        {title.revision} · {title.date}
      </p>
      <p className="view">{title.view}</p>
      {document.delegations.length > 0 ? (
        <p className="legend">
          Colours:{' '}
          {document.delegations.map((code, index) => (
            <span key={code}>
              {index > 0 ? ' ' : null}
              <span className="code" style={{ color: delegationColour(code) }}>
                {code}
              </span>
            </span>
          ))}
        </p>
      ) : null}
    </header>
  );
}

/** The whole page, printable as it stands. `language` is the page's lang (the document's words). */
export function writeHtml(document: RichDocument, language = 'en'): string {
  const notes = notesOf(document);
  const markup = renderToStaticMarkup(
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <title>{`${document.title.document} — ${document.title.view}`}</title>
        <link rel="icon" href="data:," />
        {/* Our own constant, not user data: a style element's text must not be entity-escaped. */}
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <TitleBlockView document={document} />
        <main>
          {document.paragraphs.map((paragraph, index) => (
            <Paragraph key={index} paragraph={paragraph} notes={notes} />
          ))}
        </main>
        {document.footnotes.length > 0 ? (
          <section className="notes">
            <h2>Notes</h2>
            <ol>
              {document.footnotes.map((footnote) => {
                const number = notes.numbers.get(footnote.id)!;
                return (
                  <li key={footnote.id} id={`note-${number}`} value={number}>
                    {notes.referenced.has(number) ? (
                      <a className="back" href={`#ref-${number}`} aria-label={`Back to reference ${number}`}>
                        ↑
                      </a>
                    ) : null}{' '}
                    <Runs runs={footnote.runs} notes={NO_NOTES} />
                  </li>
                );
              })}
            </ol>
          </section>
        ) : null}
      </body>
    </html>,
  );
  return `<!doctype html>${markup}`;
}
