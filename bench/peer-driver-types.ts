/** The peer linters measured against dockaudit, installed in bench/peers/ only. */
export const PEERS = ["dclint", "dockerfilelint", "dockerfile-utils"] as const;
export type PeerName = (typeof PEERS)[number];
