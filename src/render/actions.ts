import * as z from 'zod';
import { MAX_TEXT_LENGTH } from '../answer/request.js';
import { COMMANDS, type Origin } from '../answer/types.js';
import type { EntryType } from '../knowledge/types.js';

/** Action ids of the buttons the renderer makes; the Slack listeners answer them. */
export const SHARE_ACTION = 'share';
export const OPEN_ACTION_PREFIX = 'open:';
/** The Home tab's type-ahead over missions, stories and topics. */
export const SEARCH_ACTION = 'search_entries';

const originSchema = z.union([
  z.strictObject({ command: z.enum(COMMANDS).nullable(), text: z.string().max(MAX_TEXT_LENGTH) }),
  z.strictObject({ type: z.enum(['mission', 'story', 'topic']), id: z.string().max(200) }),
]);

export function encodeOrigin(origin: Origin): string {
  return JSON.stringify(origin);
}

/** A button's value back to what it asks for; undefined for a value this app did not make. */
export function decodeOrigin(value: string | undefined): Origin | undefined {
  if (!value) return undefined;
  try {
    const parsed = originSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function showOrigin(type: EntryType, id: string): Origin {
  return { type, id };
}
