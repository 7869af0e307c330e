import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import type { HTTPReceiver } from '@slack/bolt';

/**
 * Bolt 5.1's HTTPReceiver reads `body.ssl_check` outside its error handling, so a signed body
 * that parses to anything but an object (`null`, `"x"`, `[]`) leaves the request hanging and an
 * unhandled rejection behind. This reads the body first (Bolt accepts a request whose `rawBody`
 * is already read), answers 413 past the limit and 400 to a body that is not an object, and
 * hands everything else to Bolt unchanged, which still verifies the signature.
 */
export function guardRequestBodies(receiver: HTTPReceiver, endpoint: string, limitBytes: number): void {
  const bolt = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    // Anything else goes to Bolt at once, so that its own error handling (a 404 for an unknown path) still applies.
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== endpoint) return bolt(req, res);
    readBody(req, limitBytes).then(
      (raw) => {
        if (raw === undefined) return refuse(res, 413);
        if (!isObjectBody(raw, req.headers['content-type'])) return refuse(res, 400);
        Object.assign(req, { rawBody: raw });
        bolt(req, res);
      },
      () => refuse(res, 400),
    );
  };
}

async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Cheap on purpose: Bolt parses the body next and answers 400 to invalid JSON. What it cannot
 * survive is valid JSON that is not an object, and every such text starts with another character.
 */
function isObjectBody(raw: Buffer, contentType = ''): boolean {
  const text = raw.toString('utf8');
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    if (!text.includes('payload=')) return true;
    const { payload } = parseForm(text);
    return typeof payload !== 'string' || payload.trimStart().startsWith('{');
  }
  return text.trimStart().startsWith('{');
}

function refuse(res: ServerResponse, status: number) {
  res.writeHead(status, { connection: 'close' });
  res.end();
}
