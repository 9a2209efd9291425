/** A Linux capability as Compose's cap_add / cap_drop write it (`net_admin`, `CAP_NET_ADMIN`), in one spelling: `NET_ADMIN`. */
export const capabilityName = (v: unknown): string => String(v).trim().toUpperCase().replace(/^CAP_/, "");
