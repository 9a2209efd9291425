/** Hidden in every comment body so a later run knows which finding it is about. */
export function fingerprintMarker(fingerprint: string): string {
  return `<!-- dockaudit:fp=${fingerprint} -->`;
}

const MARKER = /<!-- dockaudit:fp=([0-9a-zA-Z_-]+) -->/;

export function markerOf(body: string | null | undefined): string | null {
  return body ? MARKER.exec(body)?.[1] ?? null : null;
}
