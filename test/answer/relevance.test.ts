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
  /** For a row of the seven kinds: asked with this command instead of as a question. */
  command?: Command;
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

/** Questions as people really write them (issue 12), by the kind of difficulty they hold. */
const byKind: Record<string, Case[]> = {
  /** Padding: greetings, thanks, apologies, self-introductions and emoji around a question. */
  padding: [
    { text: "Good morning! Quick one from a new colleague: what are the human rights teams' goals? Many thanks 🙏", status: 'found', first: 'goals' },
    { text: "sorry to bother you, I'm new in the Bangui office, could you remind me which missions have a human rights team? need the whole list for a briefing", status: 'found', first: 'missions-with-hr-teams' },
    { text: "Hi there! Could you tell me what the human rights team does? Thanks a lot", status: 'found', first: 'core-activities' },
    { text: "Hello, hope you're well. What is the role of OHCHR? Cheers", status: 'found', first: 'ohchr-support' },
    { text: "hey 👋 why do human rights matter? thx!", status: 'found', first: 'why-it-matters' },
    { text: "Hi! I'm a comms officer in New York. How many students graduated? Thank you so much 🙏", status: 'found', first: 'unmik-human-rights-masters' },
    { text: "Good afternoon, sorry for the trouble, how many cases did the mobile court hear?", status: 'found', first: 'unmiss-mobile-courts' },
    { text: "Dear bot, how much money did UNDP and MINUSCA sign for? Much appreciated", status: 'found', first: 'minusca-electoral-support' },
    { text: "Hello again! When was UNJHRO established? 😊", status: 'found', first: 'monusco-joint-human-rights-office' },
    { text: "hi, I just joined the team last week. What did UNMIK do about missing persons?", status: 'found', first: 'UNMIK' },
    { text: "Bonjour! is human rights my responsibility as staff? thanks", status: 'found', first: 'hr-core-pillar' },
    { text: "could you please tell me the goals of human rights teams", status: 'found', first: 'goals' },
    { text: "can you tell me about early warning? thank you!", status: 'found', first: 'core-activities' },
    { text: "Hi team, quick question: civilian casualties in Afghanistan? thanks in advance", status: 'found', first: 'UNAMA' },
    { text: "Hey, I'm preparing a briefing. What happened in Haiti?", status: 'found', first: 'MINUSTAH' },
    { text: "good evening 🌙 what did the mission in Libya achieve?", status: 'found', first: 'UNSMIL' },
    { text: "Hi! I work in the Bangui office. Where did the human rights forum take place?", status: 'found', first: 'minusca-bakala-forum' },
    { text: "I'm writing a note for my boss... which missions have a human rights team? 🙂", status: 'found', first: 'missions-with-hr-teams' },
    { text: "Morning all! I'd like to know how many inmates were released in South Sudan. Thanks!", status: 'found', first: 'unmiss-mobile-courts' },
    { text: "Hi!!! what are the goals of human rights teams??? thank you 🙏🙏", status: 'found', first: 'goals' },
    { text: "hello", status: 'help' },
    { text: "Thanks so much! 🙏", status: 'help' },
    { text: "Hi! 👋", status: 'help' },
  ],
  /** Paraphrase: other words than the text. */
  paraphrase: [
    { text: "what are the teams aiming for", status: 'found', first: 'goals' },
    { text: "how do they stop abuses before they happen", status: 'found', first: 'core-activities' },
    { text: "does human rights concern me if I work in finance", status: 'found', first: 'hr-core-pillar' },
    { text: "why does any of this matter for a peacekeeper", status: 'found', first: 'why-it-matters' },
    { text: "what are human rights teams trying to achieve?", status: 'found', first: 'goals' },
    { text: "what is the purpose of a human rights component?", status: 'found', first: 'goals' },
    { text: "what are the day-to-day tasks of a human rights section?", status: 'found', first: 'core-activities' },
    { text: "do they investigate abuses?", status: 'found', first: 'core-activities' },
    { text: "do human rights teams publish reports?", status: 'found', first: 'core-activities' },
    { text: "who is in charge of the human rights team?", status: 'found', first: 'ohchr-support' },
    { text: "who is the boss of the human rights team in a mission?", status: 'found', first: 'ohchr-support' },
    { text: "what support does the UN human rights office give the teams?", status: 'found', first: 'ohchr-support' },
    { text: "is human rights part of my job as a logistics officer?", status: 'found', first: 'hr-core-pillar' },
    { text: "does this apply to me as an employee?", status: 'found', first: 'hr-core-pillar' },
    { text: "why should peacekeepers care about human rights?", status: 'found', first: 'why-it-matters' },
    { text: "why is human rights important for peace and stability?", status: 'found', first: 'why-it-matters' },
    { text: "where are the human rights teams deployed?", status: 'found', first: 'missions-with-hr-teams' },
    { text: "which peace operations include a human rights component?", status: 'found', first: 'missions-with-hr-teams' },
    { text: "tell me about the travelling courts in South Sudan", status: 'found', first: 'unmiss-mobile-courts' },
    { text: "how many prisoners were freed?", status: 'found', first: 'unmiss-mobile-courts' },
    { text: "how many detainees were released after the hearings?", status: 'found', first: 'unmiss-mobile-courts' },
    { text: "how is the UN helping with the vote in the Central African Republic?", status: 'found', first: 'minusca-electoral-support' },
    { text: "what funding did the development programme give for the polls?", status: 'found', first: 'minusca-electoral-support' },
    { text: "how many graduates did the human rights degree have?", status: 'found', first: 'unmik-human-rights-masters' },
    { text: "which university offers the human rights master's degree?", status: 'found', first: 'unmik-human-rights-masters' },
    { text: "how does the joint office help survivors get justice?", status: 'found', first: 'monusco-joint-human-rights-office' },
    { text: "how are villagers in Bakala trained to prevent abuses?", status: 'found', first: 'minusca-bakala-forum' },
    { text: "what has been done about disappeared people in Kosovo?", status: 'found', first: 'UNMIK' },
    { text: "what was done about civilian deaths in Afghanistan?", status: 'found', first: 'UNAMA' },
    { text: "did the UN help ban torture in the new Libyan constitution?", status: 'found', first: 'UNSMIL' },
    { text: "how did the UN help Haiti with the UPR?", status: 'found', first: 'MINUSTAH' },
    { text: "did Guinea-Bissau take part in the Human Rights Council?", status: 'found', first: 'UNIOGBIS' },
  ],
  /** Kind of answer: author, quote, figures, date, full name, status, stories. */
  intent: [
    { text: "who wrote the story about mobile courts?", status: 'found', first: 'unmiss-mobile-courts' },
    { text: "byline for the masters story", status: 'found', first: 'unmik-human-rights-masters' },
    { text: "I need a quote about elections for a tweet", status: 'found', first: 'minusca-electoral-support' },
    { text: "quotable line for our newsletter about Kosovo", status: 'found', first: 'unmik-human-rights-masters' },
    { text: "figures on the mobile courts", status: 'found', first: 'unmiss-mobile-courts' },
    { text: "stats on the electoral support", status: 'found', first: 'minusca-electoral-support' },
    { text: "when was the joint office set up?", status: 'found', first: 'monusco-joint-human-rights-office' },
    { text: "what does MINUSCA stand for?", status: 'found', first: 'MINUSCA' },
    { text: "full name of UNMISS", status: 'found', first: 'UNMISS' },
    { text: "is UNAMID still active?", status: 'found', first: 'UNAMID' },
    { text: "is MINUSMA closed?", status: 'found', first: 'MINUSMA' },
    { text: "what's the full name of MONUSCO?", status: 'found', first: 'MONUSCO' },
    { text: "what is UNIOGBIS short for?", status: 'found', first: 'UNIOGBIS' },
    { text: "is MINUSTAH still running?", status: 'found', first: 'MINUSTAH' },
    { text: "is UNMIK still active?", status: 'found', first: 'UNMIK' },
    { text: "is UNSOM still operating?", status: 'found', first: 'UNSOM' },
    { text: "which missions are closed?", status: 'list' },
    { text: "which missions are still active?", status: 'list' },
    { text: "list all missions", status: 'list' },
    { text: "show me every peace operation", status: 'list' },
    { text: "a quote on justice in South Sudan for a speech", status: 'found', first: 'unmiss-mobile-courts' },
    { text: "something quotable about the Bakala forum for a LinkedIn post", status: 'found', first: 'minusca-bakala-forum' },
    { text: "who is the author of the story on the DRC joint office?", status: 'found', first: 'monusco-joint-human-rights-office' },
    { text: "when did the first cohort graduate?", status: 'found', first: 'unmik-human-rights-masters' },
    { text: "in what year did MINUSCA and UNDP sign the agreement?", status: 'found', first: 'minusca-electoral-support' },
    { text: "key figures on the Koch mobile court", status: 'found', first: 'unmiss-mobile-courts' },
    { text: "what stories do you have about MINUSCA?", status: 'found', first: 'minusca-bakala-forum' },
    { text: "UNMISS stories", status: 'found', first: 'unmiss-mobile-courts' },
    { text: "what has UNAMA achieved?", status: 'found', first: 'UNAMA' },
  ],
  /** Written forms of names: dotted acronyms, cities, French acronyms. */
  names: [
    { text: "what about the D.R.C.?", status: 'found', first: 'MONUSCO' },
    { text: "tell me about C.A.R.", status: 'found', first: 'MINUSCA' },
    { text: "U.N.M.I.S.S.", status: 'found', first: 'UNMISS' },
    { text: "what is happening in RCA?", status: 'found', first: 'MINUSCA' },
    { text: "human rights in Bangui", status: 'found', first: 'MINUSCA' },
    { text: "Kinshasa", status: 'found', first: 'MONUSCO' },
    { text: "what does the team in Goma do?", status: 'found', first: 'monusco-joint-human-rights-office' },
    { text: "Bamako", status: 'found', first: 'MINUSMA' },
    { text: "El Fasher", status: 'found', first: 'UNAMID' },
    { text: "the mission in Juba", status: 'found', first: 'UNMISS' },
    { text: "Monrovia", status: 'found', first: 'UNMIL' },
    { text: "Port-au-Prince", status: 'found', first: 'MINUSTAH' },
    { text: "Baghdad", status: 'found', first: 'UNAMI' },
    { text: "the mission in Bagdad", status: 'found', first: 'UNAMI' },
    { text: "Tripoli", status: 'found', first: 'UNSMIL' },
    { text: "Prishtina", status: 'found', first: 'UNMIK' },
    { text: "Bissau", status: 'found', first: 'UNIOGBIS' },
    { text: "Mogadishu", status: 'found', first: 'UNSOM' },
    { text: "Mogadiscio", status: 'found', first: 'UNSOM' },
    { text: "Kabul", status: 'found', first: 'UNAMA' },
    { text: "Kaboul", status: 'found', first: 'UNAMA' },
    { text: "what does the HCDH do?", status: 'found', first: 'ohchr-support' },
    { text: "PNUD elections Central African Republic", status: 'found', first: 'minusca-electoral-support' },
    { text: "Universal Periodic Review in Haiti", status: 'found', first: 'MINUSTAH' },
    { text: "U.N.M.I.K.", status: 'found', first: 'UNMIK' },
  ],
  /** Places and questions the knowledge does not cover. */
  uncovered: [
    { text: "what's the human rights situation in Nepal?", status: 'not_found' },
    { text: "human rights in Myanmar", status: 'not_found' },
    { text: "what does the UN do in Yemen?", status: 'not_found' },
    { text: "are there human rights teams in Cyprus?", status: 'not_found' },
    { text: "any stories from Colombia?", status: 'not_found' },
    { text: "la situation des droits de l'homme au Népal", status: 'not_found' },
    { text: "what is the weather in Geneva tomorrow?", status: 'not_found' },
    { text: "what is the best pizza?", status: 'not_found' },
    { text: "are missions open to volunteers?", status: 'not_found' },
    { text: "how do I apply for a job?", status: 'not_found' },
    { text: "what is my salary grade?", status: 'not_found' },
    { text: "who won the football match?", status: 'not_found' },
    { text: "what is the capital of France?", status: 'not_found' },
    { text: "mission", status: 'list' },
    { text: "what is the per diem in Juba?", status: 'not_found' },
  ],
  /** Several wishes in one request. */
  wishes: [
    { text: "elections Centrafrique 2024", status: 'found', first: 'minusca-electoral-support', command: '/hr-story' },
    { text: "forum CAR", status: 'found', first: 'minusca-bakala-forum', command: '/hr-story' },
    { text: "CAR voter registration", status: 'found', first: 'minusca-electoral-support', command: '/hr-story' },
    { text: "South Sudan justice", status: 'found', first: 'unmiss-mobile-courts', command: '/hr-story' },
    { text: "Bakala training", status: 'found', first: 'minusca-bakala-forum', command: '/hr-story' },
    { text: "what has the human rights team in Mali achieved?", status: 'found', first: 'MINUSMA' },
    { text: "what has the human rights team in Haiti achieved?", status: 'found', first: 'MINUSTAH' },
    { text: "what has the human rights team in the Central African Republic achieved?", status: 'found', first: 'MINUSCA' },
    { text: "what has the human rights team in the DRC achieved?", status: 'found', first: 'MONUSCO' },
    { text: "how many inmates were released in South Sudan?", status: 'found', first: 'unmiss-mobile-courts' },
    { text: "what does the mission in Juba do?", status: 'found', first: 'UNMISS' },
    { text: "tell me about UNMIK and its students", status: 'found', first: 'unmik-human-rights-masters' },
    { text: "MINUSCA elections and voter registration", status: 'found', first: 'minusca-electoral-support' },
    { text: "civilian casualties policy Afghanistan 2016", status: 'found', first: 'UNAMA' },
    { text: "missing persons roundtable Geneva", status: 'found', first: 'UNMIK' },
  ],
  /** French. */
  french: [
    { text: "à quoi sert une section droits de l'homme ?", status: 'found', first: 'core-activities' },
    { text: "rôle du Haut-Commissariat", status: 'found', first: 'ohchr-support' },
    { text: "audiences foraines au Soudan du Sud", status: 'found', first: 'unmiss-mobile-courts' },
    { text: "accord financier avec le PNUD", status: 'found', first: 'minusca-electoral-support' },
    { text: "quels sont les objectifs des équipes des droits de l'homme ?", status: 'found', first: 'goals' },
    { text: "combien d'étudiants ont obtenu leur diplôme ?", status: 'found', first: 'unmik-human-rights-masters' },
    { text: "pourquoi les droits de l'homme sont-ils importants pour le maintien de la paix ?", status: 'found', first: 'why-it-matters' },
    { text: "est-ce que les droits de l'homme sont la responsabilité de tout le personnel ?", status: 'found', first: 'hr-core-pillar' },
    { text: "quelles missions ont une équipe des droits de l'homme ?", status: 'found', first: 'missions-with-hr-teams' },
    { text: "qui dirige l'équipe des droits de l'homme ?", status: 'found', first: 'ohchr-support' },
    { text: "combien de détenus ont été libérés au Soudan du Sud ?", status: 'found', first: 'unmiss-mobile-courts' },
    { text: "le soutien de la MINUSCA aux élections en Centrafrique", status: 'found', first: 'minusca-electoral-support' },
    { text: "le forum des droits de l'homme à Bakala", status: 'found', first: 'minusca-bakala-forum' },
    { text: "quand le bureau conjoint des Nations Unies aux droits de l'homme a-t-il été créé ?", status: 'found', first: 'monusco-joint-human-rights-office' },
    { text: "les personnes disparues au Kosovo", status: 'found', first: 'UNMIK' },
    { text: "les victimes civiles en Afghanistan", status: 'found', first: 'UNAMA' },
    { text: "l'examen périodique universel en Haïti", status: 'found', first: 'MINUSTAH' },
    { text: "le Conseil des droits de l'homme et la Guinée-Bissau", status: 'found', first: 'UNIOGBIS' },
    { text: "la surveillance et les enquêtes sur les violations", status: 'found', first: 'core-activities' },
    { text: "comment les équipes préviennent-elles les violations ? alerte précoce", status: 'found', first: 'core-activities' },
    { text: "la torture dans le projet de constitution libyenne", status: 'found', first: 'UNSMIL' },
    { text: "combien de centres d'inscription des électeurs ont fermé ?", status: 'found', first: 'minusca-electoral-support' },
    { text: "que signifie MINUSCA ?", status: 'found', first: 'MINUSCA' },
    { text: "la MINUSTAH est-elle toujours active ?", status: 'found', first: 'MINUSTAH' },
  ],
};

