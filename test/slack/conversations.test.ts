import { afterEach, describe, expect, it, vi } from 'vitest';
import { conversationKey, memoryConversations } from '../../src/slack/conversations.js';

const MINUTE = 60_000;
afterEach(() => {
  vi.useRealTimers();
});

describe("a replica's memory of conversations", () => {
  it('keeps what a conversation is about for an hour after its last answer, then starts it afresh', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const conversations = memoryConversations();
    const thread = conversationKey('T1', 'C1', '1700000000.000100');
    await conversations.remember(thread, 'MINUSTAH');
    vi.setSystemTime(50 * MINUTE);
    await conversations.remember(thread, 'MINUSTAH');
    vi.setSystemTime(100 * MINUTE);
    expect(await conversations.about(thread)).toBe('MINUSTAH');
    vi.setSystemTime(111 * MINUTE);
    expect(await conversations.about(thread)).toBeUndefined();
  });

  it('forgets what a conversation was about once an answer is about several missions', async () => {
    const conversations = memoryConversations();
    const dm = conversationKey('T1', 'D1');
    await conversations.remember(dm, 'MINUSTAH');
    await conversations.remember(dm, undefined);
    expect(await conversations.about(dm)).toBeUndefined();
  });

  it('keeps each thread apart, and holds no id as it was given', () => {
    const key = conversationKey('T1', 'D0USER', undefined);
    expect(conversationKey('T1', 'C1', '1.1')).not.toBe(conversationKey('T1', 'C1', '1.2'));
    expect(key).not.toContain('D0USER');
    expect(key).not.toContain('T1');
  });
});
