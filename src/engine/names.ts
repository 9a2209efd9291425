/** `a`; `a` and `b`; `a`, `b` and `c`; `a`, `b`, `c` and 2 more: names as a message lists them. */
export function listed(names: readonly string[], most = 3): string {
  if (names.length > most) return `${names.slice(0, most).join(", ")} and ${names.length - most} more`;
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0] ?? "";
}

/** "Service `a` uses", "Services `a` and `b` use": the subject of a message about several services. */
export function servicesDoing(services: readonly string[], verb: { one: string; many: string }): string {
  const names = services.map((n) => `\`${n}\``);
  return names.length === 1 ? `Service ${names[0]} ${verb.one}` : `Services ${listed(names)} ${verb.many}`;
}
