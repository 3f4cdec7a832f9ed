/**
 * The key under which names are compared: accents, case, spaces and punctuation removed, so "U.S." meets "US",
 * "People 's Republic" meets "People's Republic" and "Bogota" meets "Bogotá".
 *
 * @example nameKey("São Paulo") // "saopaulo"
 */
export function nameKey(name: string): string {
  // Most names are plain ASCII, where the key is the letters and digits in lower case; the rules and the
  // tagger ask for keys of most capitalised words, so this path skips Unicode normalisation and two regexes.
  let key = "";
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128) return unicodeKey(name);
    if (c >= 97 && c <= 122) key += name[i];
    else if (c >= 65 && c <= 90) key += String.fromCharCode(c + 32);
    else if (c >= 48 && c <= 57) key += name[i];
  }
  return key;
}

function unicodeKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}
