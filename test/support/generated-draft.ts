/** Generated drafts for the benchmarks and the import fuzz campaign: as dense in brackets as the seed, of any size. */

/**
 * A CICA-style draft of about `bytes`, as dense in brackets as the seed (about two
 * proposals per kilobyte): most paragraphs are agreed text; some carry insertions,
 * deletions with reasons, replacements, whole-paragraph proposals, footnotes and OR.
 */
export function generateDraft(bytes: number): string {
  const codes = ['ISR', 'IND', 'CHN', 'Rus', 'Thai', 'Turk', 'THA', 'UZ'];
  const parts: string[] = ['DRAFT CATALOGUE OF CONFIDENCE BUILDING MEASURES'];
  let size = 0;
  for (let i = 1; size < bytes; i++) {
    const a = codes[i % codes.length]!;
    const b = codes[(i * 7 + 3) % codes.length]!;
    const label = `${1 + (i % 5)}.${1 + ((i >> 2) % 9)}.${i}`;
    let paragraph: string;
    switch (i % 8) {
      case 1:
        paragraph = `${label} Exchanging information on the measures the Member States have taken [to strengthen regional cooperation] (+${a}) (-${b}) in the field of confidence building.`;
        break;
      case 3:
        paragraph = `${label} Promoting cooperation (-${a}) [Considering cooperation] (+${a}) between the relevant authorities of the Member States in accordance with national legislation${i % 3 === 0 ? '¹' : ''}.`;
        break;
      case 5:
        paragraph = `[${label} Development of joint programmes on environmental protection without prejudice to the rights and obligations of the Member States.] (-${b}, to avoid duplication with ${label})`;
        break;
      default:
        paragraph = `${label} Sharing of experience and strengthening cooperation to cope with emerging challenges, in accordance with the principles and purposes of the UN Charter and international law.`;
    }
    parts.push(paragraph);
    if (i % 8 === 3 && i % 3 === 0) parts.push(`¹ As read out and submitted in writing by ${b} at the meeting.`);
    if (i % 40 === 0) parts.push('OR', `[${label}bis Alternative wording of the paragraph above proposed for discussion.] (+${b})`);
    size += paragraph.length + 2;
  }
  return parts.join('\n\n') + '\n';
}
