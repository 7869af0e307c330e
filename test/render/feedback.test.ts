import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/render/blocks.js';
import { decodeFeedback, FEEDBACK_ACTION, renderFeedbackModal } from '../../src/render/feedback.js';
import { renderDecision } from '../../src/render/message.js';
import { renderForTerminal } from '../../src/render/terminal.js';
import { renderModal } from '../../src/render/view.js';
import { buttonsOf, expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { realEngine } from '../helpers/knowledge.js';

const engine = realEngine();
const { missions, stories, topics } = engine.knowledge;
const entries = [...missions, ...stories, ...topics];
const feedback = { style: 'message', surface: 'mention' } as const;

const contextActions = (blocks: Block[]) => blocks.filter((b) => b.type === 'context_actions');

describe('feedback on every answer', () => {
  it.each(entries.map((e) => [e.type, e.id] as const))(
    '%s %s: Slack’s feedback buttons end the message and name the entry',
    (type, id) => {
      const decision = engine.show(type, id);
      if (!decision) throw new Error(`${id} does not show`);
      const message = renderDecision(decision, { feedback });
      expectWithinBlockKitLimits(message);
      const [block] = contextActions(message.blocks);
      expect(message.blocks.at(-1)).toBe(block);
      if (block?.type !== 'context_actions') throw new Error('no feedback');
      const [buttons] = block.elements;
      expect(buttons.action_id).toBe(FEEDBACK_ACTION);
      expect(decodeFeedback(buttons.positive_button.value)).toMatchObject({ helpful: true, entryIds: [id], surface: 'mention' });
      expect(decodeFeedback(buttons.negative_button.value)).toMatchObject({ helpful: false, entryIds: [id] });
    },
  );

  it('what is not an answer (not found, help, the lists) has none; nor does the console', () => {
    for (const request of [
      { command: '/hr-mission', text: 'zzyzx quorble' },
      { command: '/hr-mission', text: 'help' },
      { command: '/hr-mission', text: '' },
    ] as const) {
      expect(contextActions(renderDecision(engine.answer(request), { feedback }).blocks)).toEqual([]);
    }
    const answer = engine.answer({ command: '/hr-mission', text: missions[0].id });
    expect(renderForTerminal(renderDecision(answer))).not.toContain('helpful');
  });

  it('in a modal (from the Home tab) they are plain buttons', () => {
    const modal = renderModal(engine.show('mission', missions[0].id));
    expect(contextActions(modal.blocks)).toEqual([]);
    const labels = buttonsOf(modal.blocks).map((b) => b.text.text);
    expect(labels).toEqual(expect.arrayContaining(['Helpful', 'Not helpful']));
  });

  it('the "what were you looking for?" form carries the answer, not the reader', () => {
    const ref = { helpful: false, entryIds: [missions[0].id], asked: 'q', surface: 'dm' };
    const modal = renderFeedbackModal(ref);
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(decodeFeedback(modal.private_metadata)).toEqual(ref);
    expect(decodeFeedback('{"h":true}')).toBeUndefined();
    expect(decodeFeedback('not json')).toBeUndefined();
  });
});
