import type { Footnote, Mission, Source } from '../knowledge/types.js';
import { context } from './blocks.js';
import { escapeText } from './mrkdwn.js';

function sourceLabel(source: Source): string {
  return source.author
    ? `${source.author}, ${source.publisher}${source.year ? `, ${source.year}` : ''}`
    : `${source.publisher}, “${source.title}”`;
}

/** The author line a communications officer pastes under a quote. */
export function attribution(source: Source): string {
  const who = source.author ? [source.author, source.authorRole].filter(Boolean).join(', ') : source.title;
  return `${who} · ${source.publisher}${source.year ? `, ${source.year}` : ''}`;
}

/** The sources as one line of text: "Sources: …" under an answer, "From …" under a topic, the Home tab's list. */
export function sourcesList(sources: Source[]): string {
  return sources.map(sourceLabel).join('; ');
}

export function sourcesContext(sources: Source[]) {
  return context(sources.length ? escapeText(`Sources: ${sourcesList(sources)}`) : '');
}

/** Required notes (e.g. Kosovo and resolution 1244), each in its own context line. */
export function footnotesContext(footnotes: Footnote[]) {
  return context(...footnotes.map((note) => escapeText(note.text)));
}

export function kindLabel(mission: Mission): string {
  return mission.kind.charAt(0).toUpperCase() + mission.kind.slice(1);
}

export function statusLabel(mission: Mission): string {
  switch (mission.status) {
    case 'active':
      return 'Active';
    case 'closed':
      return `Closed ${mission.ended}`;
    case 'succeeded':
      return `Succeeded by ${mission.successor} on ${mission.ended}`;
  }
}
