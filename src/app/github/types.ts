import type { ProbotOctokit } from "probot";

/** An installation-authenticated client, as `app.auth(installationId)` returns it. */
export type GitHub = InstanceType<typeof ProbotOctokit>;

export interface PullRef {
  owner: string;
  repo: string;
  pullNumber: number;
}
