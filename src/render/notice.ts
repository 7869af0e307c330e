import { context, sections } from './blocks.js';
import type { Message } from './message.js';
import { escapeText } from './mrkdwn.js';
import { blocksToText } from './plain-text.js';

function message(blocks: Message['blocks']): Message {
  return { blocks, text: blocksToText(blocks) };
}

/** A request the bot cannot take as it is, with what to do instead. */
export function renderProblem(problem: string): Message {
  return message([
    ...sections(`Sorry, I can't answer that: ${escapeText(problem)}.`),
    ...context('Type `/hr-mission help` to see how to ask.'),
  ]);
}

/** Something failed on the bot's side; the reference ties the user's report to the log line. */
export function renderApology(reference: string): Message {
  return message(
    sections(
      `Sorry, something went wrong on my side and I could not answer. Please try again; if it happens again, tell your Slack admin and quote reference \`${escapeText(reference)}\`.`,
    ),
  );
}

/** A button for an entry that an edit has since removed or renamed. */
export function renderGone(): Message {
  return renderProblem(
    'that entry is no longer in the knowledge base (it may have been edited); ask again with /hr-mission or /hr-story',
  );
}
