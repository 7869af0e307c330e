interface EventEnvelope {
  event_id?: unknown;
  event?: { type?: unknown; channel?: unknown; event_ts?: unknown; ts?: unknown; user?: unknown };
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * What identifies one delivery of an event, so that Slack's retries of it are answered once:
 * its event id, or, when a payload lacks one, the event's own type, channel and timestamp.
 * Undefined when neither is there: such an event is answered rather than deduplicated on nothing.
 */
export function deliveryKey(body: EventEnvelope): string | undefined {
  const id = text(body.event_id);
  if (id) return `id:${id}`;
  const event = body.event;
  const ts = text(event?.event_ts) ?? text(event?.ts);
  if (!ts) return undefined;
  return `event:${text(event?.type) ?? ''}:${text(event?.channel) ?? text(event?.user) ?? ''}:${ts}`;
}
