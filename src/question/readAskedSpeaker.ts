// A question may open on a chat word: "so what did …", "ok has …".
const opening = String.raw`^\W*(?:(?:so|and|but|ok|okay)\s+)?`;
// "What did Oman's foreign minister say …?", "what has the union said …": the one whose words are asked for.
const askedSpeaker = new RegExp(
  String.raw`${opening}what\s+(?:did|does|do|has|have|had)\s+(.{2,60}?)\s+(?:say|said|tell|told|think|claim|claimed|warn|warned|announce|announced|write|wrote)\b`,
  'iu',
);
// "Has the prime minister said anything …?", "did the owners comment?": whether someone spoke at all.
const askedWhetherSpoke = new RegExp(
  String.raw`${opening}(?:has|have|had|did|does|do)\s+(.{2,60}?)\s+(?:say|said|comment|commented|speak|spoken|spoke|respond|responded|react|reacted)\b`,
  'iu',
);

/**
 * The speaker a "what did X say?" or "has X said anything?" question asks about, as typed ("the mayor
 * of brackwater"), or null when the question asks for no one's words. Any string; never throws.
 */
export function readAskedSpeaker(question: string): string | null {
  return (askedSpeaker.exec(question) ?? askedWhetherSpoke.exec(question))?.[1] ?? null;
}
