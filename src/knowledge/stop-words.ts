/** Words that carry no meaning for search, in English and French, and the parts every web address has. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about an and any are as at be been being but by can could did for from give had has have
  how i if in into is it its just know like me more most my of on or our show so some still take tell than
  that the their them there these they this those to us was we were what when where which
  who whom whose why will with would you your
  http https www org com net int html
  ai au aux avez avons avec ce ces dans de des du en est et il la le les leur mais nous ou par pour quel quelle qui quoi sur un une vous`
    .split(/\s+/)
    .filter(Boolean),
);

/** "Do" helping another verb ("how do they…"): questions drop it (see withoutAuxiliaries). */
export const AUXILIARY: ReadonlySet<string> = new Set(['do', 'does', 'did']);
/** Before these, "do" is the verb and stays ("what do they do in Mali"). */
export const PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'for', 'about', 'with', 'on', 'at', 'to', 'there', 'here']);

/** Words too common in mission names to tell missions apart. */
export const MISSION_NAME_NOISE: ReadonlySet<string> = new Set([
  'mission',
  'missions',
  'un',
  'united',
  'nations',
  'nation',
  'onu',
]);
