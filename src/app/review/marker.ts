/** Hidden in every comment body so a later run knows which finding it is about. */
export function fingerprintMarker(fingerprint: string): string {
  return `<!-- dockaudit:fp=${fingerprint} -->`;
}

const MARKER = /<!-- dockaudit:fp=([0-9a-zA-Z_-]+) -->/g;

/**
 * The fingerprint a comment carries: its last marker, the one the comment ends with. The message
 * before it can quote the pull request's text, and so a marker of someone else's making.
 */
export function markerOf(body: string | null | undefined): string | null {
  return body ? [...body.matchAll(MARKER)].at(-1)?.[1] ?? null : null;
}
