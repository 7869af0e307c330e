import { checkRequest, type RequestCheck } from '../answer/request.js';

export type ConsoleLine = RequestCheck | { exit: true } | { blank: true };

/** A console line as Slack would see it: "/hr-mission MINUSCA", "/hr-story", or a question. */
export function parseConsoleLine(line: string): ConsoleLine {
  const trimmed = line.trim();
  if (trimmed === '') return { blank: true };
  if (/^(exit|quit|\/exit|\/quit)$/i.test(trimmed)) return { exit: true };
  const command = /^(\/\S+)\s*([\s\S]*)$/.exec(trimmed);
  return command ? checkRequest({ command: command[1], text: command[2] }) : checkRequest({ command: null, text: trimmed });
}
