/** What the app learns from each HTTP answer GitHub gives (status 0: no answer, a timeout or a network error). */
export type ResponseObserver = (request: { method: string; url: string }, status: number, headers: Headers | null) => void;

export interface GitHubFetchOptions {
  /** Abort a request GitHub has not answered within this many ms. */
  timeoutMs: number;
  onResponse?: ResponseObserver;
  fetch?: typeof fetch;
}

/**
 * The `fetch` Octokit sends every attempt through: each request gets a deadline (Octokit has
 * none, so a hung connection would hold a run forever), and each answer is reported for the
 * metrics. A timeout rejects as a network failure, which Octokit's retry plugin retries and the
 * job queue treats as transient.
 */
export function createGitHubFetch(options: GitHubFetchOptions): typeof fetch {
  const inner = options.fetch ?? fetch;
  const wrapped = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]): Promise<Response> => {
    const method = (init?.method ?? "GET").toUpperCase();
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      const response = await inner(input, { ...init, signal });
      options.onResponse?.({ method, url }, response.status, response.headers);
      return response;
    } catch (error) {
      options.onResponse?.({ method, url }, 0, null);
      if (timeout.aborted) throw new TypeError("fetch failed", { cause: new Error(`GitHub did not answer ${method} within ${options.timeoutMs} ms`) });
      throw error;
    }
  };
  return wrapped as typeof fetch;
}
