import { searchStems } from '../retrieval/terms.js';
import { readRate } from './readDisagreementQuestion.js';
import { type Quantity, readQuantities } from './readQuantities.js';
import { kindOf } from './unitKinds.js';

/** A figure with what it is a figure of: its kind, the rate it is per, and the words of its clause. */
export interface Figure {
  quantity: Quantity;
  /** The unit with nouns for one thing folded together: "worker", "staff", "member" → "person". */
  kind: string;
  /** The time a rate is per ("40m crowns a day" → "day"); `undefined` for a plain figure. */
  rate: string | undefined;
  /** Search stems of the clause around the figure (between commas, semicolons, dashes, quotes). */
  clause: Set<string>;
  /** Whether the clause states a party's position (an offer, a demand, a proposal), not a fact. */
  position: boolean;
}

// A clause between these is one statement: a comma inside "4,200" does not end it.
const clauseEnd = /[;:—–()“”"]|,(?!\d)|(?<!\d),|\s-\s/g;
// The words of a party's position: its figures change as it bargains, and differ from the other side's.
const positionWords =
  /\b(offer|offers|offered|offering|demand|demands|demanded|demanding|propos\w*|counter-\w+|seek|seeks|seeking|sought|asks? for|asking for|wants?|bid|bids|tabled|pledged?)\b/i;
// "14 extra ships", "another six": an increment, not the total another source gives.
const increment = /\d[\s\S]*\b(extra|additional|more|other|further)\b|\b(another)\b/i;

function clauseAround(sentence: string, start: number, end: number): string {
  let from = 0;
  let to = sentence.length;
  for (const match of sentence.matchAll(clauseEnd)) {
    if (match.index < start) from = match.index + match[0].length;
    else if (match.index >= end) {
      to = match.index;
      break;
    }
  }
  return sentence.slice(from, to);
}

/**
 * Reads the figures of a sentence (`readQuantities`, those with a unit, increments left out) with what
 * each is a figure of: "some 4,200 dock workers walked off the job" is a count of people in a clause
 * about dock workers walking off the job; "about 40 million crowns a day" is crowns per day; "a pay rise
 * of 2.5 per cent" in "the employers' final offer was …" is a position. The word lists are general English.
 *
 * @param sentence any string; never throws.
 */
export function readFigures(sentence: string): Figure[] {
  const figures: Figure[] = [];
  let cursor = 0;
  for (const quantity of readQuantities(sentence)) {
    const start = Math.max(sentence.indexOf(quantity.text, cursor), cursor);
    cursor = start + quantity.text.length;
    if (quantity.unit === '' || increment.test(quantity.text)) continue;
    const clause = clauseAround(sentence, start, cursor);
    const rate = readRate(sentence.slice(cursor, cursor + 12)) ?? readRate(clause);
    figures.push({
      quantity,
      // Read exactly: "1,100 adults" in a poll is no count of the strikers a question asks about, but
      // the question's own word may be read broadly ("how many dockers" counts workers).
      kind: kindOf(quantity.unit, 'exact'),
      rate: rate === quantity.unit ? undefined : rate,
      clause: new Set(searchStems(clause)),
      position: positionWords.test(clause) || positionWords.test(sentence.slice(0, start)),
    });
  }
  return figures;
}
