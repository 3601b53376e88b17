/** Whether a stretch of text speaks of what is to come or of what has been. */
export type Tense = 'future' | 'past';

// General English markers of a plan or prospect: modal verbs, "due to", "set for", "expected", and an
// infinitive of an event verb after a verb of intent ("agreed to return", "plans to meet").
const futureMarker =
  /\b(will|would|shall|going to|due to|set to|set for|scheduled|expected|planned|plans? to|is to|are to|to (?:begin|start|open|resume|return|reconvene|meet|hold|vote|decide|sign|announce|continue|attend|visit|launch|publish|release|rule|hear|take place))\b|['’]ll\b/gi;
// Auxiliaries, irregular past forms news uses constantly, and regular "-ed" forms in lower case (a
// capitalised "United" is a name), minus the words of plans above and "-ed" words that are no verbs.
const pastMarker =
  /\b([Ww]as|[Ww]ere|[Hh]ad|[Dd]id|ago|yesterday|earlier|began|begun|met|held|fell|rose|broke|took|went|came|gave|made|left|won|lost|struck|ran|sat|spoke|told|said|[a-z]{3,}ed)\b/g;
const notPast = /^(scheduled|expected|planned|hundred|indeed|need|speed|breed|proceed|exceed|succeed)$/;
const determinerBefore = /\b(the|a|an|its|their|his|her|our|this|that|these|those|\p{L}+['’]s)\s+$/iu;
const pastPerfectBefore = /\bhad\s+been\s+$/i;
// "will be allowed", "could be delayed": a participle after the bare "be" takes the modal's tense.
const bareBeBefore = /\bbe\s+$/i;
// Speech verbs give the tense of the report, not of the event reported ("the ministry said the
// talks will open on Monday"): they count only right before a date ("said on Tuesday").
const speechVerb = /^(said|told|stated|announced|added|reported|confirmed|claimed|insisted|argued|warned)$/i;

interface Marker {
  tense: Tense;
  start: number;
  end: number;
  speech: boolean;
}

function findMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  for (const match of text.matchAll(futureMarker)) {
    // "A meeting that had been scheduled for Thursday": a plan in the past perfect is an earlier plan,
    // dated before the report.
    const before = text.slice(Math.max(0, match.index - 20), match.index);
    const tense = pastPerfectBefore.test(before) ? 'past' : 'future';
    markers.push({ tense, start: match.index, end: match.index + match[0].length, speech: false });
  }
  for (const match of text.matchAll(pastMarker)) {
    if (notPast.test(match[0])) continue;
    // "The utility's revised plan", "a proposed deal": after a determiner an "-ed" word is an adjective.
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    if (match[0].endsWith('ed') && (determinerBefore.test(before) || bareBeBefore.test(before))) continue;
    const speech = speechVerb.test(match[0]);
    markers.push({ tense: 'past', start: match.index, end: match.index + match[0].length, speech });
  }
  return markers;
}

// A clause ends at these; the tense of "the union said on Tuesday" stays out of "will vote on Thursday, …".
const clauseBoundary = /[,;:()“”"—–]/g;

function clauseAround(text: string, start: number, end: number): [number, number] {
  let clauseStart = 0;
  let clauseEnd = text.length;
  for (const match of text.matchAll(clauseBoundary)) {
    if (match.index < start) clauseStart = match.index + 1;
    else if (match.index >= end) {
      clauseEnd = match.index;
      break;
    }
  }
  return [clauseStart, clauseEnd];
}

/**
 * The tense in which a sentence speaks of the phrase at `[start, end)`: the nearest tense marker before
 * the phrase in its clause, else after it in its clause, else the nearest in the whole sentence that is
 * not a speech verb. `null` when the sentence has no marker (present tense: "talks resume on Monday").
 * Markers are general English (modal verbs, "due to", "scheduled", past auxiliaries, "-ed" forms).
 *
 * @param sentence any string; never throws.
 * @param start, end character offsets of the phrase in `sentence`.
 */
export function readTenseAt(sentence: string, start: number, end: number): Tense | null {
  const markers = findMarkers(sentence);
  const [clauseStart, clauseEnd] = clauseAround(sentence, start, end);
  const before = markers.filter((marker) => marker.start >= clauseStart && marker.end <= start);
  const nearestBefore = before.reduce<Marker | null>(
    (best, marker) => (best === null || marker.end > best.end ? marker : best),
    null,
  );
  if (nearestBefore !== null) return nearestBefore.tense;
  const after = markers.filter((marker) => marker.start >= end && marker.end <= clauseEnd);
  const nearestAfter = after.reduce<Marker | null>(
    (best, marker) => (best === null || marker.start < best.start ? marker : best),
    null,
  );
  if (nearestAfter !== null) return nearestAfter.tense;
  const distance = (marker: Marker) => (marker.end <= start ? start - marker.end : marker.start - end);
  const nearest = markers
    .filter((marker) => !marker.speech && (marker.end <= start || marker.start >= end))
    .reduce<Marker | null>(
      (best, marker) => (best === null || distance(marker) < distance(best) ? marker : best),
      null,
    );
  return nearest?.tense ?? null;
}

/**
 * The tense of a whole sentence: its first future or past marker, speech verbs aside ("the union said
 * 4,200 are out" is no past event); `null` when it has none.
 *
 * @param sentence any string; never throws.
 */
export function readSentenceTense(sentence: string): Tense | null {
  const first = findMarkers(sentence)
    .filter((marker) => !marker.speech)
    .reduce<Marker | null>(
      (best, marker) => (best === null || marker.start < best.start ? marker : best),
      null,
    );
  return first?.tense ?? null;
}
