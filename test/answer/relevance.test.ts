import { describe, expect, it } from 'vitest';
import type { Command, Status } from '../../src/answer/types.js';
import { realEngine } from '../helpers/knowledge.js';

/**
 * Real queries and what they must return. Add a row for every miss found.
 * `first`: the best result's id. `ids`: the exact result ids, in order (for ambiguity and suggestions).
 */
interface Case {
  text: string;
  status: Status;
  first?: string;
  ids?: string[];
}

const missionLookups: Case[] = [
  { text: 'MONUSCO', status: 'found', first: 'MONUSCO' },
  { text: 'minusca', status: 'found', first: 'MINUSCA' },
  { text: 'MINUSKA', status: 'found', first: 'MINUSCA' },
  { text: 'MINUSCA', status: 'found', ids: ['MINUSCA'] },
  { text: 'DRC', status: 'found', first: 'MONUSCO' },
  { text: 'DR Congo', status: 'found', first: 'MONUSCO' },
  { text: 'Congo', status: 'found', first: 'MONUSCO' },
  { text: 'RDC', status: 'found', first: 'MONUSCO' },
  { text: 'République démocratique du Congo', status: 'found', first: 'MONUSCO' },
  { text: 'Democratic Republic of the Congo', status: 'found', first: 'MONUSCO' },
  { text: 'CAR', status: 'found', first: 'MINUSCA' },
  { text: 'Central African Republic', status: 'found', first: 'MINUSCA' },
  { text: 'Centrafrique', status: 'found', first: 'MINUSCA' },
  { text: 'République centrafricaine', status: 'found', first: 'MINUSCA' },
  { text: 'Bakala', status: 'found', first: 'MINUSCA' },
  { text: 'Mali', status: 'found', first: 'MINUSMA' },
  { text: 'Darfur', status: 'found', first: 'UNAMID' },
  { text: 'South Sudan', status: 'found', first: 'UNMISS' },
  { text: 'Soudan du Sud', status: 'found', first: 'UNMISS' },
  { text: 'Koch', status: 'found', first: 'UNMISS' },
  { text: 'Sudan', status: 'ambiguous', ids: ['UNAMID', 'UNMISS'] },
  { text: 'Soudan', status: 'ambiguous', ids: ['UNAMID', 'UNMISS'] },
  { text: 'Liberia', status: 'found', first: 'UNMIL' },
  { text: 'Libéria', status: 'found', first: 'UNMIL' },
  { text: 'Haïti', status: 'found', first: 'MINUSTAH' },
  { text: 'haiti', status: 'found', first: 'MINUSTAH' },
  { text: 'Iraq', status: 'found', first: 'UNAMI' },
  { text: 'Irak', status: 'found', first: 'UNAMI' },
  { text: 'Libya', status: 'found', first: 'UNSMIL' },
  { text: 'Libia', status: 'found', first: 'UNSMIL' },
  { text: 'Libye', status: 'found', first: 'UNSMIL' },
  { text: 'Kosovo', status: 'found', first: 'UNMIK' },
  { text: 'Pristina', status: 'found', first: 'UNMIK' },
  { text: 'Congolese', status: 'found', first: 'MONUSCO' },
  { text: 'Haitian', status: 'found', first: 'MINUSTAH' },
  { text: 'Malian', status: 'found', first: 'MINUSMA' },
  { text: 'Liberian', status: 'found', first: 'UNMIL' },
  { text: 'South Sudanese', status: 'found', first: 'UNMISS' },
  { text: 'Sudanese', status: 'ambiguous', ids: ['UNAMID', 'UNMISS'] },
  { text: 'Congolais', status: 'found', first: 'MONUSCO' },
  { text: 'Haïtien', status: 'found', first: 'MINUSTAH' },
  { text: 'Soudanais', status: 'ambiguous', ids: ['UNAMID', 'UNMISS'] },
  { text: 'Guinean', status: 'found', first: 'UNIOGBIS' },
  { text: 'malicious', status: 'not_found' },
  { text: 'Southern', status: 'not_found' },
  { text: 'guinea-bissau', status: 'found', first: 'UNIOGBIS' },
  { text: 'Guinea Bissau', status: 'found', first: 'UNIOGBIS' },
  { text: 'Guinée-Bissau', status: 'found', first: 'UNIOGBIS' },
  { text: 'Guinea', status: 'found', first: 'UNIOGBIS' },
  { text: 'Somalia', status: 'found', first: 'UNSOM' },
  { text: 'Somalie', status: 'found', first: 'UNSOM' },
  { text: 'UNTMIS', status: 'found', first: 'UNSOM' },
  { text: 'Afghanistan', status: 'found', first: 'UNAMA' },
  { text: 'Afganistan', status: 'found', first: 'UNAMA' },
  { text: 'Somlia', status: 'found', first: 'UNSOM' },
  { text: 'UNAMA', status: 'found', ids: ['UNAMA'] },
  { text: 'UNAMI', status: 'found', ids: ['UNAMI'] },
  { text: 'UNMIL', status: 'found', ids: ['UNMIL'] },
  { text: 'UNMIK', status: 'found', ids: ['UNMIK'] },
  { text: 'unmiss', status: 'found', ids: ['UNMISS'] },
  { text: 'United Nations Mission in Liberia', status: 'found', first: 'UNMIL' },
  { text: 'the UN mission in Mali', status: 'found', first: 'MINUSMA' },
  { text: '  MINUSTAH  ', status: 'found', first: 'MINUSTAH' },
  { text: '<#C024BE91L|haiti>', status: 'found', first: 'MINUSTAH' },
  { text: 'xyzzy', status: 'not_found', ids: [] },
  { text: 'Narnia', status: 'not_found', ids: [] },
  { text: 'Iran', status: 'not_found', ids: ['UNAMI'] },
  { text: 'UNAMO', status: 'not_found', ids: ['UNAMA', 'UNAMI'] },
  { text: '', status: 'list' },
  { text: 'help', status: 'help' },
];

