import type { KnowledgeBase } from './types.js';

/** The code that reads a knowledge folder (YAML, the schemas) loads when a folder is read: a start from saved knowledge needs none of it. */
const reader = () => import('./load.js');

export const loadKnowledgeOnDemand = async (dir: string): Promise<KnowledgeBase> => (await reader()).loadKnowledge(dir);

export const loadKnowledgeInSlicesOnDemand = async (dir: string, served?: KnowledgeBase): Promise<KnowledgeBase> =>
  (await reader()).loadKnowledgeInSlices(dir, served);
