import { setTimeout as sleep } from 'node:timers/promises';
import { webApi } from '@slack/bolt';

/** How long a reply may take before it is dropped: a chat answer that comes half an hour late is useless. */
export interface DeliveryOptions {
  /** One HTTP attempt to Slack (Web API or response_url). */
  attemptTimeoutMs: number;
  /** Further attempts after a network error or a 5xx, by @slack/web-api's own retry policy. */
  retries: number;
  /** The whole delivery, rate-limit waits included. */
  deadlineMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { attemptTimeoutMs: 8_000, retries: 2, deadlineMs: 30_000 };

/**
 * Web API client settings. Rate-limited calls are rejected rather than left to the client,
 * whose 429 handling waits out any Retry-After, however long, and pauses every other call meanwhile.
 */
export function webClientOptions(delivery: DeliveryOptions, slackApiUrl?: string): webApi.WebClientOptions {
  return {
    ...(slackApiUrl ? { slackApiUrl: slackApiUrl.endsWith('/') ? slackApiUrl : `${slackApiUrl}/` } : {}),
    timeout: delivery.attemptTimeoutMs,
    rejectRateLimitedCalls: true,
    retryConfig: {
      retries: delivery.retries,
      factor: 2,
      minTimeout: 200,
      maxTimeout: 2_000,
      maxRetryTime: delivery.deadlineMs,
    },
    // Bolt's respond() posts to response_url with this fetch; without a signal it would wait forever.
    fetch: (input, init) =>
      globalThis.fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(delivery.attemptTimeoutMs) }),
  };
}

function retryAfterSeconds(error: unknown): number | undefined {
  const e = error as { code?: string; retryAfter?: number };
  return e?.code === webApi.ErrorCode.RateLimitedError && typeof e.retryAfter === 'number' ? e.retryAfter : undefined;
}

/** Sends again after a 429 when Slack's Retry-After and one more attempt still fit before the deadline; otherwise gives up. */
export async function deliverWithinDeadline<T>(send: () => Promise<T>, delivery: DeliveryOptions): Promise<T> {
  const deadline = Date.now() + delivery.deadlineMs;
  for (;;) {
    try {
      return await send();
    } catch (error) {
      const wait = retryAfterSeconds(error);
      if (wait === undefined || Date.now() + wait * 1000 + delivery.attemptTimeoutMs > deadline) throw error;
      await sleep(wait * 1000);
    }
  }
}
