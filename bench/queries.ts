import type { AnswerRequest } from '../src/answer/types.js';

/** The /hr-mission texts the HTTP benchmark sends in turn: names, typos, French, ambiguity, nothing, help. */
export const MISSION_TEXTS = [
  'MINUSCA',
  'minuska',
  'DRC',
  'Haïti',
  'Sudan',
  'guinea-bissau',
  'Libia',
  'Narnia',
  'UNAMA',
  'Kosovo',
  '',
  'help',
  'Soudan du Sud',
];
/** The engine benchmark's mixed set: mission look-ups, story requests, questions and typos. */
export const MIXED_QUERIES: AnswerRequest[] = [
  ...MISSION_TEXTS.map((text) => ({ command: '/hr-mission' as const, text })),
  ...['South Sudan', 'Bakala', 'masters', 'elections', 'Haiti', 'CAR', 'xyzzy'].map((text) => ({
    command: '/hr-story' as const,
    text,
  })),
  ...[
    'what is the role of OHCHR?',
    'what did UNMIK do about missing persons?',
    'how much money did UNDP and MINUSCA sign for?',
    'what does the human rights team do?',
    'how many students graduated?',
    'wat are the gaols of the human rihgts teams',
    'civilian casualties in Afghanistan',
    // Questions as people write them: padded, paraphrased, French, about a place not covered.
    "Good morning! Quick one from a new colleague: what are the human rights teams' goals? Many thanks 🙏",
    'how do they stop abuses before they happen',
    'audiences foraines au Soudan du Sud',
    "what's the human rights situation in Nepal?",
  ].map((text) => ({ command: null, text })),
];