const questions: Case[] = [
  { text: 'what is the role of OHCHR?', status: 'found', first: 'ohchr-support' },
  { text: 'who leads the human rights team in a mission?', status: 'found', first: 'ohchr-support' },
  { text: 'what did UNMIK do about missing persons?', status: 'found', first: 'UNMIK' },
  { text: 'how many persons are still missing in Kosovo?', status: 'found', first: 'UNMIK' },
  { text: 'how much money did UNDP and MINUSCA sign for?', status: 'found', first: 'minusca-electoral-support' },
  { text: '<@U0BOT123> what does the human rights team do?', status: 'found', first: 'core-activities' },
  { text: 'what are the goals of human rights teams?', status: 'found', first: 'goals' },
  { text: 'why do human rights matter?', status: 'found', first: 'why-it-matters' },
  { text: 'which missions have a human rights team?', status: 'found', first: 'missions-with-hr-teams' },
  { text: 'is human rights my responsibility as staff?', status: 'found', first: 'hr-core-pillar' },
  { text: 'how many students graduated?', status: 'found', first: 'unmik-human-rights-masters' },
  { text: 'when was UNJHRO established?', status: 'found', first: 'monusco-joint-human-rights-office' },
  { text: 'how many cases did the mobile court hear?', status: 'found', first: 'unmiss-mobile-courts' },
  { text: 'how many inmates were released in South Sudan?', status: 'found', first: 'unmiss-mobile-courts' },
  { text: 'how many voter registration centers closed?', status: 'found', first: 'minusca-electoral-support' },
  { text: 'tell me about MINUSCA', status: 'found', first: 'MINUSCA' },
  { text: 'what did the mission achieve in Libya?', status: 'found', first: 'UNSMIL' },
  { text: 'civilian casualties in Afghanistan', status: 'found', first: 'UNAMA' },
  { text: 'what happened in Haiti?', status: 'found', first: 'MINUSTAH' },
  { text: 'Universal Periodic Review', status: 'found', first: 'MINUSTAH' },
  { text: 'draft constitution torture', status: 'found', first: 'UNSMIL' },
  { text: 'early warning', status: 'found', first: 'core-activities' },
  { text: 'wat are the gaols of the human rihgts teams', status: 'found', first: 'goals' },
  { text: 'afghan civilian casualties', status: 'found', first: 'UNAMA' },
  { text: 'monitoring and investigatons', status: 'found', first: 'core-activities' },
  { text: 'is MINUSTAH still active?', status: 'found', first: 'MINUSTAH' },
  { text: 'what is the status of UNAMID?', status: 'found', first: 'UNAMID' },
  { text: 'what does UNSOM do?', status: 'found', ids: ['UNSOM', 'core-activities'] },
  { text: 'tell me about UNMIK and its students', status: 'found', first: 'unmik-human-rights-masters' },
  { text: 'where did the human rights forum take place?', status: 'found', first: 'minusca-bakala-forum' },
  { text: 'which missions are closed?', status: 'list' },
  { text: 'which missions are still active?', status: 'list' },
  { text: 'active missions', status: 'list' },
  { text: 'all missions', status: 'list' },
  { text: 'list all missions', status: 'list' },
  { text: 'list of UN peace operations', status: 'list' },
  { text: 'missions?', status: 'list' },
  { text: 'are missions open to volunteers?', status: 'not_found' },
  { text: 'hello', status: 'help' },
  { text: '<@U0BOT123>', status: 'help' },
  { text: 'what is the weather in Geneva tomorrow?', status: 'not_found' },
];

