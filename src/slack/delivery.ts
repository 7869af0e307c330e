import { setTimeout as sleep } from 'node:timers/promises';
import { type RespondFn, webApi } from '@slack/bolt';

/** How long a reply may take before it is dropped: a chat answer that comes half an hour late is useless. */
export interface DeliveryOptions {
  /** One HTTP attempt to Slack (Web API or response_url). */
  attemptTimeoutMs: number;
  /** Further attempts after a failure that certainly did not post anything (see `mayRetry`). */
  retries: number;
  /** The whole delivery, rate-limit waits included. */
  deadlineMs: number;
  /** Told of each retry and each delivery given up (the metrics count them). */
  observer?: { retried(): void; failed(): void };
}

export const DEFAULT_DELIVERY: DeliveryOptions = { attemptTimeoutMs: 8_000, retries: 2, deadlineMs: 30_000 };

/**
 * Web API client settings. The client itself never retries: its policy retries a timed-out
 * chat.postMessage that Slack may well have posted, so `deliverWithinDeadline` decides instead.
 * Rate-limited calls are rejected rather than left to the client, whose 429 handling waits out
 * any Retry-After, however long, and pauses every other call meanwhile.
 */
export function webClientOptions(delivery: DeliveryOptions, slackApiUrl?: string): webApi.WebClientOptions {
  return {
    ...(slackApiUrl ? { slackApiUrl: slackApiUrl.endsWith('/') ? slackApiUrl : `${slackApiUrl}/` } : {}),
    timeout: delivery.attemptTimeoutMs,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    // Bolt's respond() posts to response_url with this fetch; without a signal it would wait forever.
    fetch: (input, init) =>
      globalThis.fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(delivery.attemptTimeoutMs) }),
  };
}

function retryAfterSeconds(error: unknown): number | undefined {
  const e = error as { code?: string; retryAfter?: number };
  return e?.code === webApi.ErrorCode.RateLimitedError && typeof e.retryAfter === 'number' ? e.retryAfter : undefined;
}

/** Connection errors that happen before a request is sent: Slack never saw it. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** The system error codes (ECONNREFUSED, …) under an error, from its causes. */
function systemCodes(error: unknown): string[] {
  const codes: string[] = [];
  let e = (error as { cause?: unknown } | undefined)?.cause as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e) {
    if (typeof e.code === 'string') codes.push(e.code);
  }
  return codes;
}

/** Slack's answer to a call, where there was one: a Web API call or a post to a response_url. */
function answeredStatus(error: unknown): number | undefined {
  const e = error as { code?: string; statusCode?: number };
  return e?.code === webApi.ErrorCode.HTTPError || e?.code === 'slack_bolt_respond_error' ? e.statusCode : undefined;
}

/**
 * Whether sending again is safe. A call Slack answered with a 5xx, or one that never left
 * (connection refused, unknown host), did nothing. One that timed out or lost its connection
 * after it was sent may have been carried out: posting it again could post the message twice,
 * so only a call that does the same when repeated (`idempotent`: views.publish) is sent again.
 * A call Slack answered otherwise (a refused token, a bad request) would only fail again.
 */
export function mayRetry(error: unknown, idempotent: boolean): boolean {
  const status = answeredStatus(error);
  if (status !== undefined) return status >= 500;
  const codes = systemCodes(error);
  if (codes.some((code) => NEVER_SENT.has(code))) return true;
  return idempotent && (error as { code?: string })?.code === webApi.ErrorCode.RequestError;
}

const backoffMs = (attempt: number) => Math.min(200 * 2 ** attempt, 2_000);

/**
 * Sends, and sends again within the deadline: after a 429 when Slack's Retry-After and one more
 * attempt still fit, and up to `retries` times after a failure that `mayRetry` deems safe.
 */
export async function deliverWithinDeadline<T>(
  send: () => Promise<T>,
  delivery: DeliveryOptions,
  { idempotent = false }: { idempotent?: boolean } = {},
): Promise<T> {
  const deadline = Date.now() + delivery.deadlineMs;
  for (let retried = 0; ; ) {
    try {
      return await send();
    } catch (error) {
      const rateLimitWait = retryAfterSeconds(error);
      const wait =
        rateLimitWait !== undefined
          ? rateLimitWait * 1000
          : retried < delivery.retries && mayRetry(error, idempotent)
            ? backoffMs(retried++)
            : undefined;
      if (wait === undefined || Date.now() + wait + delivery.attemptTimeoutMs > deadline) {
        delivery.observer?.failed();
        throw error;
      }
      delivery.observer?.retried();
      await sleep(wait);
    }
  }
}

/** An answer only the person who clicked sees, beside the message they acted on (never replacing it). */
export function respondPrivately(respond: RespondFn, message: object, delivery: DeliveryOptions) {
  return deliverWithinDeadline(() => respond({ response_type: 'ephemeral', replace_original: false, ...message }), delivery);
}
