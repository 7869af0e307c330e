import type { ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import type { HTTPReceiver } from '@slack/bolt';
import getRawBody from 'raw-body';

/** Slack's replay window, both ways: Bolt refuses only timestamps older than this, not newer. */
const MAX_CLOCK_SKEW_S = 5 * 60;

/**
 * Bolt 5.1's HTTPReceiver reads `body.ssl_check` outside its error handling, so a signed body
 * that parses to anything but an object (`null`, `"x"`, `[]`) leaves the request hanging and an
 * unhandled rejection behind. This reads the body first (Bolt accepts a request whose `rawBody`
 * is already read), answers 413 past the limit, 401 to a timestamp more than five minutes ahead
 * (a replay prepared in advance) and 400 to a body that is not an object, and hands everything
 * else to Bolt unchanged, which still verifies the signature and refuses old timestamps.
 */
export function guardRequestBodies(receiver: HTTPReceiver, endpoint: string, limitBytes: number): void {
  const bolt = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    // Anything else goes to Bolt at once, so that its own error handling (a 404 for an unknown path) still applies.
    if (req.method !== 'POST' || (req.url ?? '/').split('?', 1)[0] !== endpoint) return bolt(req, res);
    if (isFromTheFuture(req.headers['x-slack-request-timestamp'])) return refuse(res, 401);
    getRawBody(req, { limit: limitBytes, length: req.headers['content-length'] }).then(
      (raw) => {
        if (!isObjectBody(raw, req.headers['content-type'])) return refuse(res, 400);
        Object.assign(req, { rawBody: raw });
        bolt(req, res);
      },
      // Past the limit (413), or cut short or longer than its Content-Length said (400).
      (error: { status?: number }) => refuse(res, error.status === 413 ? 413 : 400),
    );
  };
}

function isFromTheFuture(header: string | string[] | undefined): boolean {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > Date.now() / 1000 + MAX_CLOCK_SKEW_S;
}

/**
 * Bolt parses the body next and answers 400 to invalid JSON. What it cannot survive is valid JSON
 * that is not an object, at the top or in a form's `payload` field. The form is read as Bolt reads
 * it (querystring, names decoded), so `pay%6Coad` is the `payload` field here as it is there.
 */
function isObjectBody(raw: Buffer, contentType = ''): boolean {
  const text = raw.toString('utf8');
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    // A slash command's form: no field can be `payload`, so it is not parsed a third time (Bolt parses it twice).
    if (!text.includes('payload') && !PERCENT_IN_A_NAME.test(text)) return true;
    const { payload } = parseForm(text);
    if (payload === undefined) return true;
    return typeof payload === 'string' && parsesToObject(payload);
  }
  return text.trimStart().startsWith('{');
}

/** A field name written with a percent escape, which could spell `payload` once decoded. */
const PERCENT_IN_A_NAME = /(?:^|&)[^&=]*%/;

function parsesToObject(json: string): boolean {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function refuse(res: ServerResponse, status: number) {
  res.writeHead(status, { connection: 'close' });
  res.end();
}
