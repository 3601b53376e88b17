// Verbs that report what someone said; "according to" is handled on its own.
const speechVerbs =
  'said|says|say|told|tells|claimed|claims|insisted|insists|argued|argues|estimated|estimates|stated|states|reported|reports|announced|announces|confirmed|confirms|denied|denies|added|adds|warned|warns|maintained|maintains|shows|showed|show';
const accordingTo = /\baccording to ([^,.;:]+)/i;
// `"…," said Dana Rusk, general secretary …` — the speaker after the verb, a run of capitalised words
// (not after "told": who follows it is the listener).
const speakerAfterVerb = new RegExp(
  `[,”"’']\\s*(?:${speechVerbs.replace('told|tells|', '')})\\s+((?:the\\s+)?\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,4})`,
  'u',
);
// `Henrik Vallance, chief executive of …, said …` — a name, an apposition, then the verb.
const nameWithApposition = new RegExp(`^(\\p{Lu}[^,]{0,60}),[^,]{1,90},\\s*(?:${speechVerbs})\\b`, 'u');
// `…, the union says.` / `The harbour authority said 23 ships …` — the clause right before the verb.
const subjectBeforeVerb = new RegExp(
  `(?:^|[,;:“”"—–]\\s*)([^,;:“”"—–]{2,80}?)\\s+(?:${speechVerbs})\\b`,
  'u',
);
const pronoun = /^(he|she|it|they|we|i|you|this|that|who|which)$/i;
const trailingAuxiliary = /\s+(has|have|had|had been|has been|also|repeatedly|previously|later)$/i;
const leadingLink = /^(and|but|that|as|while|so|which|who|whose)\s+/i;
const maxSpeakerWords = 8;

function cleanSpeaker(phrase: string): string | undefined {
  let speaker = phrase.trim().replace(leadingLink, '').replace(/\.$/, '');
  while (trailingAuxiliary.test(speaker)) speaker = speaker.replace(trailingAuxiliary, '');
  const words = speaker.split(/\s+/);
  if (speaker === '' || words.length > maxSpeakerWords || pronoun.test(words.at(-1) ?? '')) return undefined;
  return speaker;
}

/**
 * Who a sentence says is speaking or is the source of its figures: the phrase after "according to",
 * the name after a quotation's speech verb (`," said Dana Rusk`), the name before an apposition
 * (`Henrik Vallance, chief executive …, said`), or the clause before a speech verb (`the union says`).
 * Pronouns ("she said") name nobody and give `undefined`, as does a sentence without attribution.
 *
 * @param sentence any string; never throws.
 * @returns the phrase as written, trimmed, at most eight words.
 */
export function readAttribution(sentence: string): string | undefined {
  const according = accordingTo.exec(sentence)?.[1];
  if (according !== undefined) return cleanSpeaker(according);
  const after = speakerAfterVerb.exec(sentence)?.[1];
  if (after !== undefined) return cleanSpeaker(after);
  const named = nameWithApposition.exec(sentence)?.[1];
  if (named !== undefined) return cleanSpeaker(named);
  const subject = subjectBeforeVerb.exec(sentence)?.[1];
  return subject === undefined ? undefined : cleanSpeaker(subject);
}