const storyRequests: Case[] = [
  { text: 'South Sudan', status: 'found', ids: ['unmiss-mobile-courts'] },
  { text: 'Bakala', status: 'found', first: 'minusca-bakala-forum' },
  { text: 'masters', status: 'found', first: 'unmik-human-rights-masters' },
  { text: 'Kosovo', status: 'found', ids: ['unmik-human-rights-masters'] },
  { text: 'elections', status: 'found', first: 'minusca-electoral-support' },
  { text: 'voter registration', status: 'found', first: 'minusca-electoral-support' },
  { text: 'courts', status: 'found', first: 'unmiss-mobile-courts' },
  { text: 'DRC', status: 'found', ids: ['monusco-joint-human-rights-office'] },
  { text: 'UNJHRO', status: 'found', first: 'monusco-joint-human-rights-office' },
  { text: 'CAR', status: 'found', ids: ['minusca-bakala-forum', 'minusca-electoral-support'] },
  { text: 'CAR elections', status: 'found', first: 'minusca-electoral-support' },
  { text: 'Sudan', status: 'found', ids: ['unmiss-mobile-courts'] },
  { text: 'Koch', status: 'found', first: 'unmiss-mobile-courts' },
  { text: 'university', status: 'found', first: 'unmik-human-rights-masters' },
  { text: 'Haiti', status: 'not_found', ids: ['MINUSTAH'] },
  { text: 'Mali', status: 'not_found', ids: ['MINUSMA'] },
  { text: 'joint office', status: 'found', first: 'monusco-joint-human-rights-office' },
  { text: 'Afghanistan elections', status: 'not_found', ids: ['UNAMA'] },
  { text: 'xyzzy', status: 'not_found', ids: [] },
  { text: '', status: 'list' },
];

const engine = realEngine();

function check(command: Command | null, { text, status, first, ids }: Case) {
  const decision = engine.answer({ command, text });
  const got = decision.results.map((r) => r.entry.id);
  expect(decision.status, `status for ${JSON.stringify(text)} (got ${got.join(', ')})`).toBe(status);
  if (first) expect(got[0], `best for ${JSON.stringify(text)}`).toBe(first);
  if (ids) expect(got, `results for ${JSON.stringify(text)}`).toEqual(ids);
}

describe('relevance', () => {
  it('the table has at least 60 real queries', () => {
    expect(missionLookups.length + questions.length + storyRequests.length).toBeGreaterThanOrEqual(60);
  });
  describe('/hr-mission lookups', () => {
    it.each(missionLookups)('$text -> $status $first', (c) => check('/hr-mission', c));
  });
  describe('questions (mentions and DMs)', () => {
    it.each(questions)('$text -> $status $first', (c) => check(null, c));
  });
  describe('/hr-story requests', () => {
    it.each(storyRequests)('$text -> $status $first', (c) => check('/hr-story', c));
  });
});
