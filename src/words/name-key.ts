/**
 * The key under which names are compared: accents, case, spaces and punctuation removed, so "U.S." meets "US",
 * "People 's Republic" meets "People's Republic" and "Bogota" meets "Bogotá".
 *
 * @example nameKey("São Paulo") // "saopaulo"
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}
