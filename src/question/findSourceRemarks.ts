// "I've seen different numbers", "reports vary", "heard two diff figures": the asker's remark about what
// they have read, after the question itself. It tells that accounts may differ, not what is asked.
const remarks: readonly RegExp[] = [
  /\b(?:i|we|people|everyone)?\s*(?:['’]?ve|have|keep|kept)?\s*(?:seen|heard|read|hearing|seeing|reading)\s+(?:\w+\s+){0,2}?(?:different|diff|conflicting|contradictory|mixed|various|varying|two|several|other|few|multiple)\s+(?:\w+\s+)?(?:numbers?|figures?|things|stories|versions?|accounts?|reports?|answers?|dates?|places?|claims?)\b(?:\s+(?:going|floating|flying)\s+around|\s+out\s+there|\s+online)?/gi,
  /\b(?:the\s+)?(?:reports?|accounts?|numbers?|figures?|sources?|outlets?|papers?|media|stories)\s+(?:(?:i|we|people)\s*(?:['’]?ve|have)?\s*(?:seen|heard|read)\s+)?(?:seem\s+to\s+)?(?:differ|vary|conflict|disagree|don['’]?t\s+(?:agree|match|add\s+up)|do\s+not\s+(?:agree|match|add\s+up)|(?:say|give|report|have)\s+(?:different|conflicting|contradictory|mixed)\s+(?:things|numbers|figures|stories|versions|accounts))\b/gi,
  // "Wait, I thought they were drilling a shaft?": the asker's own belief frames what they ask about.
  /^\W*(?:(?:wait|hang\s+on|hold\s+on|hmm+|huh|oh|ok(?:ay)?|so|but|um+)\b\W*)*(?:i|we)\s+(?:thought|heard|read|assumed|understood|(?:was|were)\s+told)(?:\s+that)?\b/gi,
  // "… - do NBR and the Herald say the same?", "… is every outlet reporting the same amount": after the
  // question, whether its sources agree, which the answer shows either way.
  /(?<=[?;,.\-–—]\s*)(?:and\s+)?(?:do|does|did|are|is)\s+[^?.!]{1,40}?\s+(?:say(?:ing)?|report(?:ing)?|agree(?:ing)?|giv(?:e|ing)|hav(?:e|ing))\s+the\s+same(?:\s+(?:thing|things|number|numbers|figure|figures|amount|time|date|story))?\s*\??/gi,
  // "Do the outlets give different numbers for …?": the rest of the question is what is asked.
  /^\W*(?:do|did|does)\s+(?:the\s+)?(?:outlets|reports|sources|papers|articles|media|they)\s+(?:give|report|say|have|cite|quote|agree\s+on)\s+(?:(?:different|conflicting|the\s+same)\s+)?(?:numbers|figures|things|accounts|dates|versions)?\s*(?:for|about|on|of)\b/gi,
];

/**
 * Where a question carries a remark about the asker's sources ("how many are on strike? ive seen
 * different numbers") or opens with what the asker believed ("wait, I thought …"): spans to leave
 * out of the search text, since its words ("different",
 * "numbers") are no subject of the articles. The cue words are general English.
 *
 * @param text a question, any string; never throws.
 * @returns `[start, end)` character offsets, in order.
 */
export function findSourceRemarks(text: string): [number, number][] {
  return remarks.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((match): [number, number] => [
      match.index,
      match.index + match[0].length,
    ]),
  );
}