/** Follow-ups in a conversation: the entry the previous answer was about, and what the follow-up must return. */
const followUps: (Case & { about: string })[] = [
  { about: 'MINUSCA', text: 'and is it still active?', status: 'found', first: 'MINUSCA' },
  { about: 'minusca-electoral-support', text: 'is that mission still active?', status: 'found', first: 'MINUSCA' },
  { about: 'MINUSTAH', text: 'what does it stand for?', status: 'found', first: 'MINUSTAH' },
  { about: 'UNMISS', text: 'what about its stories?', status: 'found', first: 'unmiss-mobile-courts' },
  { about: 'unmiss-mobile-courts', text: 'what else has that mission done?', status: 'found', first: 'UNMISS' },
  { about: 'UNMIK', text: 'how many students graduated?', status: 'found', first: 'unmik-human-rights-masters' },
  { about: 'MINUSCA', text: 'how many students graduated?', status: 'found', first: 'unmik-human-rights-masters' },
  { about: 'MONUSCO', text: 'and in Mali?', status: 'found', first: 'MINUSMA' },
  { about: 'goals', text: 'is it still active?', status: 'list' },
  { about: 'gone-entry', text: 'what does it stand for?', status: 'not_found' },
];

const engine = realEngine();

function check(command: Command | null, { text, status, first, ids }: Case, context?: { entryId: string }) {
  const decision = engine.answer({ command, text, ...(context ? { context } : {}) });
  const got = decision.results.map((r) => r.entry.id);
  expect(decision.status, `status for ${JSON.stringify(text)} (got ${got.join(', ')})`).toBe(status);
  if (first) expect(got[0], `best for ${JSON.stringify(text)}`).toBe(first);
  if (ids) expect(got, `results for ${JSON.stringify(text)}`).toEqual(ids);
}

const kindRows = Object.values(byKind).flat();

describe('relevance', () => {
  it('the table has at least 250 real queries, at least ten of each of the seven kinds', () => {
    expect(missionLookups.length + questions.length + storyRequests.length + kindRows.length).toBeGreaterThanOrEqual(250);
    expect(Object.keys(byKind)).toHaveLength(7);
    for (const rows of Object.values(byKind)) expect(rows.length).toBeGreaterThanOrEqual(10);
  });
  for (const [kind, rows] of Object.entries(byKind)) {
    describe(`as people write them: ${kind}`, () => {
      it.each(rows)('$text -> $status $first', (c) => check(c.command ?? null, c));
    });
  }
  describe('follow-ups in a thread, about the previous answer\'s mission', () => {
    it.each(followUps)('($about) $text -> $status $first', (c) => check(null, c, { entryId: c.about }));
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
