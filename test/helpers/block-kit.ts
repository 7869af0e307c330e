import { expect } from 'vitest';
import type { Block, Button } from '../../src/render/blocks.js';

/** Every button of a message, in order. */
export const buttonsOf = (blocks: Block[]): Button[] => blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));

const MASS_MENTION = /<!(channel|here|everyone|subteam\^[^>]*)(\|[^>]*)?>/;

/** Asserts a message keeps within Slack's Block Kit limits (shared/slack-platform.md). */
export function expectWithinBlockKitLimits(message: { text: string; blocks: Block[] }) {
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(4000);
  expectBlocksWithinLimits(message.blocks, 50);
  expectNoMassMention(JSON.stringify(message));
}

/** The blocks of a message (at most 50) or of a Home tab or modal (at most 100). */
export function expectBlocksWithinLimits(blocks: Block[], maxBlocks: number) {
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  for (const block of blocks) {
    switch (block.type) {
      case 'header':
        expect(block.text.type).toBe('plain_text');
        expect(block.text.text.length).toBeGreaterThan(0);
        expect(block.text.text.length).toBeLessThanOrEqual(150);
        break;
      case 'section':
        expect(block.text || block.fields).toBeTruthy();
        if (block.text) expect(block.text.text.length).toBeGreaterThan(0);
        if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
        expect(block.fields?.length ?? 0).toBeLessThanOrEqual(10);
        for (const f of block.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
        break;
      case 'context':
        expect(block.elements.length).toBeGreaterThan(0);
        expect(block.elements.length).toBeLessThanOrEqual(10);
        break;
      case 'context_actions':
        expect(block.elements.length).toBeGreaterThan(0);
        expect(block.elements.length).toBeLessThanOrEqual(5);
        for (const b of block.elements) {
          for (const half of [b.positive_button, b.negative_button]) {
            expect(half.text.text.length).toBeLessThanOrEqual(75);
            expect(half.value.length).toBeLessThanOrEqual(2000);
          }
        }
        break;
      case 'actions': {
        expect(block.elements.length).toBeGreaterThan(0);
        expect(block.elements.length).toBeLessThanOrEqual(25);
        const ids = block.elements.map((b) => b.action_id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const b of block.elements) {
          expect(b.text.text.length).toBeLessThanOrEqual(75);
          expect(b.value.length).toBeLessThanOrEqual(2000);
          expect(b.action_id.length).toBeLessThanOrEqual(255);
        }
        break;
      }
    }
  }
}

export function expectNoMassMention(output: string) {
  expect(output).not.toMatch(MASS_MENTION);
}
